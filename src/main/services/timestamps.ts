import { now } from '../db/repositories/rows';

/**
 * Now, as an ISO timestamp strictly later than `previous`: an edit made within the
 * same millisecond as the last one must still read as newer (sorting, merging coders' work).
 */
export function stampAfter(previous: string): string {
  const previousMs = Date.parse(previous);
  return now(Number.isNaN(previousMs) ? 0 : previousMs + 1);
}
