// The thin DOM layer over selectionOffsets.ts: finds the sentence elements a
// selection touches, reads their text nodes' lengths, and back again (a span
// to a Range, to place the popover next to it).
import type { Span } from './annotationModel';
import {
  clipSentence,
  pointAt,
  spanOfPieces,
  type NodePoint,
  type SelectionResult,
  type SentenceRef,
} from './selectionOffsets';

/** The aligned view's contract: each sentence's text is one of these, its text exactly body[start, end). */
export const SENTENCE_SELECTOR = '.sentence-text[data-side][data-start][data-end]';

export function sentenceRef(element: Element): SentenceRef | null {
  const side = element.getAttribute('data-side');
  const start = Number(element.getAttribute('data-start'));
  const end = Number(element.getAttribute('data-end'));
  if ((side !== 'a' && side !== 'b') || !Number.isInteger(start) || !Number.isInteger(end)) {
    return null;
  }
  return { side, start, end };
}

function textNodes(element: Element): Text[] {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** A DOM boundary point (node, offset) inside a sentence, as a point in its text nodes. */
function nodePoint(texts: Text[], node: Node, offset: number): NodePoint {
  if (node.nodeType === Node.TEXT_NODE) {
    return { node: Math.max(texts.indexOf(node as Text), 0), offset };
  }
  // A point between elements: it sits at the start of the first text node after it.
  const boundary = node.ownerDocument!.createRange();
  boundary.setStart(node, offset);
  const next = texts.findIndex((text) => boundary.comparePoint(text, 0) >= 0);
  if (next >= 0) return { node: next, offset: 0 };
  const last = texts.length - 1;
  return { node: Math.max(last, 0), offset: texts[last]?.length ?? 0 };
}

/** Which span of which side the current selection covers, if it lies in `root`'s sentences. */
export function readSelection(selection: Selection | null, root: HTMLElement): SelectionResult {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { kind: 'none' };
  const range = selection.getRangeAt(0);
  const pieces = [...root.querySelectorAll(SENTENCE_SELECTOR)]
    .filter((element) => range.intersectsNode(element))
    .flatMap((element) => {
      const sentence = sentenceRef(element);
      if (!sentence) return [];
      const texts = textNodes(element);
      const lengths = texts.map((text) => text.length);
      const from = element.contains(range.startContainer)
        ? nodePoint(texts, range.startContainer, range.startOffset)
        : null;
      const to = element.contains(range.endContainer)
        ? nodePoint(texts, range.endContainer, range.endOffset)
        : null;
      return [clipSentence(sentence, lengths, from, to)];
    });
  return spanOfPieces(pieces);
}

/** The sentence the keyboard is on: the focused sentence text, the one it is inside, or the first in a focused row. */
export function focusedSentence(root: HTMLElement): SentenceRef | null {
  const active = root.ownerDocument.activeElement;
  if (!active || !root.contains(active)) return null;
  const element =
    active.closest(SENTENCE_SELECTOR) ??
    (active.matches('[data-side][data-start][data-end]') ? active : null) ??
    active.querySelector(SENTENCE_SELECTOR);
  return element ? sentenceRef(element) : null;
}

/** A rendered sentence element with its coordinates. */
export interface RenderedSentence {
  element: Element;
  ref: SentenceRef;
}

/** The rendered sentence elements a span touches (none when they are not on screen, e.g. filtered by a lens). */
export function sentencesOfSpan(root: HTMLElement, span: Span): RenderedSentence[] {
  return [...root.querySelectorAll(SENTENCE_SELECTOR)].flatMap((element) => {
    const ref = sentenceRef(element);
    return ref && ref.side === span.side && ref.end > span.start && ref.start < span.end
      ? [{ element, ref }]
      : [];
  });
}

/** A Range over a span, in the sentence elements that show it (see sentencesOfSpan). */
export function rangeInSentences(sentences: readonly RenderedSentence[], span: Span): Range | null {
  if (sentences.length === 0) return null;
  const first = sentences.reduce((x, y) => (y.ref.start < x.ref.start ? y : x));
  const last = sentences.reduce((x, y) => (y.ref.end > x.ref.end ? y : x));
  // The text nodes are read now: marks added since the sentences were found split them anew.
  const place = (element: Element, offset: number, atEnd: boolean) => {
    const texts = textNodes(element);
    if (texts.length === 0) return null;
    const point = pointAt(
      texts.map((text) => text.length),
      offset,
    );
    const text = texts[point.node]!;
    // A start at the very end of a text node belongs at the start of the next one.
    if (!atEnd && point.offset === text.length && point.node + 1 < texts.length) {
      return { node: texts[point.node + 1]!, offset: 0 };
    }
    return { node: text, offset: point.offset };
  };
  const start = place(first.element, Math.max(span.start - first.ref.start, 0), false);
  const end = place(last.element, Math.min(span.end, last.ref.end) - last.ref.start, true);
  if (!start || !end) return null;
  const range = first.element.ownerDocument.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/** The box around sentence elements (their column's width, where they wrap). */
export function boxOfSentences(sentences: readonly RenderedSentence[]): DOMRect | null {
  const rects = sentences.map(({ element }) => element.getBoundingClientRect());
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.left));
  const right = Math.max(...rects.map((r) => r.right));
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return new DOMRect(left, top, right - left, bottom - top);
}
