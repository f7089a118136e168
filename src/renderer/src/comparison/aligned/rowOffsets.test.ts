import { describe, expect, it } from 'vitest';
import { prefixOffsets, rangeForViewport, rowAtOffset, scrollTargetFor } from './rowOffsets';

describe('row offsets', () => {
  const offsets = prefixOffsets([100, 50, 200, 100]); // 0 100 150 350 450

  it('starts each row where the previous one ends, total last', () => {
    expect(offsets).toEqual([0, 100, 150, 350, 450]);
  });

  it('finds the row holding an offset, clamped to the list', () => {
    expect(rowAtOffset(offsets, 0)).toBe(0);
    expect(rowAtOffset(offsets, 99)).toBe(0);
    expect(rowAtOffset(offsets, 100)).toBe(1);
    expect(rowAtOffset(offsets, 349)).toBe(2);
    expect(rowAtOffset(offsets, 10_000)).toBe(3);
    expect(rowAtOffset(offsets, -5)).toBe(0);
    expect(rowAtOffset([0], 10)).toBe(-1);
  });

  it('renders the rows a viewport touches, and none when it is past the list', () => {
    expect(rangeForViewport(offsets, 120, 160)).toEqual({ start: 1, end: 3 });
    expect(rangeForViewport(offsets, -500, 50)).toEqual({ start: 0, end: 1 });
    expect(rangeForViewport(offsets, 400, 5000)).toEqual({ start: 3, end: 4 });
    expect(rangeForViewport(offsets, 500, 900)).toEqual({ start: 0, end: 0 });
  });

  it('handles thousands of rows', () => {
    const many = prefixOffsets(Array.from({ length: 1400 }, () => 90));
    expect(rangeForViewport(many, 90 * 700, 90 * 710)).toEqual({ start: 700, end: 711 });
  });
});

describe('scrollTargetFor', () => {
  const view = { scrollY: 1000, height: 800, topInset: 100 };

  it('leaves a row that is wholly visible below the sticky headers where it is', () => {
    expect(scrollTargetFor({ top: 1200, height: 100 }, view)).toBeNull();
  });

  it('centres a row that is out of view, or hidden under the headers', () => {
    // Band: 700 px below a 100 px inset; a 100 px row centred leaves 300 px above it.
    expect(scrollTargetFor({ top: 5000, height: 100 }, view)).toBe(5000 - 100 - 300);
    expect(scrollTargetFor({ top: 1050, height: 100 }, view)).toBe(1050 - 100 - 300);
  });

  it('puts a row taller than the window at the top, just below the headers', () => {
    expect(scrollTargetFor({ top: 5000, height: 2000 }, view)).toBe(5000 - 100 - 12);
  });

  it('never scrolls above the page', () => {
    expect(scrollTargetFor({ top: 10, height: 50 }, { ...view, scrollY: 500 })).toBe(0);
  });
});
