import { describe, expect, it } from 'vitest';
import type { TextMark } from '../workspaceTypes';
import {
  onlyWordingRanges,
  splitIntoSpans,
  wordingOfPair,
  type SentenceText,
  type TextSpan,
} from './sentenceSpans';

/** Sentences of a body, as the engine gives them (text = body.slice(start, end)). */
function sentencesOf(body: string, texts: string[]): SentenceText[] {
  return texts.map((text) => {
    const start = body.indexOf(text);
    return { start, end: start + text.length, text };
  });
}

const words = (body: string, ranges: { start: number; end: number }[]) =>
  ranges.map((r) => body.slice(r.start, r.end));

const mark = (id: string, start: number, end: number): TextMark => ({
  id,
  side: 'a',
  start,
  end,
  color: '#aa0000',
  label: `Code ${id}`,
});

/** The spans as text with their layers: "[only]word", "[lens,m1]word", "[differs:Timing|]word"… */
function describeSpans(body: string, spans: TextSpan[]): string[] {
  return spans.map((s) => {
    const layers = [
      s.only && 'only',
      s.shared && 'shared',
      s.differs !== null && `differs:${s.differs}${s.differsEnd ? '|' : ''}`,
      s.lens && 'lens',
      ...s.marks.map((m) => m.id),
    ].filter(Boolean);
    return `${layers.length ? `[${layers.join(',')}]` : ''}${body.slice(s.start, s.end)}`;
  });
}

describe('onlyWordingRanges', () => {
  it('finds the words only each side uses, as body offsets without edge spaces', () => {
    const bodyA = 'Intro.\n\nThe timing of the next round will be determined in the capitals.';
    const bodyB = 'Trump said: the next round will be early next week.';
    const a = sentencesOf(bodyA, [
      'The timing of the next round will be determined in the capitals.',
    ]);
    const b = sentencesOf(bodyB, ['Trump said: the next round will be early next week.']);
    const ranges = onlyWordingRanges(a, b);
    const onlyA = words(bodyA, ranges.a).join(' | ');
    const onlyB = words(bodyB, ranges.b).join(' | ');
    expect(onlyA).toContain('determined');
    expect(onlyA).not.toContain('next round');
    expect(onlyB).toContain('early next week');
    expect(onlyB).not.toContain('next round');
    for (const r of [...ranges.a, ...ranges.b]) {
      const text = (ranges.a.includes(r) ? bodyA : bodyB).slice(r.start, r.end);
      expect(text).toBe(text.trim());
    }
  });

  it('diffs several sentences of one side as one passage and maps the words back to each', () => {
    const bodyA = 'Talks ended. Both sides will meet again soon.';
    const bodyB = 'Talks ended and both sides will meet again next week.';
    const a = sentencesOf(bodyA, ['Talks ended.', 'Both sides will meet again soon.']);
    const b = sentencesOf(bodyB, [bodyB]);
    const ranges = onlyWordingRanges(a, b);
    // Every range lies inside one sentence.
    for (const r of ranges.a) {
      expect(a.some((s) => s.start <= r.start && r.end <= s.end)).toBe(true);
    }
    expect(words(bodyA, ranges.a).join(' ')).toContain('soon');
    expect(words(bodyA, ranges.a).join(' ')).not.toContain('meet again');
    expect(words(bodyB, ranges.b).join(' ')).toContain('next week');
  });

  it('reads as phrases: changes around one short shared word merge, punctuation alone is no change', () => {
    const bodyA = 'Officials held a first round of talks, he said.';
    const bodyB = 'Envoys began a new round of talks he said.';
    const ranges = onlyWordingRanges(sentencesOf(bodyA, [bodyA]), sentencesOf(bodyB, [bodyB]));
    // "held" and "first" differ around the shared "a": one highlight, not two.
    expect(words(bodyA, ranges.a)).toEqual(['Officials held a first']);
    expect(words(bodyB, ranges.b)).toEqual(['Envoys began a new']);
  });

  it('finds nothing to mark in identical sentences', () => {
    const body = 'The talks were a good start.';
    const s = sentencesOf(body, [body]);
    expect(onlyWordingRanges(s, s)).toEqual({ a: [], b: [] });
  });
});

describe('wordingOfPair', () => {
  it('says how much wording two sentences share: all of it, most of it, or little', () => {
    const share = (a: string, b: string) =>
      wordingOfPair(sentencesOf(a, [a]), sentencesOf(b, [b])).shared;
    const wire = 'The talks in Muscat ended on Friday with a good start, officials said.';
    expect(share(wire, wire)).toBe(1);
    expect(share(wire, wire.replace('officials', 'diplomats'))).toBeGreaterThan(0.8);
    expect(
      share(
        'We must first overcome this prevailing atmosphere of distrust.',
        'We firstly have to overcome the pervading atmosphere of distrust.',
      ),
    ).toBeLessThan(0.8);
  });
});

describe('splitIntoSpans', () => {
  const body = 'Xx The new sanctions target shadow fleet vessels.';
  const sentence = { start: 3, end: body.length };

  it('covers the sentence exactly, in order, whatever the layers', () => {
    const spans = splitIntoSpans(sentence, {
      only: [{ start: 7, end: 20 }],
      lens: [{ start: 11, end: 20 }],
      marks: [mark('m1', 0, 15), mark('m2', 14, 60)],
    });
    expect(spans.map((s) => body.slice(s.start, s.end)).join('')).toBe(
      body.slice(sentence.start, sentence.end),
    );
    spans.forEach((s, i) => i > 0 && expect(s.start).toBe(spans[i - 1]!.end));
  });

  it('splits at every boundary of diff words, lens terms and marks', () => {
    const spans = splitIntoSpans(sentence, {
      only: [{ start: 7, end: 20 }], // "new sanctions"
      lens: [{ start: 11, end: 20 }], // "sanctions"
      marks: [mark('m1', 0, 15), mark('m2', 14, 60)], // "…The new sanc" / "ctions target…"
    });
    expect(describeSpans(body, spans)).toEqual([
      '[m1]The ',
      '[only,m1]new ',
      '[only,lens,m1]san',
      '[only,lens,m1,m2]c',
      '[only,lens,m2]tions',
      '[m2] target shadow fleet vessels.',
    ]);
  });

  it('marks evidence both sides share and a differing phrase, labelled once at its end', () => {
    const spans = splitIntoSpans(sentence, {
      shared: [{ start: 11, end: 20 }], // "sanctions"
      differs: [{ start: 7, end: 27, label: 'Numbers' }], // "new sanctions target"
      marks: [mark('m1', 14, 16)], // "ct"
    });
    expect(describeSpans(body, spans)).toEqual([
      'The ',
      '[differs:Numbers]new ',
      '[shared,differs:Numbers]san',
      '[shared,differs:Numbers,m1]ct',
      '[shared,differs:Numbers]ions',
      '[differs:Numbers|] target',
      ' shadow fleet vessels.',
    ]);
  });

  it('leaves a sentence without layers as one plain span', () => {
    expect(describeSpans(body, splitIntoSpans(sentence, {}))).toEqual([body.slice(sentence.start)]);
  });

  it('ignores marks of other sentences and clips those that reach into it', () => {
    const spans = splitIntoSpans(sentence, { marks: [mark('far', 60, 70), mark('edge', 0, 6)] });
    expect(describeSpans(body, spans)).toEqual([
      '[edge]The',
      ' new sanctions target shadow fleet vessels.',
    ]);
  });
});
