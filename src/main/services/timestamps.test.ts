import { describe, expect, it } from 'vitest';
import { stampAfter } from './timestamps';

describe('stampAfter', () => {
  it('is now when the previous stamp is in the past', () => {
    const before = Date.now();
    const stamp = Date.parse(stampAfter('2020-01-01T00:00:00.000Z'));
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(Date.now());
  });

  it('is later than a previous stamp from this very millisecond, or from the future', () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    const stamp = stampAfter(future);
    expect(stamp > future).toBe(true);
    const justNow = new Date().toISOString();
    expect(stampAfter(justNow) > justNow).toBe(true);
  });
});
