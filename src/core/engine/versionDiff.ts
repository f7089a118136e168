// Diff of two captured versions of ONE article, NewsDiffs style: paragraphs
// added, removed, edited (with the words that changed) and moved, and edits
// that only touch quotes, dashes, punctuation or spacing flagged "cosmetic" so
// the reader can hide them. Every step is bounded; past the bound the diff gets
// coarser instead of slower, and says so (`timedOut`).

import { splitParagraphOffsets } from './sentences';
import { countWords, diffWordsBounded, sidesOfParts, wholeReplacement } from './wordDiff';
import type { WordDiffPart } from './wordDiff';

export type ParagraphChange =
  | { kind: 'unchanged'; oldIndex: number; newIndex: number; text: string }
  | {
      kind: 'changed';
      oldIndex: number;
      newIndex: number;
      words: WordDiffPart[];
      /** Only whitespace, quote style (" ' “ ” ‘ ’ « »), dash style or punctuation differ. */
      cosmetic: boolean;
    }
  | { kind: 'added'; newIndex: number; text: string }
  | { kind: 'removed'; oldIndex: number; text: string }
  | {
      kind: 'moved';
      oldIndex: number;
      newIndex: number;
      text: string;
      /** Present when the paragraph was also edited. */
      words?: WordDiffPart[];
    };

export interface VersionDiffStats {
  /** Paragraph counts. */
  added: number;
  removed: number;
  /** Edited in place, cosmetic ones included. */
  changed: number;
  moved: number;
  /** Paragraphs (changed or moved) whose only edits are cosmetic. */
  cosmetic: number;
  /** Words in added paragraphs and inserted by non-cosmetic edits. */
  wordsAdded: number;
  wordsRemoved: number;
}

export interface VersionDiff {
  /** In new-version order; removed paragraphs are placed where they were. */
  paragraphs: ParagraphChange[];
  stats: VersionDiffStats;
  /** A bound was hit and part of the diff is coarser than it could be. */
  timedOut: boolean;
}

export interface VersionDiffOptions {
  /** Total time budget for the whole diff (default 1000 ms). */
  timeoutMs?: number;
}

/** A paragraph of one version: blocks of text separated by blank lines. */
export interface Paragraph {
  index: number;
  text: string;
}

const DEFAULT_TIMEOUT_MS = 1000;
/** Word-overlap similarity above which a paragraph elsewhere counts as the same one, moved. */
const NEAR_IDENTICAL = 0.8;
/** Word-overlap similarity above which two paragraphs in the same place count as one edited. */
const SIMILAR = 0.5;
/** Postings visited while scoring paragraph pairs; past it, unscored pairs are added/removed. */
const MAX_SIMILARITY_WORK = 20_000_000;
/** Cells of the in-order pairing table for one gap; past it, pairing is greedy. */
const MAX_GAP_CELLS = 1_000_000;
/** jsdiff's edit-distance bound, in tokens, for one paragraph pair. */
const MAX_EDIT_LENGTH = 10_000;

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Paragraphs of a body: non-empty blocks separated by blank lines, trimmed —
 * the same blocks the sentence segmenter numbers, so indices agree with `Sentence.paragraph`.
 */
export function splitParagraphs(body: string): Paragraph[] {
  return splitParagraphOffsets(body).map((span, index) => ({
    index,
    text: body.slice(span.start, span.end),
  }));
}

