// Shapes the parts of the comparison workspace share: the aligned view, the
// lens bar, the voices panel and annotation all point at sentences and spans
// of the two bodies by the same coordinates.
import type { Annotation, Codebook } from '../../../shared/domain';
import type { Side } from '../library/selection';

export type { Side };

/**
 * A highlighted span of one side's body (character offsets into the version's
 * body, as TextPositionSelector has them), e.g. an annotation.
 */
export interface TextMark {
  id: string;
  side: Side;
  start: number;
  end: number;
  /** #rrggbb of the code; the mark is also underlined, never color only. */
  color: string;
  /** What the mark is, for its tooltip and screen readers ("Omission: note…"). */
  label: string;
}

/** Asks the aligned view to scroll to a sentence and give it focus; `seq` makes a repeat request new. */
export interface FocusRequest {
  side: Side;
  sentence: number;
  seq: number;
}

/** What the annotation parts share with the workspace (see annotation/useAnnotations.ts). */
export interface AnnotationState {
  annotations: Annotation[];
  codebooks: Codebook[];
  marks: TextMark[];
}
