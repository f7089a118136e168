import { describe, expect, it } from 'vitest';
import { LENS_COLORS, lensFormProblems, parseTerms, termsToText, unusedColor } from './lensForm';

describe('parseTerms', () => {
  it('reads one term per line or comma-separated, trimmed', () => {
    expect(parseTerms('sanction\n  shadow fleet , oil trade\n\nvessels,')).toEqual([
      'sanction',
      'shadow fleet',
      'oil trade',
      'vessels',
    ]);
  });

  it('keeps each term once, whatever its case, and squeezes inner spaces', () => {
    expect(parseTerms('Sanctions\nsanctions\nmaximum   pressure\nMaximum pressure')).toEqual([
      'Sanctions',
      'maximum pressure',
    ]);
  });

  it('finds no term in blank input', () => {
    expect(parseTerms(' \n , ,\n')).toEqual([]);
  });

  it('round-trips a lens’s terms through the text box', () => {
    const terms = ['next round', 'early next week', 'in due course'];
    expect(parseTerms(termsToText(terms))).toEqual(terms);
  });
});

describe('lensFormProblems', () => {
  it('accepts a name and at least one term', () => {
    expect(lensFormProblems('Oman’s role', ['Oman', 'mediator'])).toEqual({});
  });

  it('asks for a name and a term, in the API’s words', () => {
    expect(lensFormProblems('   ', [])).toEqual({
      name: 'A lens needs a name.',
      terms: 'A lens needs at least one term.',
    });
  });

  it('names a term that is too long', () => {
    const long = 'x'.repeat(201);
    expect(lensFormProblems('Long', ['ok', long]).terms).toMatch(/limited to 200 characters/);
    expect(lensFormProblems('x'.repeat(101), ['ok']).name).toMatch(/limited to 100 characters/);
  });
});

describe('unusedColor', () => {
  it('gives a new lens a color no lens has yet', () => {
    expect(unusedColor(['#1F6F8B', '#b23b3b'])).toBe(LENS_COLORS[2]!.color);
  });

  it('starts over when every preset is taken', () => {
    expect(unusedColor(LENS_COLORS.map((c) => c.color))).toBe(LENS_COLORS[0]!.color);
  });
});
