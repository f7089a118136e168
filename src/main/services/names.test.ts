import { describe, expect, it } from 'vitest';
import { sameName } from './names';

describe('sameName', () => {
  it('ignores case and surrounding spaces, beyond ASCII too', () => {
    expect(sameName('Omission', ' omission ')).toBe(true);
    expect(sameName('ÉMOTION', 'émotion')).toBe(true);
    expect(sameName('Санкции', 'санкции')).toBe(true);
  });

  it('keeps names that differ in letters or accents apart', () => {
    expect(sameName('Émotion', 'Emotion')).toBe(false);
    expect(sameName('Omission', 'Omissions')).toBe(false);
  });
});
