import { describe, expect, it } from 'vitest';
import { firstDateInText } from './articleDates';

describe('firstDateInText', () => {
  it.each([
    ['in Muscat, Oman on February 6, 2026.', '2026-02-06'],
    ['Published 6 Feb 2026, 10:00', '2026-02-06'],
    ['on Feb. 6, 2026 the talks', '2026-02-06'],
    ['dated 2026-02-07 and February 6, 2026', '2026-02-07'],
    ['February 6, 2026 then 2026-02-07', '2026-02-06'],
  ])('reads %s', (text, date) => expect(firstDateInText(text)).toBe(date));

  it('finds nothing in text without a full date, or an impossible one', () => {
    expect(firstDateInText('on Friday, February 6')).toBeNull();
    expect(firstDateInText('February 31, 2026')).toBeNull();
    expect(firstDateInText('3,100 people in 2026')).toBeNull();
  });
});
