import { memo, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { MouseEvent, RefObject } from 'react';
import { isQuestionOnly, type AlignedRow } from './alignedRows';
import { rowAtOffset } from './rowOffsets';

interface MinimapProps {
  rows: readonly AlignedRow[];
  /** Row offsets and total height (from the virtualizer), so the strip is the list to scale. */
  offsets: readonly number[];
  listRef: RefObject<HTMLElement | null>;
  /** Scroll to a row (and focus it). */
  onJump: (index: number) => void;
}

interface Palette {
  match: string;
  contrast: string;
  possible: string;
  onlyA: string;
  onlyB: string;
  elsewhere: string;
}

/**
 * The theme's colours as the canvas can use them. Theme variables may hold
 * `light-dark(…)`, which a canvas cannot parse, so each is resolved through a
 * probe element's computed colour.
 */
function paletteOf(element: HTMLElement): Palette {
  const probe = document.createElement('span');
  probe.hidden = true;
  element.append(probe);
  const resolve = (name: string) => {
    probe.style.color = `var(${name}, #888)`;
    return getComputedStyle(probe).color;
  };
  const palette = {
    match: resolve('--text-muted'),
    contrast: resolve('--warning'),
    possible: resolve('--text-muted'),
    onlyA: resolve('--side-a'),
    onlyB: resolve('--side-b'),
    elsewhere: resolve('--text-muted'),
  };
  probe.remove();
  return palette;
}

/**
 * One tick per row, shaped by its kind so the strip reads without colour:
 * both say it — a short line in the middle; different claim — a diamond;
 * possibly the same (a question, not a match) — a dashed hollow box; only in
 * A — a bar on the left half; only in B — a striped bar on the right half;
 * said elsewhere — a ring, dashed when it is only maybe.
 */
function drawTicks(
  context: CanvasRenderingContext2D,
  size: { width: number; height: number },
  rows: readonly AlignedRow[],
  offsets: readonly number[],
  palette: Palette,
) {
  const { width, height } = size;
  const total = offsets[rows.length] ?? 0;
  context.clearRect(0, 0, width, height);
  if (total <= 0) return;
  const half = width / 2;
  rows.forEach((row, i) => {
    const y = (offsets[i]! / total) * height;
    const h = Math.max(2, ((offsets[i + 1]! - offsets[i]!) / total) * height);
    // Marks shrink where rows are dense, so neighbours do not pile up into a chain.
    const mark = Math.min(Math.max(h, 3), 9);
    switch (row.kind) {
      case 'match':
        context.globalAlpha = row.identical ? 0.3 : 0.55;
        context.fillStyle = palette.match;
        context.fillRect(width * 0.35, y + 0.5, width * 0.3, Math.max(1.5, h - 1));
        context.globalAlpha = 1;
        break;
      case 'possible': {
        context.strokeStyle = palette.possible;
        context.lineWidth = 1;
        context.setLineDash([2, 2]);
        const boxH = Math.max(2, Math.min(h - 1, 9));
        context.strokeRect(width * 0.3 + 0.5, y + 0.5, width * 0.4 - 1, boxH);
        context.setLineDash([]);
        break;
      }
      case 'contrast': {
        context.fillStyle = palette.contrast;
        const r = Math.max(2.5, mark / 2);
        const cy = y + r;
        context.beginPath();
        context.moveTo(half, cy - r);
        context.lineTo(half + r, cy);
        context.lineTo(half, cy + r);
        context.lineTo(half - r, cy);
        context.closePath();
        context.fill();
        break;
      }
      case 'onlyA':
        context.fillStyle = palette.onlyA;
        context.fillRect(1, y, half - 1.5, h);
        break;
      case 'onlyB':
        context.fillStyle = palette.onlyB;
        context.fillRect(half + 0.5, y, half - 1.5, h);
        // Stripes: a gap every fourth pixel row.
        for (let s = y + 3; s < y + h - 1; s += 4) context.clearRect(half + 0.5, s, half - 1.5, 1);
        break;
      case 'elsewhere':
        context.strokeStyle = isQuestionOnly(row) ? palette.possible : palette.elsewhere;
        context.lineWidth = mark < 6 ? 1 : 1.5;
        if (isQuestionOnly(row)) context.setLineDash([1.5, 1.5]);
        context.beginPath();
        context.arc(half, y + mark / 2, Math.max(1.2, mark / 2 - 1), 0, 2 * Math.PI);
        context.stroke();
        context.setLineDash([]);
        break;
    }
  });
}

/**
 * The whole comparison in a narrow strip: one tick per row, drawn on a canvas
 * (hundreds of rows would otherwise be hundreds of elements to lay out on each
 * scroll), and a frame for what the window shows. A click scrolls there.
 * Keyboard users have the same moves in j/k/o and the toolbar's buttons, so
 * the strip is not a tab stop.
 */
export const Minimap = memo(function Minimap({ rows, offsets, listRef, onJump }: MinimapProps) {
  const stripRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const total = offsets[rows.length] ?? 0;

  // Ticks: drawn from the latest rows and offsets, which change on every batch of
  // row measurements while scrolling; the observers and the palette outlive them.
  const latest = useRef({ rows, offsets });
  const palette = useRef<Palette | null>(null);
  const draw = useCallback(() => {
    const strip = stripRef.current;
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!strip || !canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const width = strip.clientWidth;
    const height = strip.clientHeight;
    // Resizing a canvas reallocates it: only when the strip really changed size.
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    palette.current ??= paletteOf(strip);
    drawTicks(
      context,
      { width, height },
      latest.current.rows,
      latest.current.offsets,
      palette.current,
    );
  }, []);

  useLayoutEffect(() => {
    latest.current = { rows, offsets };
    draw();
  }, [rows, offsets, draw]);

  // Registered once: the strip's size, and the theme, which follows the system
  // unless the reader picks one (html[data-theme]); a new theme means new colours.
  useEffect(() => {
    const strip = stripRef.current;
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(draw);
    if (strip) resize?.observe(strip);
    const redrawInNewColours = () => {
      palette.current = null;
      draw();
    };
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', redrawInNewColours);
    const themeChoice = new MutationObserver(redrawInNewColours);
    themeChoice.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    return () => {
      resize?.disconnect();
      scheme.removeEventListener('change', redrawInNewColours);
      themeChoice.disconnect();
    };
  }, [draw]);

  // The viewport frame follows scrolling directly, without React.
  useEffect(() => {
    let frame = 0;
    const place = () => {
      frame = 0;
      const list = listRef.current;
      const box = frameRef.current;
      if (!list || !box || total <= 0) return;
      const top = Math.min(total, Math.max(0, -list.getBoundingClientRect().top));
      const bottom = Math.min(total, top + window.innerHeight);
      box.style.top = `${(top / total) * 100}%`;
      box.style.height = `${((bottom - top) / total) * 100}%`;
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    place();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, [listRef, total]);

  const jump = (event: MouseEvent<HTMLDivElement>) => {
    const strip = stripRef.current;
    if (!strip || total <= 0 || rows.length === 0) return;
    const rect = strip.getBoundingClientRect();
    const share = Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height));
    onJump(rowAtOffset(offsets, share * total));
  };

  return (
    <div className="aligned-minimap" aria-hidden="true" data-testid="aligned-minimap">
      <div
        ref={stripRef}
        className="minimap-strip"
        onClick={jump}
        title="Overview of the whole comparison: click to go there"
      >
        <canvas ref={canvasRef} className="minimap-canvas" />
        <div ref={frameRef} className="minimap-frame" />
      </div>
    </div>
  );
});
