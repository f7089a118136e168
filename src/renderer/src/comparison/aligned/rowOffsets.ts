// Geometry of a virtualized list of rows: where each row starts, which rows a
// viewport shows, and where to scroll to bring one into view. Pure, so the
// virtualizer's arithmetic is tested without a browser.

/** Start offset of each row and, last, the total height: `heights.length + 1` numbers. */
export function prefixOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The row holding offset `y` (clamped to the first and last row); -1 for no rows. */
export function rowAtOffset(offsets: readonly number[], y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return -1;
  // Largest i with offsets[i] <= y.
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows `[start, end)` that intersect `[top, bottom)` of the list. */
export function rangeForViewport(
  offsets: readonly number[],
  top: number,
  bottom: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0 || bottom <= 0 || top >= offsets[count]!) return { start: 0, end: 0 };
  const start = rowAtOffset(offsets, Math.max(0, top));
  const end = rowAtOffset(offsets, bottom) + 1;
  return { start, end: Math.max(start + 1, Math.min(count, end)) };
}

/**
 * Where to scroll the window so a row is in view: nowhere (null) when it is
 * already wholly visible below the sticky headers, else centred in the space
 * they leave, or its top just under them when it is taller than that space.
 */
export function scrollTargetFor(
  row: { top: number; height: number },
  view: { scrollY: number; height: number; topInset: number },
): number | null {
  const bandTop = view.scrollY + view.topInset;
  const bandHeight = view.height - view.topInset;
  if (row.top >= bandTop && row.top + row.height <= bandTop + bandHeight) return null;
  const margin = 12;
  if (row.height > bandHeight - 2 * margin) return Math.max(0, row.top - view.topInset - margin);
  return Math.max(0, row.top - view.topInset - (bandHeight - row.height) / 2);
}
