import { describe, expect, it } from 'vitest';
import type { TextComparisonResult } from '../../../../shared/engine';
import { buildAlignedRows } from './alignedRows';
import { highlightsOfRow } from './rowWording';
import { sharedEvidence, spanOf } from '../../../../shared/testing/linkFixtures';

type Link = TextComparisonResult['links'][number];

/** Two one-paragraph-per-sentence bodies, their analysis with the given links, and the bodies. */
function pairOf(a: string[], b: string[], links: Link[]) {
  const side = (texts: string[]) => {
    let at = 0;
    const sentences = texts.map((text, id) => {
      const s = { id, text, start: at, end: at + text.length, paragraph: id };
      at += text.length + 2;
      return s;
    });
    return { sentences, body: texts.join('\n\n') };
  };
  const sa = side(a);
  const sb = side(b);
  const analysis: TextComparisonResult = {
    a: { sentences: sa.sentences },
    b: { sentences: sb.sentences },
    links,
    onlyA: [],
    onlyB: [],
    maybeA: [],
    maybeB: [],
    lenses: [],
    voices: { a: [], b: [], onlyA: [], onlyB: [] },
  };
  return { analysis, bodies: { a: sa.body, b: sb.body } };
}

const words = (body: string, ranges: { start: number; end: number }[]) =>
  ranges.map((r) => body.slice(r.start, r.end));

const TT = [
  'Intro of Tehran Times.',
  'He noted that the timing and way of the next round of talks will be determined in subsequent consultations through the Omani foreign minister.',
];
const CGTN = [
  'U.S. President Donald Trump told reporters on Friday that the talks had been "very good" and will continue early next week.',
];

const contrast: Link = {
  a: 1,
  b: 0,
  kind: 'contrast',
  score: 0.42,
  confidence: 0.81,
  evidence: [sharedEvidence('word', TT[1]!, CGTN[0]!, 'talks')],
  contrast: {
    slot: 'time',
    a: 'in subsequent consultations',
    b: 'early next week',
    aSpan: spanOf(TT[1]!, 'in subsequent consultations'),
    bSpan: spanOf(CGTN[0]!, 'early next week'),
  },
};

describe('highlightsOfRow', () => {
  it('on a paraphrased contrast: the differing phrases, no word diff, and no plain shared words', () => {
    const { analysis, bodies } = pairOf(TT, CGTN, [contrast]);
    const row = buildAlignedRows(analysis).find((r) => r.kind === 'contrast')!;
    const h = highlightsOfRow(analysis, bodies, row);
    expect(h.a.only).toEqual([]);
    expect(h.b.only).toEqual([]);
    // A shared word ("talks") is listed in the row's details, not marked: too many to mark.
    expect(h.a.shared).toEqual([]);
    // Sentence-relative spans become body offsets: A's sentence starts after the intro.
    expect(h.a.differs.map((r) => [bodies.a.slice(r.start, r.end), r.label])).toEqual([
      ['in subsequent consultations', 'Timing'],
    ]);
    expect(h.b.differs.map((r) => [bodies.b.slice(r.start, r.end), r.label])).toEqual([
      ['early next week', 'Timing'],
    ]);
  });

  it('on near-identical wordings (wire copy): the word diff, which says what was changed', () => {
    const a = 'The talks in Muscat ended on Friday with a good start, officials said.';
    const b = 'The talks in Muscat ended on Friday with a good start, diplomats said.';
    const { analysis, bodies } = pairOf(
      [a],
      [b],
      [
        {
          a: 0,
          b: 0,
          kind: 'same',
          score: 0.95,
          confidence: 0.97,
          evidence: [sharedEvidence('name', a, b, 'Muscat')],
        },
      ],
    );
    const row = buildAlignedRows(analysis)[0]!;
    const h = highlightsOfRow(analysis, bodies, row);
    expect(words(bodies.a, h.a.only)).toEqual(['officials']);
    expect(words(bodies.b, h.b.only)).toEqual(['diplomats']);
    expect(h.a.shared).toEqual([]);
  });

  it('on paraphrases that share little wording: evidence only, not nearly every word underlined', () => {
    const a = 'We must first overcome this prevailing atmosphere of distrust, Araghchi said.';
    const b = 'Araghchi noted we firstly have to overcome the pervading atmosphere of distrust.';
    const { analysis, bodies } = pairOf(
      [a],
      [b],
      [
        {
          a: 0,
          b: 0,
          kind: 'same',
          score: 0.6,
          confidence: 0.88,
          evidence: [
            sharedEvidence('name', a, b, 'Araghchi'),
            sharedEvidence('paraphrase', a, b, 'prevailing', 'pervading'),
          ],
        },
      ],
    );
    const h = highlightsOfRow(analysis, bodies, buildAlignedRows(analysis)[0]!);
    expect(h.a.only).toEqual([]);
    expect(words(bodies.a, h.a.shared)).toEqual(['prevailing', 'Araghchi']);
    expect(words(bodies.b, h.b.shared)).toEqual(['Araghchi', 'pervading']);
  });

  it('skips a span that does not fit its sentence, and a side that lacks the phrase', () => {
    const { analysis, bodies } = pairOf(TT, CGTN, [
      {
        ...contrast,
        evidence: [{ ...contrast.evidence[0]!, kind: 'name', aSpan: { start: 5, end: 9999 } }],
        contrast: { ...contrast.contrast!, slot: 'certainty', a: '', aSpan: null },
      },
    ]);
    const row = buildAlignedRows(analysis).find((r) => r.kind === 'contrast')!;
    const h = highlightsOfRow(analysis, bodies, row);
    expect(h.a.shared).toEqual([]);
    expect(words(bodies.b, h.b.shared)).toEqual(['talks']);
    expect(h.a.differs).toEqual([]);
    expect(h.b.differs.map((r) => r.label)).toEqual(['Certainty']);
  });

  it('marks in a row of findings what its findings rest on, not what a possible link shares', () => {
    const a = 'Araghchi called the talks in Muscat a good start.';
    const b = 'Araghchi said the talks in Oman were a good start, and Oman hosted them.';
    const c = 'Oman hosted the talks.';
    const same: Link = {
      a: 0,
      b: 0,
      kind: 'same',
      score: 0.7,
      confidence: 0.9,
      evidence: [sharedEvidence('name', a, b, 'Araghchi')],
    };
    const maybe: Link = {
      a: 0,
      b: 1,
      kind: 'possible',
      score: 0.2,
      confidence: 0.3,
      evidence: [
        {
          kind: 'name',
          a: 'Muscat',
          b: 'Oman',
          aSpan: spanOf(a, 'Muscat'),
          bSpan: spanOf(c, 'Oman'),
        },
      ],
    };
    const { analysis, bodies } = pairOf([a], [b, c], [same, maybe]);
    const row = buildAlignedRows(analysis)[0]!;
    expect(row.b).toEqual([0, 1]);
    const h = highlightsOfRow(analysis, bodies, row);
    expect(words(bodies.a, h.a.shared)).toEqual(['Araghchi']);
    expect(words(bodies.b, h.b.shared)).toEqual(['Araghchi']);
  });

  it('highlights nothing in rows of one side', () => {
    const { analysis, bodies } = pairOf(TT, CGTN, [contrast]);
    const only = buildAlignedRows(analysis).find((r) => r.kind === 'onlyA')!;
    expect(highlightsOfRow(analysis, bodies, only)).toEqual({
      a: { only: [], shared: [], differs: [] },
      b: { only: [], shared: [], differs: [] },
    });
  });
});
