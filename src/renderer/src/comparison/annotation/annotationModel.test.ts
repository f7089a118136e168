import { CONTEXT_LENGTH as QUOTE_CONTEXT_CHARS } from '../../../../core/anchoring/selectors';
import { describe, expect, it } from 'vitest';
import type { Annotation, Code, Codebook } from '../../../../shared/domain';
import {
  UNCODED_COLOR,
  UNNAMED_CODER,
  annotatorsOf,
  byAnnotator,
  countByCode,
  filterCodes,
  groupByCode,
  marksFrom,
  nextCodeColor,
  partnerOf,
  restoredOrphans,
  positionOf,
  quoteOf,
  selectorsFor,
  shortenQuote,
} from './annotationModel';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const versions = { aVersionId: A, bVersionId: B };
const BOOK = '00000000-0000-4000-8000-0000000000bb';

function code(n: number, name: string, color: string, group = 'Framing devices'): Code {
  return {
    id: `00000000-0000-4000-8000-0000000000c${n}`,
    codebookId: BOOK,
    name,
    description: `${name} description`,
    color,
    group,
  };
}
const omission = code(1, 'Omission', '#b23b3b');
const wording = code(2, 'Word choice / labels', '#c46a00');
const economic = code(3, 'Economic', '#3b5bb2', 'Policy frames');
const codebooks: Codebook[] = [
  { id: BOOK, name: 'Framing', description: '', codes: [omission, wording, economic] },
];

let serial = 0;
function annotation(
  versionId: string,
  start: number,
  end: number,
  codeId: string | null,
  note = '',
  pairId: string | null = null,
): Annotation {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    versionId,
    comparisonId: null,
    codeId,
    note,
    selectors: [
      { type: 'TextPositionSelector', start, end },
      { type: 'TextQuoteSelector', exact: `quote ${serial}`, prefix: '', suffix: '' },
    ],
    pairId,
    annotator: 'me',
    createdAt: '2026-02-07T10:00:00Z',
    updatedAt: '2026-02-07T10:00:00Z',
    carriedFrom: null,
  };
}

describe('selectorsFor', () => {
  const body =
    'Iran and the United States held indirect talks in Muscat on Friday, mediated by Oman. ' +
    'The next round will be held early next week, according to officials who spoke to reporters.';

  it('stores the position and the exact quote with 32 characters of context either side', () => {
    const start = body.indexOf('early next week');
    const end = start + 'early next week'.length;
    const [position, quote] = selectorsFor(body, start, end);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'early next week',
      prefix: body.slice(start - QUOTE_CONTEXT_CHARS, start),
      suffix: body.slice(end, end + QUOTE_CONTEXT_CHARS),
    });
    // Enough context to find the quote again after the text changes.
    expect(quote).toMatchObject({
      prefix: 'an. The next round will be held ',
      suffix: ', according to officials who spo',
    });
  });

  it('cuts the context at the edges of the body', () => {
    const [, quote] = selectorsFor(body, 0, 4);
    expect(quote).toMatchObject({ exact: 'Iran', prefix: '' });
    const [, last] = selectorsFor(body, body.length - 10, body.length);
    expect(last).toMatchObject({ exact: 'reporters.', suffix: '' });
  });
});

describe('reading an annotation', () => {
  it('finds its position and its quote, whitespace collapsed', () => {
    const a = annotation(A, 5, 20, null);
    a.selectors[1] = { type: 'TextQuoteSelector', exact: '  early\n\nnext   week ' };
    expect(positionOf(a)).toEqual({ start: 5, end: 20 });
    expect(quoteOf(a)).toBe('early next week');
  });

  it('shortens a long quote at a word boundary', () => {
    const long = 'word '.repeat(60).trim();
    const short = shortenQuote(long, 50);
    expect(short.length).toBeLessThanOrEqual(51);
    expect(short.endsWith('word…')).toBe(true);
    expect(shortenQuote('short quote', 50)).toBe('short quote');
  });
});

describe('marksFrom', () => {
  it('makes one mark per annotation, on its side, in its code colour, labelled "Code: note"', () => {
    const onA = annotation(A, 10, 30, omission.id, 'Leaves out the sanctions');
    const onB = annotation(B, 40, 55, wording.id);
    expect(marksFrom([onA, onB], codebooks, versions)).toEqual([
      {
        id: onA.id,
        side: 'a',
        start: 10,
        end: 30,
        color: '#b23b3b',
        label: 'Omission: Leaves out the sanctions',
      },
      {
        id: onB.id,
        side: 'b',
        start: 40,
        end: 55,
        color: '#c46a00',
        label: 'Word choice / labels',
      },
    ]);
  });

  it('greys out annotations without a code and skips other versions', () => {
    const uncoded = annotation(B, 1, 5, null, 'to check');
    const elsewhere = annotation('00000000-0000-4000-8000-0000000000ff', 1, 5, omission.id);
    const marks = marksFrom([uncoded, elsewhere], codebooks, versions);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ color: UNCODED_COLOR, label: 'No code: to check' });
  });
});

