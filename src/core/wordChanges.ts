import { diffWords } from 'diff';
import { countWords } from './canonicalText';

export interface WordChanges {
  added: number;
  removed: number;
}

/**
 * How many words one text adds and removes relative to another: the "size of
 * change" between two captures. jsdiff is bounded in time; past the bound (huge,
 * wholly rewritten texts) the count falls back to comparing word multisets,
 * which ignores moves but never freezes.
 */
export function countWordChanges(before: string, after: string, timeoutMs = 500): WordChanges {
  const parts = diffWords(before, after, { timeout: timeoutMs });
  if (parts === undefined) return multisetChanges(before, after);
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.added) added += countWords(part.value);
    else if (part.removed) removed += countWords(part.value);
  }
  return { added, removed };
}

function multisetChanges(before: string, after: string): WordChanges {
  const counts = new Map<string, number>();
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words(before)) counts.set(word, (counts.get(word) ?? 0) + 1);
  let added = 0;
  for (const word of words(after)) {
    const left = counts.get(word) ?? 0;
    if (left > 0) counts.set(word, left - 1);
    else added++;
  }
  const removed = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return { added, removed };
}
