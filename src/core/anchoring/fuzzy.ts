// Approximate string matching for re-anchoring: Myers' bit-parallel algorithm (with
// Hyyrö's blocks for patterns longer than 32 characters) finds where a pattern ends with
// at most k edits in O(n * m/32); a small reverse edit-distance table then finds where
// that match starts.

export interface ApproximateMatch {
  start: number;
  end: number;
  /** Levenshtein distance between the pattern and text[start, end). */
  errors: number;
}

const WORD = 32;

/**
 * Every place in text[from, to) where `pattern` matches with at most `maxErrors` edits,
 * best first, overlapping matches collapsed to the best one. At most `limit` results.
 */
export function findApproximate(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
  limit = 200,
): ApproximateMatch[] {
  const m = pattern.length;
  if (m === 0 || to <= from) return [];
  const blocks = Math.ceil(m / WORD);
  // Row 0 of `peq` stands for every character absent from the pattern; a flat table
  // indexed by character code keeps the inner loop free of hash lookups.
  const rowOf = new Int32Array(65536);
  let rows = 1;
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    if (rowOf[code] === 0) rowOf[code] = rows++;
  }
  const peq = new Int32Array(rows * blocks);
  for (let i = 0; i < m; i++)
    peq[rowOf[pattern.charCodeAt(i)]! * blocks + (i >> 5)]! |= 1 << (i & 31);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastBit = 1 << ((m - 1) & 31);
  let score = m;
  const ends: { end: number; errors: number }[] = [];

  for (let j = from; j < to; j++) {
    const row = rowOf[text.charCodeAt(j)]! * blocks;
    let hIn = 0; // row 0 is all zeros: a match may start anywhere
    for (let b = 0; b < blocks; b++) {
      const p = pv[b]!;
      const mm = mv[b]!;
      const eq = peq[row + b]! | (hIn < 0 ? 1 : 0);
      const xv = eq | mm;
      const xh = ((((eq & p) + p) | 0) ^ p) | eq; // "| 0": uint32 wrap-around, kept in int32
      let ph = mm | ~(xh | p);
      let mh = p & xh;
      const high = b === blocks - 1 ? lastBit : 1 << 31;
      const hOut = ph & high ? 1 : mh & high ? -1 : 0;
      ph = (ph << 1) | (hIn > 0 ? 1 : 0);
      mh = (mh << 1) | (hIn < 0 ? 1 : 0);
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hIn = hOut;
    }
    score += hIn;
    if (score <= maxErrors) ends.push({ end: j + 1, errors: score });
  }

  // Best ends first; an end within half a pattern of a better one is the same match.
  ends.sort((a, b) => a.errors - b.errors || a.end - b.end);
  const taken: ApproximateMatch[] = [];
  const radius = Math.max(1, m >> 1);
  for (const e of ends) {
    if (taken.length >= limit) break;
    if (taken.some((t) => Math.abs(t.end - e.end) < radius)) continue;
    const start = matchStart(text, pattern, e.end, e.errors, from);
    taken.push({ start, end: e.end, errors: e.errors });
  }
  return taken;
}

/** Where the best alignment of `pattern` ending at `end` (with `errors` edits) starts. */
function matchStart(
  text: string,
  pattern: string,
  end: number,
  errors: number,
  from: number,
): number {
  const m = pattern.length;
  const windowStart = Math.max(from, end - m - errors);
  const n = end - windowStart;
  // Reversed alignment anchored at `end`: column j is the text end-j..end.
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = pattern.charCodeAt(m - i);
    for (let j = 1; j <= n; j++) {
      const cost = text.charCodeAt(end - j) === pc ? 0 : 1;
      cur[j] = Math.min(prev[j - 1]! + cost, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  // Among the lengths reaching the fewest edits, take the one closest to the pattern's.
  let best = 0;
  for (let j = 1; j <= n; j++) {
    const better = prev[j]! < prev[best]!;
    const tie = prev[j] === prev[best] && Math.abs(j - m) < Math.abs(best - m);
    if (better || tie) best = j;
  }
  return end - best;
}

/** Levenshtein distance, for short strings such as 32-character contexts. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = b.charCodeAt(j - 1) === ac ? 0 : 1;
      cur[j] = Math.min(prev[j - 1]! + cost, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}
