import { describe, expect, it } from 'vitest';
import {
  clipSentence,
  offsetWithin,
  pointAt,
  spanOfPieces,
  trimSpan,
  type SentenceRef,
} from './selectionOffsets';

// "The talks will continue early next week." rendered with a mark around
// "continue early": three text nodes.
const body = 'Intro. The talks will continue early next week. Outro.';
const sentence: SentenceRef = { side: 'b', start: 7, end: 47 };
const nodes = ['The talks will ', 'continue early', ' next week.'];
const lengths = nodes.map((n) => n.length);

describe('offsetWithin / pointAt', () => {
  it('counts the text nodes before the point', () => {
    expect(offsetWithin(lengths, { node: 0, offset: 4 })).toBe(4);
    expect(offsetWithin(lengths, { node: 1, offset: 0 })).toBe(15);
    expect(offsetWithin(lengths, { node: 2, offset: 6 })).toBe(35);
  });

  it('clamps an offset past the end of its node', () => {
    expect(offsetWithin(lengths, { node: 1, offset: 99 })).toBe(29);
  });

  it('finds the node of an offset, a boundary going to the earlier node', () => {
    expect(pointAt(lengths, 4)).toEqual({ node: 0, offset: 4 });
    expect(pointAt(lengths, 15)).toEqual({ node: 0, offset: 15 });
    expect(pointAt(lengths, 16)).toEqual({ node: 1, offset: 1 });
    expect(pointAt(lengths, 999)).toEqual({ node: 2, offset: 11 });
  });

  it('round-trips every offset of the sentence', () => {
    for (let offset = 0; offset <= 40; offset++) {
      expect(offsetWithin(lengths, pointAt(lengths, offset))).toBe(offset);
    }
  });
});

describe('selection to span', () => {
  it('maps a selection inside one sentence, across a mark, to body offsets', () => {
    // From "continue" (start of the mark's node) to the end of "next".
    const piece = clipSentence(sentence, lengths, { node: 1, offset: 0 }, { node: 2, offset: 5 });
    expect(body.slice(piece.start, piece.end)).toBe('continue early next');
    expect(spanOfPieces([piece])).toEqual({
      kind: 'span',
      span: { side: 'b', start: piece.start, end: piece.end },
    });
  });

  it('joins several sentences of one side into one span from the first start to the last end', () => {
    const first = clipSentence({ side: 'a', start: 0, end: 6 }, [6], { node: 0, offset: 2 }, null);
    const middle = clipSentence({ side: 'a', start: 7, end: 47 }, lengths, null, null);
    const last = clipSentence({ side: 'a', start: 48, end: 54 }, [6], null, { node: 0, offset: 3 });
    const result = spanOfPieces([first, middle, last]);
    expect(result).toEqual({ kind: 'span', span: { side: 'a', start: 2, end: 51 } });
  });

  it('takes offsets, not screen order, when a side is laid out out of body order', () => {
    const later = clipSentence(
      { side: 'b', start: 48, end: 54 },
      [6],
      { node: 0, offset: 1 },
      null,
    );
    const earlier = clipSentence(sentence, lengths, null, { node: 0, offset: 3 });
    expect(spanOfPieces([later, earlier])).toEqual({
      kind: 'span',
      span: { side: 'b', start: 7, end: 54 },
    });
  });

  it('refuses a selection that spans both sides', () => {
    const a = clipSentence({ side: 'a', start: 0, end: 6 }, [6], { node: 0, offset: 1 }, null);
    const b = clipSentence(sentence, lengths, null, { node: 0, offset: 3 });
    expect(spanOfPieces([a, b])).toEqual({ kind: 'cross-side' });
  });

  it('ignores a sentence the selection only touches at its edge', () => {
    const a = clipSentence({ side: 'a', start: 0, end: 6 }, [6], { node: 0, offset: 1 }, null);
    const touched = clipSentence(sentence, lengths, null, { node: 0, offset: 0 });
    expect(spanOfPieces([a, touched])).toEqual({
      kind: 'span',
      span: { side: 'a', start: 1, end: 6 },
    });
    expect(spanOfPieces([touched])).toEqual({ kind: 'none' });
  });

  it('keeps the span inside its sentence when the DOM holds more text than the body slice', () => {
    const piece = clipSentence({ side: 'a', start: 0, end: 6 }, [6, 10], null, {
      node: 1,
      offset: 8,
    });
    expect(piece.end).toBe(6);
  });
});

describe('trimSpan', () => {
  it('drops whitespace at the edges of a selection', () => {
    expect(trimSpan(body, { side: 'a', start: 6, end: 17 })).toEqual({
      side: 'a',
      start: 7,
      end: 16,
    });
    expect(body.slice(7, 16)).toBe('The talks');
  });

  it('trims a selection that begins in a paragraph break to the text after it', () => {
    const paragraphs = 'One.\n\nTwo.';
    expect(trimSpan(paragraphs, { side: 'a', start: 4, end: 10 })).toEqual({
      side: 'a',
      start: 6,
      end: 10,
    });
  });

  it('leaves nothing of a whitespace-only selection', () => {
    expect(trimSpan(body, { side: 'a', start: 6, end: 7 })).toBeNull();
  });
});
