export { reanchor, foldTypography } from './anchor';
export type { Anchored, Orphaned, Reanchored, ReanchorOptions } from './anchor';
export { selectorsFor, CONTEXT_LENGTH } from './selectors';
export type { AnchorSelector, TextPositionSelector, TextQuoteSelector } from './selectors';
