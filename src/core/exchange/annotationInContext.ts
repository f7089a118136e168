import type { Annotation, Code } from '../../shared/domain';

/** An annotation with what a reader of an export needs to place it: outlet, headline, code. */
export interface AnnotationInContext {
  annotation: Annotation;
  outlet: string;
  headline: string;
  /** The version's number in its article's history (1 for the first capture). */
  versionSeq: number;
  /** The annotation's code, or null when it has none. */
  code: Code | null;
}
