import { describe, expect, it } from 'vitest';
import type { Selector } from '../../shared/domain';
import { describeSelectorProblem } from './annotationSelectors';

const body = 'Iran and the US met in Muscat on Friday.';
const at = (start: number, end: number): Selector => ({
  type: 'TextPositionSelector',
  start,
  end,
});
const quote = (exact: string): Selector => ({ type: 'TextQuoteSelector', exact });

describe('describeSelectorProblem', () => {
  it('accepts a span inside the text whose quote matches it, up to the last character', () => {
    expect(describeSelectorProblem(body, [quote('Muscat'), at(23, 29)])).toBeNull();
    expect(describeSelectorProblem(body, [at(0, body.length)])).toBeNull();
    expect(describeSelectorProblem(body, [quote('the US')])).toBeNull();
  });

  it('refuses an empty or reversed span', () => {
    expect(describeSelectorProblem(body, [at(5, 5)])).toBe(
      'The selection is empty (characters 5–5); select at least one character.',
    );
    expect(describeSelectorProblem(body, [at(9, 4)])).toMatch(/is empty/);
  });

  it('refuses a span that runs past the end of the text', () => {
    expect(describeSelectorProblem(body, [at(30, 41)], 'The paired selection')).toBe(
      'The paired selection (characters 30–41) runs past the end of the text, which has 40 characters.',
    );
  });

  it('refuses a quote that differs from the text at its position', () => {
    expect(describeSelectorProblem(body, [quote('Muscat'), at(0, 4)])).toBe(
      'The selection quotes "Muscat", but characters 0–4 of the text read "Iran".',
    );
  });

  it('refuses a quote alone that does not occur in the text', () => {
    expect(describeSelectorProblem(body, [quote('Cairo')])).toBe(
      'The selection quotes "Cairo", which does not occur in the text.',
    );
  });

  it('refuses two selectors of one kind, which could point at different text', () => {
    expect(describeSelectorProblem(body, [at(0, 4), at(23, 29)])).toMatch(
      /more than one selector of a kind/,
    );
  });

  it('shortens long quotes in its message', () => {
    const message = describeSelectorProblem(body, [quote('x'.repeat(500))])!;
    expect(message.length).toBeLessThan(140);
    expect(message).toContain('…');
  });
});