export function diffVersions(
  oldBody: string,
  newBody: string,
  options: VersionDiffOptions = {},
): VersionDiff {
  const budget = new Budget(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const olds = splitParagraphs(oldBody);
  const news = splitParagraphs(newBody);
  const alignment = alignParagraphs(olds, news, budget);
  const paragraphs = describeChanges(olds, news, alignment, budget);
  return { paragraphs, stats: computeStats(paragraphs), timedOut: budget.exceeded };
}

/** The "hide cosmetic changes" switch: cosmetic-only edits read as unchanged. */
export function withoutCosmetic(diff: VersionDiff): VersionDiff {
  const paragraphs = diff.paragraphs.map((change): ParagraphChange => {
    if (change.kind === 'changed' && change.cosmetic) {
      const { oldIndex, newIndex } = change;
      return { kind: 'unchanged', oldIndex, newIndex, text: sidesOfParts(change.words).b };
    }
    if (change.kind === 'moved' && change.words && isCosmeticParts(change.words)) {
      const { oldIndex, newIndex, text } = change;
      return { kind: 'moved', oldIndex, newIndex, text };
    }
    return change;
  });
  return { ...diff, paragraphs, stats: computeStats(paragraphs) };
}

/**
 * True when two texts differ only in whitespace, quote or dash style, or
 * punctuation: with every run of punctuation and space read as one space, they
 * are the same words in the same order (%, &, # and symbols such as $ still count).
 */
export function isCosmeticEdit(oldText: string, newText: string): boolean {
  return oldText !== newText && wordSkeleton(oldText) === wordSkeleton(newText);
}

/** Punctuation and spacing, except marks that stand for words (5% is not 5). */
const COSMETIC_MARKS = /(?:(?![%‰‱&#@§])[\p{P}\s])+/gu;

function wordSkeleton(text: string): string {
  return text.normalize('NFC').replace(COSMETIC_MARKS, ' ').trim();
}

function isCosmeticParts(parts: readonly WordDiffPart[]): boolean {
  const { a, b } = sidesOfParts(parts);
  return wordSkeleton(a) === wordSkeleton(b);
}

/** Wall-clock budget shared by every step of one diff. */
class Budget {
  private readonly deadline: number;
  exceeded = false;

  constructor(ms: number) {
    this.deadline = Date.now() + Math.max(0, ms);
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** Checks the clock; once out of time, stays out. */
  isOut(): boolean {
    if (!this.exceeded && this.remainingMs() <= 0) this.exceeded = true;
    return this.exceeded;
  }
}

// ---- Alignment ------------------------------------------------------------

interface Pair {
  old: number;
  new: number;
  /** Not on the longest in-order chain of pairs: the paragraph moved. */
  moved: boolean;
}

/**
 * Pairs old and new paragraphs: identical text first, then near-identical text
 * anywhere (so moves are found), then moves are the pairs off the longest
 * in-order chain, and what is left between in-order pairs is paired in order
 * when similar enough (an edit). Unpaired paragraphs are added or removed.
 */
function alignParagraphs(olds: Paragraph[], news: Paragraph[], budget: Budget): Pair[] {
  const oldToNew = new Int32Array(olds.length).fill(-1);
  const newToOld = new Int32Array(news.length).fill(-1);
  const link = (o: number, n: number) => {
    oldToNew[o] = n;
    newToOld[n] = o;
  };
  for (const [o, n] of matchIdentical(olds, news)) link(o, n);

  const unpairedOld = olds.filter((p) => oldToNew[p.index] === -1);
  const unpairedNew = news.filter((p) => newToOld[p.index] === -1);
  const similarity = scoreSimilarPairs(unpairedOld, unpairedNew, budget);
  for (const [o, n] of matchNearIdentical(similarity, olds.length, news.length)) link(o, n);

  const matched: Pair[] = [];
  newToOld.forEach((o, n) => {
    if (o !== -1) matched.push({ old: o, new: n, moved: false });
  });
  const inOrder = new Set(longestIncreasingRun(matched.map((p) => p.old)));
  matched.forEach((pair, i) => (pair.moved = !inOrder.has(i)));

  const anchors = matched.filter((pair) => !pair.moved);
  for (const [o, n] of pairWithinGaps(anchors, oldToNew, newToOld, similarity, budget)) {
    link(o, n);
  }
  const moved = new Set(matched.filter((p) => p.moved).map((p) => p.new));
  const pairs: Pair[] = [];
  newToOld.forEach((o, n) => {
    if (o !== -1) pairs.push({ old: o, new: n, moved: moved.has(n) });
  });
  return pairs;
}

/** Identical paragraphs, matched first-come first-served in order. */
function matchIdentical(olds: Paragraph[], news: Paragraph[]): [number, number][] {
  const byText = new Map<string, number[]>();
  for (const p of olds) {
    const queue = byText.get(p.text);
    if (queue) queue.push(p.index);
    else byText.set(p.text, [p.index]);
  }
  const pairs: [number, number][] = [];
  for (const p of news) {
    const o = byText.get(p.text)?.shift();
    if (o !== undefined) pairs.push([o, p.index]);
  }
  return pairs;
}

interface Similarity {
  old: number;
  new: number;
  score: number;
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // One apostrophe, so "don't" and "don’t" count as the same word.
  for (const word of text.toLowerCase().replace(/’/g, "'").match(WORD) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/**
 * Every unpaired old/new pair whose word overlap (multiset Dice) reaches
 * SIMILAR, found through an inverted index so unrelated pairs cost nothing.
 * Bounded by postings visited and by the clock; past either, the pairs not yet
 * scored stay unscored (and so end up added/removed).
 */
function scoreSimilarPairs(olds: Paragraph[], news: Paragraph[], budget: Budget): Similarity[] {
  const postings = new Map<string, { old: number; count: number }[]>();
  const oldLength = new Map<number, number>();
  for (const p of olds) {
    const counts = wordCounts(p.text);
    oldLength.set(p.index, total(counts));
    for (const [word, count] of counts) {
      const list = postings.get(word);
      if (list) list.push({ old: p.index, count });
      else postings.set(word, [{ old: p.index, count }]);
    }
  }
  const found: Similarity[] = [];
  let work = 0;
  for (const p of news) {
    if (work > MAX_SIMILARITY_WORK || budget.isOut()) {
      budget.exceeded = true;
      break;
    }
    const counts = wordCounts(p.text);
    const length = total(counts);
    const overlap = new Map<number, number>();
    for (const [word, count] of counts) {
      const list = postings.get(word) ?? [];
      work += list.length;
      for (const posting of list) {
        overlap.set(posting.old, (overlap.get(posting.old) ?? 0) + Math.min(count, posting.count));
      }
    }
    for (const [o, shared] of overlap) {
      const score = (2 * shared) / (length + (oldLength.get(o) ?? 0));
      if (score >= SIMILAR) found.push({ old: o, new: p.index, score });
    }
  }
  return found;
}

/**
 * Near-identical pairs anywhere in the text, best first; between equal scores
 * the pair closest in relative position wins, so a repeated paragraph pairs
 * with its nearest copy.
 */
function matchNearIdentical(
  similarity: Similarity[],
  oldCount: number,
  newCount: number,
): [number, number][] {
  const distance = (s: Similarity) => Math.abs(s.old / oldCount - s.new / newCount);
  const candidates = similarity
    .filter((s) => s.score >= NEAR_IDENTICAL)
    .sort((x, y) => y.score - x.score || distance(x) - distance(y));
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const s of candidates) {
    if (usedOld.has(s.old) || usedNew.has(s.new)) continue;
    usedOld.add(s.old);
    usedNew.add(s.new);
    pairs.push([s.old, s.new]);
  }
  return pairs;
}

/** Indices of one longest strictly increasing subsequence of `values` (patience sorting). */
export function longestIncreasingRun(values: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest tail of a run of length k+1
  const previous = new Int32Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const run: number[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i]!) run.push(i);
  return run.reverse();
}

/**
 * Between consecutive in-order pairs, pairs the still-unpaired old and new
 * paragraphs in order, maximising total similarity (an LCS over similar
 * pairs). A gap too large for the table is paired greedily instead.
 */
function pairWithinGaps(
  anchors: Pair[],
  oldToNew: Int32Array,
  newToOld: Int32Array,
  similarity: Similarity[],
  budget: Budget,
): [number, number][] {
  const score = new Map<string, number>();
  for (const s of similarity) score.set(`${s.old}:${s.new}`, s.score);
  if (score.size === 0) return [];
  const bounds = [{ old: -1, new: -1 }, ...anchors, { old: oldToNew.length, new: newToOld.length }];
  const pairs: [number, number][] = [];
  for (let k = 1; k < bounds.length; k++) {
    const from = bounds[k - 1]!;
    const to = bounds[k]!;
    const gapOld = unpairedBetween(oldToNew, from.old, to.old);
    const gapNew = unpairedBetween(newToOld, from.new, to.new);
    if (gapOld.length === 0 || gapNew.length === 0) continue;
    const scoreOf = (o: number, n: number) => score.get(`${o}:${n}`) ?? 0;
    const tooBig = gapOld.length * gapNew.length > MAX_GAP_CELLS || budget.isOut();
    if (tooBig) budget.exceeded = true;
    pairs.push(...(tooBig ? pairGreedily : pairOptimally)(gapOld, gapNew, scoreOf));
  }
  return pairs;
}

function unpairedBetween(toOther: Int32Array, after: number, before: number): number[] {
  const indices: number[] = [];
  for (let i = after + 1; i < before; i++) if (toOther[i] === -1) indices.push(i);
  return indices;
}

type ScoreOf = (o: number, n: number) => number;

/** In-order pairing with the largest total similarity (dynamic programming). */
function pairOptimally(olds: number[], news: number[], scoreOf: ScoreOf): [number, number][] {
  const cols = news.length + 1;
  const best = new Float64Array((olds.length + 1) * cols);
  for (let i = olds.length - 1; i >= 0; i--) {
    for (let j = news.length - 1; j >= 0; j--) {
      const s = scoreOf(olds[i]!, news[j]!);
      const take = s > 0 ? s + best[(i + 1) * cols + j + 1]! : 0;
      best[i * cols + j] = Math.max(take, best[(i + 1) * cols + j]!, best[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < olds.length && j < news.length) {
    const s = scoreOf(olds[i]!, news[j]!);
    if (s > 0 && best[i * cols + j] === s + best[(i + 1) * cols + j + 1]!) {
      pairs.push([olds[i]!, news[j]!]);
      i++;
      j++;
    } else if (best[i * cols + j] === best[(i + 1) * cols + j]) i++;
    else j++;
  }
  return pairs;
}

/** In-order pairing taking, for each new paragraph, the next similar old one. */
function pairGreedily(olds: number[], news: number[], scoreOf: ScoreOf): [number, number][] {
  const pairs: [number, number][] = [];
  let next = 0;
  for (const n of news) {
    const found = olds.findIndex((o, i) => i >= next && scoreOf(o, n) > 0);
    if (found === -1) continue;
    pairs.push([olds[found]!, n]);
    next = found + 1;
  }
  return pairs;
}

// ---- Describing the changes -----------------------------------------------

/** Walks the new version in order, slotting removed paragraphs in where they stood in the old. */
function describeChanges(
  olds: Paragraph[],
  news: Paragraph[],
  pairs: Pair[],
  budget: Budget,
): ParagraphChange[] {
  const pairByNew = new Map(pairs.map((pair) => [pair.new, pair]));
  const pairedOld = new Set(pairs.map((pair) => pair.old));
  const out: ParagraphChange[] = [];
  let nextOld = 0;
  const emitRemovedBefore = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (!pairedOld.has(nextOld)) {
        out.push({ kind: 'removed', oldIndex: nextOld, text: olds[nextOld]!.text });
      }
    }
  };
  for (const paragraph of news) {
    const pair = pairByNew.get(paragraph.index);
    if (!pair) {
      out.push({ kind: 'added', newIndex: paragraph.index, text: paragraph.text });
      continue;
    }
    if (!pair.moved) {
      emitRemovedBefore(pair.old);
      nextOld = pair.old + 1;
    }
    out.push(describePair(olds[pair.old]!, paragraph, pair.moved, budget));
  }
  emitRemovedBefore(olds.length);
  return out;
}

function describePair(
  old: Paragraph,
  current: Paragraph,
  moved: boolean,
  budget: Budget,
): ParagraphChange {
  const ids = { oldIndex: old.index, newIndex: current.index };
  if (moved) {
    const text = current.text;
    if (old.text === text) return { kind: 'moved', ...ids, text };
    return { kind: 'moved', ...ids, text, words: diffParagraphWords(old.text, text, budget) };
  }
  if (old.text === current.text) return { kind: 'unchanged', ...ids, text: current.text };
  return {
    kind: 'changed',
    ...ids,
    words: diffParagraphWords(old.text, current.text, budget),
    cosmetic: isCosmeticEdit(old.text, current.text),
  };
}

/** Word diff within what is left of the budget; out of time, the whole paragraph is replaced. */
function diffParagraphWords(oldText: string, newText: string, budget: Budget): WordDiffPart[] {
  if (budget.isOut()) return wholeReplacement(oldText, newText);
  const result = diffWordsBounded(oldText, newText, {
    timeoutMs: budget.remainingMs(),
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (result.timedOut) budget.exceeded = true;
  return result.parts;
}

function computeStats(paragraphs: readonly ParagraphChange[]): VersionDiffStats {
  const stats: VersionDiffStats = {
    added: 0,
    removed: 0,
    changed: 0,
    moved: 0,
    cosmetic: 0,
    wordsAdded: 0,
    wordsRemoved: 0,
  };
  const countEditedWords = (words: readonly WordDiffPart[]) => {
    for (const part of words) {
      if (part.kind === 'onlyA') stats.wordsRemoved += countWords(part.text);
      if (part.kind === 'onlyB') stats.wordsAdded += countWords(part.text);
    }
  };
  for (const change of paragraphs) {
    switch (change.kind) {
      case 'added':
        stats.added++;
        stats.wordsAdded += countWords(change.text);
        break;
      case 'removed':
        stats.removed++;
        stats.wordsRemoved += countWords(change.text);
        break;
      case 'changed':
        stats.changed++;
        if (change.cosmetic) stats.cosmetic++;
        else countEditedWords(change.words);
        break;
      case 'moved':
        stats.moved++;
        if (change.words && isCosmeticParts(change.words)) stats.cosmetic++;
        else if (change.words) countEditedWords(change.words);
        break;
      case 'unchanged':
        break;
    }
  }
  return stats;
}
