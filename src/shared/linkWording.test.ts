import { describe, expect, it } from 'vitest';
import {
  contrastReason,
  contrastReasonOf,
  evidenceLine,
  formatConfidence,
  groupEvidence,
  isFinding,
  strongestKind,
} from './linkWording';

const span = { start: 0, end: 1 };

describe('contrastReason', () => {
  it('says what differs and how each side puts it', () => {
    expect(
      contrastReason({
        slot: 'time',
        a: 'in subsequent consultations',
        b: 'early next week',
        aSpan: span,
        bSpan: span,
      }),
    ).toBe('Timing differs: “in subsequent consultations” vs “early next week”');
    expect(contrastReason({ slot: 'number', a: '15', b: '14', aSpan: span, bSpan: span })).toBe(
      'Numbers differ: “15” vs “14”',
    );
    expect(
      contrastReason({ slot: 'speaker', a: 'Araghchi', b: 'Trump', aSpan: span, bSpan: span }),
    ).toBe('Who says it differs: “Araghchi” vs “Trump”');
    expect(
      contrastReason({
        slot: 'evaluation',
        a: 'aggression',
        b: 'strikes',
        aSpan: span,
        bSpan: span,
      }),
    ).toBe('Evaluation differs (word choice): “aggression” vs “strikes”');
  });

  it('names what a side does without the phrase (a null span)', () => {
    expect(contrastReason({ slot: 'certainty', a: '', b: 'may', aSpan: null, bSpan: span })).toBe(
      'Certainty differs (hedged vs flat): (states it flatly) vs “may”',
    );
    expect(contrastReason({ slot: 'negation', a: 'not', b: '', aSpan: span, bSpan: null })).toBe(
      'Negation differs: “not” vs (no negation)',
    );
  });

  it('falls back to a plain note when a contrast link carries no reason', () => {
    expect(contrastReasonOf({})).toBe('Same point, but they do not say the same thing');
  });
});

describe('evidence', () => {
  const evidence = [
    { kind: 'word' as const, a: 'talks', b: 'talks' },
    { kind: 'name' as const, a: 'Albusaidi', b: 'Al Busaidi' },
    { kind: 'name' as const, a: 'Oman', b: 'oman' },
    { kind: 'paraphrase' as const, a: 'determined', b: 'decide' },
    { kind: 'quote' as const, a: 'a good start', b: 'a good start' },
    { kind: 'number' as const, a: '15', b: '15' },
    { kind: 'name' as const, a: 'Oman', b: 'Oman' },
  ];

  it('groups it by kind in a fixed order, each item once, spellings of both sides kept', () => {
    expect(groupEvidence(evidence)).toEqual([
      { kind: 'name', label: 'Shared names', items: ['Albusaidi / Al Busaidi', 'Oman'] },
      { kind: 'number', label: 'Shared numbers', items: ['15'] },
      { kind: 'quote', label: 'Quoted words', items: ['“a good start”'] },
      { kind: 'paraphrase', label: 'Paraphrases', items: ['“determined” ≈ “decide”'] },
      { kind: 'word', label: 'Shared words', items: ['talks'] },
    ]);
    expect(evidenceLine(evidence.slice(2, 4))).toBe(
      'Shared names: Oman; Paraphrases: “determined” ≈ “decide”',
    );
  });
});

describe('kinds', () => {
  it('a set of links asserts its strongest kind; possible alone only asks', () => {
    expect(strongestKind([{ kind: 'possible' }, { kind: 'same' }])).toBe('same');
    expect(strongestKind([{ kind: 'possible' }, { kind: 'contrast' }])).toBe('contrast');
    expect(strongestKind([{ kind: 'possible' }])).toBe('possible');
    expect(strongestKind([])).toBeNull();
    expect([isFinding({ kind: 'same' }), isFinding({ kind: 'contrast' })]).toEqual([true, true]);
    expect(isFinding({ kind: 'possible' })).toBe(false);
  });

  it('writes confidence as a whole percent', () => {
    expect(formatConfidence(0.864)).toBe('86%');
    expect(formatConfidence(1)).toBe('100%');
    expect(formatConfidence(0)).toBe('0%');
  });
});