describe('groupByCode', () => {
  it('groups in codebook order, uncoded last, side A first then reading order', () => {
    const e1 = annotation(B, 50, 60, economic.id);
    const o1 = annotation(B, 30, 40, omission.id);
    const o2 = annotation(A, 90, 95, omission.id);
    const o3 = annotation(B, 5, 9, omission.id);
    const none = annotation(A, 1, 2, null);
    const gone = annotation(A, 3, 4, '00000000-0000-4000-8000-0000000000dd');
    const groups = groupByCode([e1, o1, none, o2, o3, gone], codebooks, versions);
    expect(groups.map((g) => g.code?.name ?? null)).toEqual(['Omission', 'Economic', null]);
    expect(groups[0]!.annotations.map((a) => a.id)).toEqual([o2.id, o3.id, o1.id]);
    expect(groups[2]!.annotations.map((a) => a.id)).toEqual([none.id, gone.id]);
  });

  it('counts annotations per code', () => {
    const list = [annotation(A, 1, 2, omission.id), annotation(B, 1, 2, omission.id)];
    expect(countByCode(list).get(omission.id)).toBe(2);
    expect(countByCode(list).get(wording.id)).toBeUndefined();
  });
});

describe('partnerOf', () => {
  const pair = '00000000-0000-4000-8000-0000000000ee';
  const acrossArticles = { ...versions, sameArticle: false };

  it('finds the other half of a pair, and nothing for a single annotation', () => {
    const left = annotation(A, 1, 5, omission.id, '', pair);
    const right = annotation(B, 7, 9, omission.id, '', pair);
    const alone = annotation(A, 1, 5, omission.id);
    expect(partnerOf(left, [left, right, alone], acrossArticles)).toBe(right);
    expect(partnerOf(right, [left, right, alone], acrossArticles)).toBe(left);
    expect(partnerOf(alone, [left, right, alone], acrossArticles)).toBeNull();
    expect(partnerOf(left, [left], acrossArticles)).toBeNull();
  });

  it('does not take an annotation’s own carried copy (v1 and v2 of one article) for its partner', () => {
    // Made on v1 (side A) paired with another article; carried to v2 (side B) with the same pairId.
    const original = annotation(A, 1, 5, omission.id, '', pair);
    const carried: Annotation = {
      ...annotation(B, 1, 5, omission.id, '', pair),
      carriedFrom: { annotationId: original.id, versionId: A, method: 'exact-quote' },
    };
    const sameArticle = { ...versions, sameArticle: true };
    expect(partnerOf(original, [original, carried], sameArticle)).toBeNull();
    expect(partnerOf(carried, [original, carried], sameArticle)).toBeNull();
  });

  it('only counts a partner on the other side', () => {
    const left = annotation(A, 1, 5, omission.id, '', pair);
    const sameSide = annotation(A, 7, 9, omission.id, '', pair);
    const elsewhere = annotation('00000000-0000-4000-8000-0000000000ff', 7, 9, null, '', pair);
    expect(partnerOf(left, [left, sameSide, elsewhere], acrossArticles)).toBeNull();
  });
});

describe('restoredOrphans', () => {
  it('brings back the orphan records of an undone delete that name one of the open versions', () => {
    const earlier = '00000000-0000-4000-8000-0000000000e1';
    const other = '00000000-0000-4000-8000-0000000000e2';
    const made = annotation(earlier, 1, 5, omission.id);
    const records = [
      { versionId: B, oldText: 'the sanctions' },
      { versionId: other, oldText: 'the sanctions' },
    ];
    expect(restoredOrphans(made, records, versions)).toEqual([
      { annotation: made, versionId: B, oldText: 'the sanctions' },
    ]);
    expect(restoredOrphans(made, [], versions)).toEqual([]);
  });
});

describe('filterCodes', () => {
  const codes = codebooks[0]!.codes;
  it('keeps every code for an empty query', () => {
    expect(filterCodes(codes, '  ')).toEqual(codes);
  });

  it('matches words in name, group or description, names starting with the query first', () => {
    expect(filterCodes(codes, 'eco').map((c) => c.name)).toEqual(['Economic']);
    expect(filterCodes(codes, 'policy').map((c) => c.name)).toEqual(['Economic']);
    expect(filterCodes(codes, 'word lab').map((c) => c.name)).toEqual(['Word choice / labels']);
    expect(filterCodes(codes, 'o').map((c) => c.name)).toEqual([
      'Omission',
      'Word choice / labels',
      'Economic',
    ]);
    expect(filterCodes(codes, 'zzz')).toEqual([]);
  });
});

describe('nextCodeColor', () => {
  it('picks a palette colour the codebook does not use yet', () => {
    const color = nextCodeColor(codebooks[0]!.codes);
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(['#b23b3b', '#c46a00', '#3b5bb2']).not.toContain(color);
  });
});

describe('annotators', () => {
  const signed = (name: string) => ({ ...annotation(A, 0, 4, null), annotator: name });
  const list = [signed('Sara'), signed('  '), signed('Ali'), signed('Sara')];

  it('lists each annotator once by name, an unsigned annotation as "(unnamed)"', () => {
    expect(annotatorsOf(list)).toEqual([UNNAMED_CODER, 'Ali', 'Sara']);
  });

  it('keeps only the chosen annotator’s annotations, or all of them', () => {
    expect(byAnnotator(list, 'Sara')).toEqual([list[0], list[3]]);
    expect(byAnnotator(list, UNNAMED_CODER)).toEqual([list[1]]);
    expect(byAnnotator(list, null)).toBe(list);
  });
});
