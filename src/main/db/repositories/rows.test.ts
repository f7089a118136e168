import { describe, expect, it } from 'vitest';
import { now } from './rows';

describe('now', () => {
  it('gives strictly later timestamps, even within one millisecond', () => {
    const stamps = Array.from({ length: 1000 }, () => now());
    for (let k = 1; k < stamps.length; k++) expect(stamps[k]! > stamps[k - 1]!).toBe(true);
    // And it stays close to the clock: a thousand stamps take at most a second ahead.
    expect(Date.parse(stamps.at(-1)!) - Date.now()).toBeLessThanOrEqual(1000);
  });
});
