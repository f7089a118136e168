import { describe, expect, it } from 'vitest';
import {
  describeOutletVoices,
  formatVoiceNumbers,
  quoteSnippet,
  voiceBar,
  voiceRows,
  voiceScale,
} from './voicesModel';

const voice = (
  speaker: string,
  quotes: number,
  direct: number,
  reported: number,
  sentences: number[],
) => ({
  speaker,
  quotes,
  directWords: direct,
  reportedWords: reported,
  sentences,
});

// The shape of the sample comparison (Tehran Times vs CGTN), cut down.
const voices = {
  a: [
    voice('Badr Albusaidi', 4, 37, 3, [15, 13, 14]),
    voice('Araghchi', 12, 147, 78, [1, 2, 3]),
    voice('Iranian officials', 1, 0, 11, [17]),
  ],
  b: [
    voice('Seyed Abbas Araghchi', 11, 57, 122, [1, 2, 8]),
    voice('Donald Trump', 7, 37, 21, [3, 4]),
    voice('Sayyid Badr bin Hamad Al Busaidi', 4, 20, 13, [12, 13]),
    voice('Qin Tian', 1, 0, 23, [35]),
    voice('Mehr News Agency', 2, 2, 21, [15]),
  ],
  onlyA: [],
  onlyB: ['Donald Trump', 'Qin Tian', 'Mehr News Agency'],
};

describe('voiceRows', () => {
  it('lists an outlet’s voices by words given, most first', () => {
    expect(voiceRows(voices, 'a').map((r) => [r.speaker, r.words])).toEqual([
      ['Araghchi', 225],
      ['Badr Albusaidi', 40],
      ['Iranian officials', 11],
    ]);
  });

  it('breaks ties in words by quotes, then by name', () => {
    expect(voiceRows(voices, 'b').map((r) => r.speaker)).toEqual([
      'Seyed Abbas Araghchi',
      'Donald Trump',
      'Sayyid Badr bin Hamad Al Busaidi',
      'Mehr News Agency', // 23 words in 2 quotes
      'Qin Tian', // 23 words in 1 quote
    ]);
  });

  it('marks the voices only one outlet gives', () => {
    const only = (side: 'a' | 'b') =>
      voiceRows(voices, side)
        .filter((r) => r.onlyHere)
        .map((r) => r.speaker);
    expect(only('a')).toEqual([]);
    expect(only('b')).toEqual(['Donald Trump', 'Mehr News Agency', 'Qin Tian']);
  });

  it('finds the same voice in the other outlet under another name, with its words', () => {
    const [araghchi, albusaidi] = voiceRows(voices, 'a');
    expect(araghchi!.counterpart).toEqual({ speaker: 'Seyed Abbas Araghchi', words: 179 });
    expect(albusaidi!.counterpart).toEqual({
      speaker: 'Sayyid Badr bin Hamad Al Busaidi',
      words: 33,
    });
    expect(voiceRows(voices, 'b')[0]!.counterpart).toEqual({ speaker: 'Araghchi', words: 225 });
    expect(voiceRows(voices, 'b')[1]!.counterpart).toBeNull(); // Trump: only in CGTN.
  });

  it('puts each voice’s quote sentences in text order, so the first is the first quote', () => {
    expect(voiceRows(voices, 'a')[1]!.sentences).toEqual([13, 14, 15]);
  });
});

describe('bars and numbers', () => {
  it('draws every bar on one scale: the most words any voice gets on either side', () => {
    expect(voiceScale(voices)).toBe(225);
    const trump = voiceRows(voices, 'b')[1]!;
    expect(voiceBar(trump, 225)).toEqual({ direct: 16.4, reported: 9.3 });
    const araghchiA = voiceRows(voices, 'a')[0]!;
    const bar = voiceBar(araghchiA, 225);
    expect(bar.direct + bar.reported).toBeCloseTo(100, 5);
  });

  it('keeps the scale positive when no one is quoted', () => {
    expect(voiceScale({ a: [], b: [], onlyA: [], onlyB: [] })).toBe(1);
  });

  it('writes the numbers out', () => {
    expect(formatVoiceNumbers(voiceRows(voices, 'b')[0]!)).toEqual({
      quotes: '11 quotes',
      words: '179 words',
      split: '57 direct, 122 reported',
    });
    expect(formatVoiceNumbers(voiceRows(voices, 'b')[4]!)).toMatchObject({
      quotes: '1 quote',
      words: '23 words',
    });
  });
});

describe('describeOutletVoices', () => {
  it('sums up who an outlet quotes and how many only it quotes', () => {
    expect(describeOutletVoices(voiceRows(voices, 'a'), 'Tehran Times', 'CGTN')).toBe(
      'Tehran Times quotes 3 voices, all also quoted by CGTN.',
    );
    expect(describeOutletVoices(voiceRows(voices, 'b'), 'CGTN', 'Tehran Times')).toBe(
      'CGTN quotes 5 voices, 3 of them only in CGTN.',
    );
    expect(describeOutletVoices([], 'CGTN', 'Tehran Times')).toBe('CGTN quotes no one.');
  });
});

describe('quoteSnippet', () => {
  it('keeps a short sentence whole', () => {
    expect(quoteSnippet('  "We will continue," he said. ')).toBe('"We will continue," he said.');
  });

  it('cuts a long sentence at a word boundary with an ellipsis', () => {
    const text =
      'Araghchi said the talks were held in a positive atmosphere and that the two sides had agreed to continue the consultations after returning to their capitals.';
    const snippet = quoteSnippet(text, 60);
    expect(snippet.length).toBeLessThanOrEqual(61);
    expect(snippet.endsWith('…')).toBe(true);
    expect(text.startsWith(snippet.slice(0, -1))).toBe(true);
    expect(snippet).toBe('Araghchi said the talks were held in a positive atmosphere…');
  });
});
