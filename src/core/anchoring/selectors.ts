// W3C Web Annotation selectors for a span of a version's body
// (https://www.w3.org/TR/annotation-model/#selectors). Structurally the same as the
// zod-derived types in src/shared/domain.ts, declared here so core stays self-contained.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type AnchorSelector = TextQuoteSelector | TextPositionSelector;

/** How much context the quote selector keeps on each side (Hypothesis keeps 32 too). */
export const CONTEXT_LENGTH = 32;

/**
 * The position and quote selectors for body[start, end). Returns an error message instead
 * when the span is empty or outside the body, so callers can report it to the user.
 */
export function selectorsFor(
  body: string,
  start: number,
  end: number,
): [TextPositionSelector, TextQuoteSelector] | { error: string } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length) {
    return { error: `span ${start}..${end} lies outside the text (0..${body.length})` };
  }
  if (end <= start) return { error: `span ${start}..${end} is empty` };
  return [
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: body.slice(start, end),
      prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: body.slice(end, end + CONTEXT_LENGTH),
    },
  ];
}

export function quoteSelectorOf(
  selectors: readonly AnchorSelector[],
): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(
  selectors: readonly AnchorSelector[],
): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}
