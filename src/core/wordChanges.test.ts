import { describe, expect, it } from 'vitest';
import { countWordChanges } from './wordChanges';

describe('countWordChanges', () => {
  it('counts words added and removed between two captures', () => {
    expect(
      countWordChanges('The next round is not set.', 'The next round is set for early next week.'),
    ).toEqual({ added: 4, removed: 1 });
  });

  it('is zero for the same text', () => {
    expect(countWordChanges('Same words here.', 'Same words here.')).toEqual({
      added: 0,
      removed: 0,
    });
  });

  it('still answers when the diff runs out of time', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `alpha${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `beta${i}`).join(' ');
    expect(countWordChanges(before, after, 0)).toEqual({ added: 3000, removed: 3000 });
  });
});
