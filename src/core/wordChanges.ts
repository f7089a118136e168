export interface WordChanges {
  added: number;
  removed: number;
}

/**
 * How many words one capture adds and removes relative to the one before: the
 * "size of change" in the version list. Counted over word multisets, so it is
 * linear in the text and a moved paragraph counts as no change (its words are
 * neither added nor removed); the version diff view shows moves as such.
 */
export function countWordChanges(before: string, after: string): WordChanges {
  const counts = new Map<string, number>();
  const words = (text: string) =>
    text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.-]+[\p{L}\p{N}]+)*/gu) ?? [];
  for (const word of words(before)) counts.set(word, (counts.get(word) ?? 0) + 1);
  let added = 0;
  for (const word of words(after)) {
    const left = counts.get(word) ?? 0;
    if (left > 0) counts.set(word, left - 1);
    else added++;
  }
  let removed = 0;
  for (const left of counts.values()) removed += left;
  return { added, removed };
}
