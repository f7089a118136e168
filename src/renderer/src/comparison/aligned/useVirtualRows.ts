// A small window-scrolled virtualizer: only rows near the viewport are in the
// DOM, the rest are padding above and below. Rendered rows are measured with a
// ResizeObserver (heights are remembered by row key, so they survive a change
// of order or filter); rows never rendered use an estimate. Chromium's scroll
// anchoring keeps the text in place when a measurement corrects an estimate.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { prefixOffsets, rangeForViewport, rowAtOffset, scrollTargetFor } from './rowOffsets';

export interface VirtualRowsOptions {
  /** Row keys in display order. */
  keys: readonly string[];
  /** Height guess for a row not measured yet. */
  estimate: (index: number) => number;
  /** When false every row is rendered (short texts: find-in-page and selection see everything). */
  enabled: boolean;
  /** The element the rows are laid out in (its top is where offset 0 is). */
  listRef: RefObject<HTMLElement | null>;
  /** Height of what sticks to the top of the window (header, column titles) over the rows. */
  topInset: () => number;
  /** Extra pixels rendered above and below the viewport. */
  overscan?: number;
}

export interface VirtualRows {
  start: number;
  end: number;
  /** Start of each row, then the total height. */
  offsets: number[];
  /** Ref callback for each rendered row element (which must carry `data-row-key`). */
  measureRef: (element: HTMLElement | null) => (() => void) | undefined;
  /** Scrolls a row into view, rendering it first if needed; `then` runs once it is in the DOM. */
  scrollToIndex: (index: number, then?: (element: HTMLElement) => void) => void;
  /** The row at the top of the visible band, below the sticky headers. */
  firstVisibleIndex: () => number;
}

export function useVirtualRows({
  keys,
  estimate,
  enabled,
  listRef,
  topInset,
  overscan = 900,
}: VirtualRowsOptions): VirtualRows {
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const elements = useRef(new Map<string, HTMLElement>());
  const count = keys.length;

  const offsets = useMemo(
    () => prefixOffsets(keys.map((key, i) => heights.get(key) ?? estimate(i))),
    [keys, estimate, heights],
  );
  const latest = useRef({ offsets, keys, enabled, topInset, overscan });
  useLayoutEffect(() => {
    latest.current = { offsets, keys, enabled, topInset, overscan };
  });

  const [range, setRange] = useState({ start: 0, end: enabled ? 0 : count });

  const updateRange = useCallback(() => {
    const { offsets, keys, enabled, overscan } = latest.current;
    const list = listRef.current;
    let next = { start: 0, end: keys.length };
    if (enabled && list) {
      const viewTop = -list.getBoundingClientRect().top;
      next = rangeForViewport(offsets, viewTop - overscan, viewTop + window.innerHeight + overscan);
    }
    setRange((current) =>
      current.start === next.start && current.end === next.end ? current : next,
    );
  }, [listRef]);

  useLayoutEffect(updateRange, [updateRange, offsets, enabled]);

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        updateRange();
      });
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, [updateRange]);

  // Created on the first row's mount (ref callbacks run before effects).
  const observer = useRef<ResizeObserver | null>(null);
  const observe = useCallback((element: HTMLElement) => {
    if (typeof ResizeObserver === 'undefined') return null;
    observer.current ??= new ResizeObserver((entries) => {
      const measured: [string, number][] = [];
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        const key = target.dataset.rowKey;
        if (!key || !target.isConnected) continue;
        const height = entry.borderBoxSize?.[0]?.blockSize ?? target.getBoundingClientRect().height;
        measured.push([key, height]);
      }
      setHeights((current) => {
        const changed = measured.filter(([key, h]) => Math.abs((current.get(key) ?? -1) - h) > 0.5);
        if (changed.length === 0) return current;
        const next = new Map(current);
        for (const [key, h] of changed) next.set(key, h);
        return next;
      });
    });
    observer.current.observe(element);
    return observer.current;
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  const measureRef = useCallback(
    (element: HTMLElement | null) => {
      const key = element?.dataset.rowKey;
      if (!element || !key) return undefined;
      elements.current.set(key, element);
      const watching = observe(element);
      return () => {
        watching?.unobserve(element);
        if (elements.current.get(key) === element) elements.current.delete(key);
      };
    },
    [observe],
  );

  const pendingScroll = useRef(0);
  const scrollToIndex = useCallback(
    (index: number, then?: (element: HTMLElement) => void) => {
      cancelAnimationFrame(pendingScroll.current);
      let attempts = 0;
      // Estimates above the row become measurements as rows render, which moves
      // it; a few frames of re-aiming settle it.
      const aim = () => {
        const { offsets, keys, topInset } = latest.current;
        const list = listRef.current;
        const key = keys[index];
        if (!list || key === undefined) return;
        const element = elements.current.get(key);
        const scrollY = window.scrollY;
        const rect = element?.getBoundingClientRect();
        const listTop = list.getBoundingClientRect().top + scrollY;
        const row = rect
          ? { top: rect.top + scrollY, height: rect.height }
          : { top: listTop + offsets[index]!, height: offsets[index + 1]! - offsets[index]! };
        const target = scrollTargetFor(row, {
          scrollY,
          height: window.innerHeight,
          topInset: topInset(),
        });
        if (target !== null && Math.abs(target - scrollY) > 1) {
          window.scrollTo({ top: target, behavior: 'instant' });
          updateRange();
        }
        attempts++;
        if (element && (target === null || attempts >= 6)) {
          then?.(element);
          return;
        }
        if (attempts < 12) pendingScroll.current = requestAnimationFrame(aim);
      };
      aim();
    },
    [listRef, updateRange],
  );
  useEffect(() => () => cancelAnimationFrame(pendingScroll.current), []);

  const firstVisibleIndex = useCallback(() => {
    const { offsets, topInset } = latest.current;
    const list = listRef.current;
    if (!list) return 0;
    return Math.max(0, rowAtOffset(offsets, topInset() - list.getBoundingClientRect().top));
  }, [listRef]);

  const start = enabled ? Math.min(range.start, count) : 0;
  const end = enabled ? Math.min(range.end, count) : count;
  return { start, end, offsets, measureRef, scrollToIndex, firstVisibleIndex };
}
