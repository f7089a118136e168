// The one way annotations become coded text for agreement: the Coders tab and
// `parallax agreement` both build it here, so their numbers cannot drift apart.
import type { Annotation } from '../../shared/domain';
import type { CodedSpan, CodedText } from './units';

/** The coder name of annotations made without one (the app's own, before any merge). */
export const UNNAMED_CODER = '(unnamed)';

/** Who made an annotation, as agreement counts coders. */
export const coderOf = (annotation: Pick<Annotation, 'annotator'>): string =>
  annotation.annotator.trim() || UNNAMED_CODER;

/** Where an annotation sits in its version's body, if it holds a position. */
function positionOf(annotation: Annotation): { start: number; end: number } | undefined {
  return annotation.selectors.find((s) => s.type === 'TextPositionSelector');
}

/** Coding, not a note: the annotation has a code and a place in the text. */
export function isCoded(annotation: Annotation): boolean {
  return annotation.codeId !== null && positionOf(annotation) !== undefined;
}

/**
 * One text's annotations as coded spans, oldest first (a coder's later span wins
 * where two of theirs overlap), and everyone who annotated it at all as present:
 * a note shows its annotator worked on the text. Pass one version's annotations.
 */
export function codedText(annotations: readonly Annotation[]): CodedText {
  // Stable: annotations made in the same millisecond keep the order they came in.
  const oldestFirst = [...annotations].sort((x, y) =>
    x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : 0,
  );
  const spans: CodedSpan[] = [];
  for (const a of oldestFirst) {
    const position = positionOf(a);
    if (a.codeId === null || !position) continue;
    spans.push({ coder: coderOf(a), code: a.codeId, start: position.start, end: position.end });
  }
  return { present: [...new Set(oldestFirst.map(coderOf))], spans };
}
