import { describe, expect, it } from 'vitest';
import type { TextComparisonResult } from '../../../../shared/engine';
import { contrastReasons, explainRow, explanationText, opening } from './rowEvidence';

type Link = TextComparisonResult['links'][number];

const sentence = (id: number, text: string) => ({
  id,
  text,
  start: 0,
  end: text.length,
  paragraph: id,
});
const sentences = {
  a: [sentence(0, 'The timing of the next round will be determined in consultations.')],
  b: [
    sentence(0, 'Trump said talks will continue early next week.'),
    sentence(1, 'He said the two sides will decide how and when the next round takes place.'),
  ],
};
const span = { start: 0, end: 1 };

const contrast: Link = {
  a: 0,
  b: 0,
  kind: 'contrast',
  score: 0.4,
  confidence: 0.734,
  evidence: [{ kind: 'word', a: 'next round', b: 'next round', aSpan: span, bSpan: span }],
  contrast: { slot: 'time', a: 'in consultations', b: 'early next week', aSpan: span, bSpan: span },
};
const same: Link = {
  a: 0,
  b: 1,
  kind: 'same',
  score: 0.6,
  confidence: 0.91,
  evidence: [{ kind: 'paraphrase', a: 'determined', b: 'decide', aSpan: span, bSpan: span }],
};
const possible: Link = { a: 0, b: 1, kind: 'possible', score: 0.3, confidence: 0.38, evidence: [] };

describe('explainRow', () => {
  it('gives each link its kind, confidence as a percent, reason and evidence, findings first', () => {
    const explained = explainRow({ links: [contrast, same] }, sentences);
    expect(explained.map((x) => [x.title, x.confidence])).toEqual([
      ['Same claim', '91%'],
      ['Different claim', '73%'],
    ]);
    expect(explained[0]!.evidence).toEqual([
      { kind: 'paraphrase', label: 'Paraphrases', items: ['“determined” ≈ “decide”'] },
    ]);
    expect(explained[1]!.reason).toBe('Timing differs: “in consultations” vs “early next week”');
    // Two links in a row: each says which sentences it joins.
    expect(explained[1]!.between).toEqual({
      a: 'The timing of the next round…',
      b: 'Trump said talks will continue early…',
    });
  });

  it('asks, for a possible link, and says so in the text a screen reader hears', () => {
    const [x] = explainRow({ links: [possible] }, sentences);
    expect(x).toMatchObject({ kind: 'possible', glyph: '?', confidence: '38%', between: null });
    expect(explanationText([x!])).toBe(
      'Possibly the same claim — check, 38% confidence. No shared names, numbers or quotes listed.',
    );
  });

  it('puts the reason and the evidence into the description', () => {
    const text = explanationText(explainRow({ links: [contrast] }, sentences));
    expect(text).toBe(
      'Different claim, 73% confidence. Timing differs: “in consultations” vs “early next week”. Shared words: next round.',
    );
  });
});

describe('contrastReasons', () => {
  it('gives a contrast row its reasons, once each, and a sentence those of its own contrasts', () => {
    const row = { links: [contrast, { ...contrast, b: 1 }, same] };
    expect(contrastReasons(row)).toEqual([
      'Timing differs: “in consultations” vs “early next week”',
    ]);
    expect(contrastReasons(row, 'b', 1)).toHaveLength(1);
    expect(contrastReasons({ links: [same] }, 'b', 1)).toEqual([]);
  });
});

describe('opening', () => {
  it('keeps the first words of a long sentence', () => {
    expect(opening('One two three.')).toBe('One two three.');
    expect(opening('One two three four five six seven eight.')).toBe(
      'One two three four five six…',
    );
  });
});
