import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('formatDate', () => {
  it('keeps a bare date as written', () => {
    expect(formatDate('2026-02-06')).toBe('2026-02-06');
    expect(formatDateTime('2026-02-06')).toBe('2026-02-06');
  });

  it('formats timestamps in local time', () => {
    const iso = new Date(2026, 1, 7, 9, 5).toISOString();
    expect(formatDate(iso)).toBe('2026-02-07');
    expect(formatDateTime(iso)).toBe('2026-02-07 09:05');
  });

  it('shows unparseable text unchanged', () => {
    expect(formatDate('Friday')).toBe('Friday');
  });
});
