import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('splits plain and matched runs', () => {
    expect(parseSnippet('the \uE000talks\uE001 in \uE000Muscat\uE001.')).toEqual([
      { text: 'the ', hit: false },
      { text: 'talks', hit: true },
      { text: ' in ', hit: false },
      { text: 'Muscat', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('keeps markup-like text as text', () => {
    expect(parseSnippet('<b>\uE000x\uE001</b>')).toEqual([
      { text: '<b>', hit: false },
      { text: 'x', hit: true },
      { text: '</b>', hit: false },
    ]);
  });

  it('survives unbalanced markers', () => {
    expect(parseSnippet('a\uE001b\uE000c')).toEqual([
      { text: 'a', hit: false },
      { text: 'b', hit: false },
      { text: 'c', hit: true },
    ]);
    expect(parseSnippet('')).toEqual([]);
  });
});
