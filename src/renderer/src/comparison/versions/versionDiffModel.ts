// What the Changes mode shows, worked out from the engine's version diff: one
// list of items in reading order that both layouts draw (track changes and side
// by side), the summary line, the headline/deck comparison, and the order of
// the two versions. Pure: no React, no DOM.
import { diffWordsInPair, sidesOfParts } from '../../../../core/engine/wordDiff';
import { isCosmeticEdit } from '../../../../core/engine/versionDiff';
import type { VersionDiffResult } from '../../../../shared/engine';
import type { VersionView } from '../../../../shared/domain';
import { formatCount } from '../../format/counts';

export type ParagraphChange = VersionDiffResult['paragraphs'][number];
export type DiffStats = VersionDiffResult['stats'];
export type WordPart = { kind: 'same' | 'onlyA' | 'onlyB'; text: string };

/**
 * One block of the Changes view, in the new version's order. Removed paragraphs
 * stand where they were; a moved paragraph stands at its new place and leaves a
 * `movedAway` stub at its old one, so both places can link to each other.
 */
export type ChangeItem =
  | { kind: 'unchanged'; key: string; oldIndex: number; newIndex: number; text: string }
  | {
      kind: 'changed';
      key: string;
      oldIndex: number;
      newIndex: number;
      parts: WordPart[];
      cosmetic: boolean;
    }
  | { kind: 'added'; key: string; newIndex: number; text: string }
  | { kind: 'removed'; key: string; oldIndex: number; text: string }
  | {
      kind: 'moved';
      key: string;
      oldIndex: number;
      newIndex: number;
      /** The text as it reads in each version (different when it was also edited). */
      oldText: string;
      newText: string;
      /** Word changes made along with the move; null when moved as it was. */
      parts: WordPart[] | null;
      /** Where its stub (the old place) is on the page, from here. */
      otherPlace: 'above' | 'below';
    }
  | {
      kind: 'movedAway';
      key: string;
      oldIndex: number;
      newIndex: number;
      oldText: string;
      parts: WordPart[] | null;
      /** Where the moved paragraph (the new place) is on the page, from here. */
      otherPlace: 'above' | 'below';
    };

type OldBearing = Extract<ChangeItem, { kind: 'unchanged' | 'changed' | 'removed' }>;

function toItem(change: ParagraphChange): ChangeItem {
  switch (change.kind) {
    case 'unchanged':
      return { ...change, key: `u${change.newIndex}` };
    case 'changed':
      return {
        kind: 'changed',
        key: `c${change.newIndex}`,
        oldIndex: change.oldIndex,
        newIndex: change.newIndex,
        parts: change.words,
        cosmetic: change.cosmetic,
      };
    case 'added':
      return { ...change, key: `a${change.newIndex}` };
    case 'removed':
      return { ...change, key: `r${change.oldIndex}` };
    case 'moved': {
      const parts = change.words ?? null;
      return {
        kind: 'moved',
        key: `m${change.newIndex}`,
        oldIndex: change.oldIndex,
        newIndex: change.newIndex,
        oldText: parts ? sidesOfParts(parts).a : change.text,
        newText: change.text,
        parts,
        otherPlace: 'above', // set once the stubs are placed
      };
    }
  }
}

/**
 * The diff as the reader walks it: the engine's paragraphs (new order, removed
 * ones in their old place) plus, for each moved paragraph, a stub at its old
 * place — right after the paragraph that preceded it in the old version (or
 * before the one that followed it, when it came first).
 */
export function changeItems(paragraphs: readonly ParagraphChange[]): ChangeItem[] {
  const items = paragraphs.map(toItem);
  // Paragraphs still in their old order, by old index: the places a stub can stand next to.
  const anchors = items
    .map((item, position) => ({ item, position }))
    .filter((x): x is { item: OldBearing; position: number } => isOldBearing(x.item));
  const stubsAt = new Map<number, ChangeItem[]>(); // position in `items` → stubs before it
  const moved = items
    .filter((item): item is Extract<ChangeItem, { kind: 'moved' }> => item.kind === 'moved')
    .sort((x, y) => x.oldIndex - y.oldIndex);
  for (const item of moved) {
    const before = anchors.filter((a) => a.item.oldIndex < item.oldIndex).at(-1);
    const after = anchors.find((a) => a.item.oldIndex > item.oldIndex);
    const position = before ? before.position + 1 : after ? after.position : items.length;
    const stub: ChangeItem = {
      kind: 'movedAway',
      key: `s${item.oldIndex}`,
      oldIndex: item.oldIndex,
      newIndex: item.newIndex,
      oldText: item.oldText,
      parts: item.parts,
      otherPlace: 'below',
    };
    stubsAt.set(position, [...(stubsAt.get(position) ?? []), stub]);
  }
  const out: ChangeItem[] = [];
  items.forEach((item, position) => {
    out.push(...(stubsAt.get(position) ?? []), item);
  });
  out.push(...(stubsAt.get(items.length) ?? []));
  return pointAtEachOther(out);
}

/** Tells each moved paragraph and its stub which way the other one is. */
function pointAtEachOther(items: ChangeItem[]): ChangeItem[] {
  const stubAt = new Map<number, number>();
  const movedAt = new Map<number, number>();
  items.forEach((item, i) => {
    if (item.kind === 'movedAway') stubAt.set(item.oldIndex, i);
    if (item.kind === 'moved') movedAt.set(item.oldIndex, i);
  });
  return items.map((item, i) => {
    if (item.kind === 'moved') {
      return { ...item, otherPlace: (stubAt.get(item.oldIndex) ?? i) < i ? 'above' : 'below' };
    }
    if (item.kind === 'movedAway') {
      return { ...item, otherPlace: (movedAt.get(item.oldIndex) ?? i) < i ? 'above' : 'below' };
    }
    return item;
  });
}

