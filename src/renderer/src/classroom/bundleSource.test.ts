import { describe, expect, it } from 'vitest';
import { bundleSource } from './bundleSource';

describe('bundleSource', () => {
  const opened = { name: 'week-3.parallax', openedAt: '2026-02-06T09:30:00.000Z' };

  it('names the teacher, the file and the day it was opened', () => {
    expect(bundleSource({ ...opened, author: 'Ms Rahimi' })).toBe(
      'From Ms Rahimi · week-3.parallax, opened 2026-02-06',
    );
  });

  it('reads as a sentence when the bundle has no author', () => {
    expect(bundleSource({ ...opened, author: '  ' })).toBe(
      'Opened from week-3.parallax on 2026-02-06',
    );
  });
});
