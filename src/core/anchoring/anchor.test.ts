import { describe, expect, it } from 'vitest';
import { reanchor } from './anchor';
import { selectorsFor } from './selectors';

const body =
  'Iran and the United States agreed to continue negotiations after talks in Muscat. ' +
  'Trump said the talks had been "very good" and will continue early next week. ' +
  'Washington announced fresh sanctions on the same day.';

const annotate = (text: string, quote: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  const selectors = selectorsFor(text, at, at + quote.length);
  if ('error' in selectors) throw new Error(selectors.error);
  return selectors;
};
const placed = (text: string, r: ReturnType<typeof reanchor>) =>
  r.status === 'orphaned' ? null : text.slice(r.start, r.end);

describe('selectorsFor', () => {
  it('keeps up to 32 characters of context and the offsets', () => {
    const [position, quote] = annotate(body, 'fresh sanctions');
    const start = body.indexOf('fresh sanctions');
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 15 });
    expect(quote.exact).toBe('fresh sanctions');
    expect(quote.prefix).toBe(body.slice(start - 32, start));
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toBe(' on the same day.');
  });

  it('names the problem with a span outside the text or empty', () => {
    expect(selectorsFor('short', 2, 40)).toEqual({
      error: 'span 2..40 lies outside the text (0..5)',
    });
    expect(selectorsFor('short', 3, 3)).toEqual({ error: 'span 3..3 is empty' });
  });
});

describe('reanchor', () => {
  it('keeps a span whose text has not moved', () => {
    const r = reanchor(annotate(body, 'fresh sanctions'), body);
    expect(r).toMatchObject({ status: 'exact-position', score: 1 });
    expect(placed(body, r)).toBe('fresh sanctions');
  });

  it('follows a span moved by an insertion earlier in the text', () => {
    const edited = 'UPDATED: ' + body;
    const r = reanchor(annotate(body, 'fresh sanctions'), edited);
    expect(r.status).toBe('exact-quote');
    const start = edited.indexOf('fresh sanctions');
    expect(r).toMatchObject({ start, end: start + 15 });
  });

  it('picks the repeated phrase whose context still matches', () => {
    const selectors = annotate(body, 'the talks', 0);
    const edited = 'The talks began. ' + body;
    const r = reanchor(selectors, edited);
    expect(r).toMatchObject({ start: edited.indexOf('said the talks') + 5 });
  });

  it('finds a reworded span by approximate match', () => {
    const edited = body.replace('agreed to continue negotiations', 'agreed to resume negotiations');
    const r = reanchor(annotate(body, 'agreed to continue negotiations after talks'), edited);
    expect(r.status).toBe('fuzzy');
    expect(placed(edited, r)).toBe('agreed to resume negotiations after talks');
  });

  it('treats a change of quote style as no change of wording', () => {
    const edited = body.replace('"very good"', '\u201cvery good\u201d');
    const r = reanchor(annotate(body, 'had been "very good" and'), edited);
    expect(r.status).toBe('exact-position');
    expect(placed(edited, r)).toBe('had been \u201cvery good\u201d and');
  });

  it('orphans a span whose sentence was deleted, keeping the old text', () => {
    const edited = body.replace('Washington announced fresh sanctions on the same day.', '');
    expect(reanchor(annotate(body, 'announced fresh sanctions'), edited)).toEqual({
      status: 'orphaned',
      reason: 'no passage close enough to the annotated text',
      exact: 'announced fresh sanctions',
    });
  });

  it('orphans a short quote that survives only amid other words', () => {
    const selectors = annotate(body, 'the talks');
    const edited = 'Elsewhere, the talks were praised by nobody at all in any capital.';
    expect(reanchor(selectors, edited).status).toBe('orphaned');
  });

  it('orphans rather than choose between two equally close passages', () => {
    const selectors = annotate(body, 'fresh sanctions on the same day');
    const edited =
      'It announced new sanctions on the same day. Others added fresh sanction on the same day.';
    const r = reanchor([selectors[1]], edited);
    expect(r.status).toBe('orphaned');
  });
});
