import { describe, expect, it } from 'vitest';
import { canCompare, chooseSide, NO_SELECTION } from './selection';

describe('chooseSide', () => {
  it('sets, clears and swaps sides', () => {
    const a = chooseSide(NO_SELECTION, 'a', 'x');
    expect(a).toEqual({ a: 'x', b: null });
    expect(canCompare(a)).toBe(false);
    const ab = chooseSide(a, 'b', 'y');
    expect(ab).toEqual({ a: 'x', b: 'y' });
    expect(canCompare(ab)).toBe(true);
    expect(chooseSide(ab, 'a', 'y')).toEqual({ a: 'y', b: 'x' });
    expect(chooseSide(ab, 'b', 'y')).toEqual({ a: 'x', b: null });
  });
});
