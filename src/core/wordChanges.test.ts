import { describe, expect, it } from 'vitest';
import { countWordChanges } from './wordChanges';

describe('countWordChanges', () => {
  it('counts words added and removed between two captures', () => {
    expect(
      countWordChanges('The next round is not set.', 'The next round is set for early next week.'),
    ).toEqual({
      added: 4,
      removed: 1,
    });
  });

  it('is zero for the same words, moved paragraphs included', () => {
    expect(countWordChanges('First part.\n\nSecond part.', 'Second part.\n\nFirst part.')).toEqual({
      added: 0,
      removed: 0,
    });
  });

  it('counts a repeated word each time it is added', () => {
    expect(countWordChanges('talks', 'talks talks talks')).toEqual({ added: 2, removed: 0 });
  });

  it('treats hyphenated and abbreviated words as one word', () => {
    expect(countWordChanges('U.S. sanctions', 'U.S.-imposed sanctions')).toEqual({
      added: 1,
      removed: 1,
    });
  });
});
