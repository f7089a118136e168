import { describe, expect, it } from 'vitest';
import { plural, slug } from './text';

describe('plural', () => {
  it('counts a noun, singular only for exactly one', () => {
    expect(plural(0, 'claim')).toBe('0 claims');
    expect(plural(1, 'claim')).toBe('1 claim');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });
});

describe('slug', () => {
  it('keeps ASCII letters and digits, joined by single hyphens', () => {
    expect(slug('  Tehran Times — Édition spéciale! ')).toBe('tehran-times-edition-speciale');
    expect(slug('Iran/US talks: round 2')).toBe('iran-us-talks-round-2');
  });

  it('stays within 40 characters without a trailing hyphen', () => {
    const long = slug('word '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).not.toMatch(/-$/);
  });

  it('is empty for text with no Latin letters or digits, so callers can fall back', () => {
    expect(slug('تهران تایمز')).toBe('');
    expect(slug('中国国际电视台') || 'story').toBe('story');
  });
});
