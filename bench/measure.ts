// Timing and printing helpers shared by the benchmarks.
import { cpus } from 'node:os';

export interface Timing {
  /** Median wall time of the timed runs, in milliseconds. */
  ms: number;
  runs: number;
  /** The baseline hit its own time limit: `ms` is a lower bound. */
  gaveUp?: boolean;
}

/** Runs after which a measurement stops, whatever its budget. */
const MAX_RUNS = 7;
const MIN_RUNS = 3;
/** Time one measurement may take in total: keeps `npm run bench` to a few minutes. */
const BUDGET_MS = 1500;
/**
 * A first run slower than this is timed and kept as the only sample: repeating a
 * 20-second baseline buys nothing, and the JIT is already warm from the smaller sizes.
 */
const SLOW_MS = 2000;

export function timeOnce(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median of several runs after an untimed warm-up (unless the warm-up itself was slow). */
export function measure(work: () => void): Timing {
  const warmUp = timeOnce(work);
  if (warmUp > SLOW_MS) return { ms: warmUp, runs: 1 };
  const runs = Math.min(MAX_RUNS, Math.max(MIN_RUNS, Math.floor(BUDGET_MS / Math.max(warmUp, 1))));
  const samples = Array.from({ length: runs }, () => timeOnce(work));
  return { ms: median(samples), runs };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatMs(timing: Timing): string {
  const ms = timing.ms >= 100 ? timing.ms.toFixed(0) : timing.ms.toFixed(1);
  return `${timing.gaveUp ? '>' : ''}${ms}`;
}

/** `ours / theirs`; below 1 means Parallax is faster. A baseline that gave up makes it an upper bound. */
export function formatRatio(ours: Timing, theirs: Timing): string {
  const ratio = ours.ms / theirs.ms;
  const digits = ratio >= 10 ? 0 : ratio >= 0.1 ? 2 : 3;
  return `${theirs.gaveUp ? '<' : ''}${ratio.toFixed(digits)}x`;
}

/** A plain-text table, numbers right-aligned, for a terminal or a CI log. */
export function printTable(headers: readonly string[], rows: readonly string[][]): void {
  const widths = headers.map((header, col) =>
    Math.max(header.length, ...rows.map((row) => (row[col] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
      .join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

export function machineNote(): string {
  const cpu = cpus();
  return `machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores; Node ${process.version}`;
}