function isOldBearing(item: ChangeItem): item is OldBearing {
  return item.kind === 'unchanged' || item.kind === 'changed' || item.kind === 'removed';
}

/** Items `j`/`k` stop at: every change, once (a move stops at its new place, not its stub). */
export function isChangeStop(item: ChangeItem): boolean {
  return item.kind !== 'unchanged' && item.kind !== 'movedAway';
}

/** One side of a word diff: the text as that version has it, with its own changes marked. */
export function sideOfParts(
  parts: readonly WordPart[],
  side: 'old' | 'new',
): { text: string; changed: boolean }[] {
  const mine = side === 'old' ? 'onlyA' : 'onlyB';
  return parts
    .filter((part) => part.kind === 'same' || part.kind === mine)
    .map((part) => ({ text: part.text, changed: part.kind === mine }));
}

/** "¶3": paragraphs are numbered from 1 for readers. */
export const paragraphMark = (index: number): string => `¶${index + 1}`;

/** The index of the change to go to from `current` (-1: none yet), or null at either end. */
export function stepChange(current: number, count: number, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  const next = current + direction;
  return next < 0 || next >= count ? null : next;
}

// ---- The two versions -------------------------------------------------------

export interface OrderedVersions {
  older: VersionView;
  newer: VersionView;
  /** The sides came in the other order (A is the later capture) and were put in time order. */
  swapped: boolean;
}

/** Diffs read from earlier to later, whichever side each version was put on. */
export function inTimeOrder(a: VersionView, b: VersionView): OrderedVersions {
  return a.version.seq > b.version.seq
    ? { older: b, newer: a, swapped: true }
    : { older: a, newer: b, swapped: false };
}

/** A headline, deck or byline in both versions: the same, or changed word by word. */
export type FieldChange =
  | { kind: 'same'; text: string }
  | { kind: 'changed'; parts: WordPart[]; cosmetic: boolean }
  | { kind: 'absent' };

/**
 * Compares one short field of the two versions. With cosmetic changes hidden,
 * a field that differs only in quotes, dashes, punctuation or spacing reads as
 * the same (in its newer form), as the body's paragraphs do.
 */
export function compareField(
  older: string | null,
  newer: string | null,
  hideCosmetic: boolean,
): FieldChange {
  const before = older?.trim() ?? '';
  const after = newer?.trim() ?? '';
  if (before === '' && after === '') return { kind: 'absent' };
  if (before === after) return { kind: 'same', text: after };
  const cosmetic = isCosmeticEdit(before, after);
  if (cosmetic && hideCosmetic) return { kind: 'same', text: after };
  return { kind: 'changed', parts: diffWordsInPair(before, after), cosmetic };
}

// ---- The summary line -------------------------------------------------------

export interface SummaryInput {
  stats: DiffStats;
  /** Headline/deck/byline that changed (after hiding cosmetic changes when asked). */
  changedFields: readonly string[];
  hideCosmetic: boolean;
}

/**
 * "3 paragraphs changed, 1 added, 1 removed, 1 moved; 42 words added, 17
 * removed": what changed in the body, the headline fields that changed, or
 * plainly that nothing did.
 */
export function summarizeChanges({ stats, changedFields, hideCosmetic }: SummaryInput): string {
  const counts = [
    { n: stats.changed, what: 'changed' },
    { n: stats.added, what: 'added' },
    { n: stats.removed, what: 'removed' },
    { n: stats.moved, what: 'moved' },
  ].filter((c) => c.n > 0);
  const sentences: string[] = [];
  if (changedFields.length > 0) {
    const fields = joinWords(changedFields);
    sentences.push(`${capitalize(fields)} changed.`);
  }
  if (counts.length === 0) {
    const body = changedFields.length > 0 ? 'No change in the body text' : 'No change in the text';
    sentences.push(hideCosmetic ? `${body} besides cosmetic ones (hidden).` : `${body}.`);
    return sentences.join(' ');
  }
  const paragraphs = counts
    .map((c, i) => (i === 0 ? formatCount(c.n, 'paragraph') : number(c.n)) + ` ${c.what}`)
    .join(', ');
  const words = wordCounts(stats);
  sentences.push(`${paragraphs}${words ? `; ${words}` : ''}.`);
  if (stats.cosmetic > 0) {
    const n = stats.cosmetic;
    sentences.push(
      `${formatCount(n, 'paragraph')} ${n === 1 ? 'differs' : 'differ'} only in spacing, quotes or punctuation.`,
    );
  }
  return sentences.join(' ');
}

function wordCounts(stats: DiffStats): string {
  const { wordsAdded: added, wordsRemoved: removed } = stats;
  if (added > 0 && removed > 0) {
    return `${formatCount(added, 'word')} added, ${number(removed)} removed`;
  }
  if (added > 0) return `${formatCount(added, 'word')} added`;
  if (removed > 0) return `${formatCount(removed, 'word')} removed`;
  return '';
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const numberFormat = new Intl.NumberFormat('en-US');
const number = (n: number) => numberFormat.format(n);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The opening words of a paragraph, for a stub that stands in for it. */
export function excerpt(text: string, words = 12): string {
  const tokens = text.trim().split(/\s+/);
  return tokens.length <= words ? tokens.join(' ') : `${tokens.slice(0, words).join(' ')}…`;
}
