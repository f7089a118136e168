import { now } from '../db/repositories/rows';

/**
 * Now, as an ISO timestamp strictly later than `previous`: an edit made within the
 * same millisecond as the last one must still read as newer (sorting, merging coders' work).
 */
export function stampAfter(previous: string): string {
  const stamp = now();
  const previousMs = Date.parse(previous);
  if (Number.isNaN(previousMs) || stamp > previous) return stamp;
  return new Date(previousMs + 1).toISOString();
}
