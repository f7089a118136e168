import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
let lastStamp = 0;

/**
 * Now (or `notBefore`, in ms, if that is later), as an ISO timestamp strictly later
 * than the last one this process gave:
 * rows written within one millisecond (an annotation, then a new version) must
 * still read in the order they were written, since carrying and merging compare them.
 */
export function now(notBefore = 0): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1, notBefore);
  return new Date(lastStamp).toISOString();
}
