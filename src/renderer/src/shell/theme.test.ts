import { describe, expect, it } from 'vitest';
import { nextTheme, storedTheme } from './theme';

describe('theme choice', () => {
  it('cycles system → light → dark → system', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual([
      'light',
      'dark',
      'system',
    ]);
  });

  it('reads a stored choice and falls back to the system for anything else', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(storedTheme(storage('dark'))).toBe('dark');
    expect(storedTheme(storage('light'))).toBe('light');
    expect(storedTheme(storage('purple'))).toBe('system');
    expect(storedTheme(storage(null))).toBe('system');
  });
});
