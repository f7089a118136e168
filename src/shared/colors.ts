// Colours the renderer and the reports must agree on.

/** Annotations without a code (or whose code was deleted): a neutral grey, on marks and in reports. */
export const UNCODED_COLOR = '#7a7f87';
