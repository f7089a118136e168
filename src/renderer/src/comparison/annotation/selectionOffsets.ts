// Turning a text selection into body offsets, as pure arithmetic on the
// lengths of a sentence's text nodes. The aligned view renders each sentence
// as an element whose text is exactly body[start, end), split into text nodes
// by highlights and marks; domSelection.ts reads those lengths from the DOM.
import type { Side } from '../workspaceTypes';
import type { Span } from './annotationModel';

/** A sentence element's coordinates: its side and where its text sits in that side's body. */
export interface SentenceRef {
  side: Side;
  start: number;
  end: number;
}

/** A point inside a sentence: the index of one of its text nodes and an offset in that node. */
export interface NodePoint {
  node: number;
  offset: number;
}

export type SelectionResult =
  | { kind: 'none' }
  /** The selection touches both sides: one annotation is one span of one side. */
  | { kind: 'cross-side' }
  | { kind: 'span'; span: Span };

/** The character offset, within the sentence, of a point in its text nodes. */
export function offsetWithin(lengths: readonly number[], point: NodePoint): number {
  let offset = 0;
  for (let i = 0; i < point.node && i < lengths.length; i++) offset += lengths[i]!;
  const nodeLength = lengths[point.node] ?? 0;
  return offset + Math.min(Math.max(point.offset, 0), nodeLength);
}

/** The inverse: which text node holds a character offset (a boundary belongs to the earlier node). */
export function pointAt(lengths: readonly number[], offset: number): NodePoint {
  let remaining = Math.max(offset, 0);
  for (let node = 0; node < lengths.length; node++) {
    const length = lengths[node]!;
    if (remaining <= length) return { node, offset: remaining };
    remaining -= length;
  }
  const last = lengths.length - 1;
  return { node: Math.max(last, 0), offset: lengths[last] ?? 0 };
}

/**
 * A sentence's share of a selection, in body offsets: the whole sentence,
 * cut at `from` and/or `to` when the selection starts or ends inside it.
 */
export function clipSentence(
  sentence: SentenceRef,
  lengths: readonly number[],
  from: NodePoint | null,
  to: NodePoint | null,
): Span {
  const clamp = (offset: number) => Math.min(sentence.start + offset, sentence.end);
  return {
    side: sentence.side,
    start: from ? clamp(offsetWithin(lengths, from)) : sentence.start,
    end: to ? clamp(offsetWithin(lengths, to)) : sentence.end,
  };
}

/**
 * The span a selection covers, from its sentences' shares: from the first
 * start to the last end (sentences of one side can be laid out out of body
 * order, so by offset, not by position on screen). Empty shares, such as a
 * sentence the selection only touches at its edge, count for nothing.
 */
export function spanOfPieces(pieces: readonly Span[]): SelectionResult {
  const real = pieces.filter((piece) => piece.end > piece.start);
  if (real.length === 0) return { kind: 'none' };
  const side = real[0]!.side;
  if (real.some((piece) => piece.side !== side)) return { kind: 'cross-side' };
  return {
    kind: 'span',
    span: {
      side,
      start: Math.min(...real.map((piece) => piece.start)),
      end: Math.max(...real.map((piece) => piece.end)),
    },
  };
}

/** The span without the whitespace at its edges (a double-click often takes a trailing space); null if nothing is left. */
export function trimSpan(body: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return end > start ? { side: span.side, start, end } : null;
}
