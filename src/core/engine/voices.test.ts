import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupText } from '../cleanup';
import { segmentSentences } from './sentences';
import {
  findQuotes,
  sameVoice,
  summarizeVoices,
  voicesOnlyIn,
  type Quote,
  type Voice,
} from './voices';

const samples = join(__dirname, '../../../resources/samples');
/** Body of the first article on a seed page, paragraphs joined by blank lines. */
const seedBody = (file: string): string =>
  cleanupText(readFileSync(join(samples, file), 'utf8'), {
    mode: 'page',
  }).articles[0]!.paragraphs.join('\n\n');

const quotesOf = (body: string): Quote[] => findQuotes(segmentSentences(body), body);
const direct = (quotes: Quote[], speaker: string) =>
  quotes.filter((q) => q.kind === 'direct' && q.speaker === speaker).map((q) => q.text);

describe('findQuotes: direct quotes', () => {
  it('attributes a quote to the named subject of "said" after it', () => {
    const [quote] = quotesOf('"We will talk again," Foreign Minister Abbas Araghchi said.');
    expect(quote).toMatchObject({
      kind: 'direct',
      text: 'We will talk again',
      speaker: 'Abbas Araghchi',
      speakerAsWritten: 'Foreign Minister Abbas Araghchi',
      words: 4,
    });
  });

  it('reads an inverted attribution: "…," said X', () => {
    expect(quotesOf('"It went well," said Badr Albusaidi.')[0]?.speaker).toBe('Badr Albusaidi');
  });

  it('gives every sentence of a quotation the speaker named where it closes', () => {
    const quotes = quotesOf('"We have to see. But I think they want a deal," Trump said.');
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We have to see.', 'Trump'],
      ['But I think they want a deal', 'Trump'],
    ]);
  });

  it('gives a bare quote the speaker of the quote before it, also across a paragraph', () => {
    const body =
      '"It was a good start," Araghchi said. "We will meet again."\n\n"Overall, I am hopeful."';
    expect(direct(quotesOf(body), 'Araghchi')).toEqual([
      'It was a good start',
      'We will meet again.',
      'Overall, I am hopeful.',
    ]);
  });

  it('does not attribute scare quotes in a sentence without attribution', () => {
    expect(quotesOf('The talks ended "for now" in Muscat.')).toEqual([]);
  });

  it('skips an apposition between the speaker and the verb', () => {
    const quotes = quotesOf(
      'Seyed Mohammad Marandi, a professor at the University of Tehran, said the talks were "useful."',
    );
    expect(quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['direct', 'Seyed Mohammad Marandi'],
      ['reported', 'Seyed Mohammad Marandi'],
    ]);
  });

  it('takes the main subject for a participle: ", calling the talks …"', () => {
    const quotes = quotesOf(
      'Following the talks, Al Busaidi posted a statement, calling the talks "very serious."',
    );
    expect(quotes).toEqual([
      expect.objectContaining({ kind: 'direct', text: 'very serious.', speaker: 'Al Busaidi' }),
    ]);
  });
});

describe('findQuotes: reported speech', () => {
  it('reads "X said (that) …" and "X told reporters …"', () => {
    const quotes = quotesOf(
      'Qin said these talks have transcended nuclear diplomacy. Trump told reporters that talks will continue.',
    );
    expect(quotes.map((q) => [q.kind, q.speaker, q.text])).toEqual([
      ['reported', 'Qin', 'these talks have transcended nuclear diplomacy.'],
      ['reported', 'Trump', 'talks will continue.'],
    ]);
  });

  it('reads "according to X" before and after the clause', () => {
    const quotes = quotesOf(
      'According to Iranian officials, more than 3,100 people died. The talks went well, according to the Fars News Agency.',
    );
    expect(quotes.map((q) => [q.speaker, q.speakerAsWritten, q.text])).toEqual([
      ['Iranian officials', 'Iranian officials', 'more than 3,100 people died.'],
      ['Fars News Agency', 'the Fars News Agency', 'The talks went well'],
    ]);
  });

  it('reads an outlet reporting after the clause', () => {
    const [quote] = quotesOf(
      "The two sides will hold consultations first, Iran's Fars News Agency reported Friday.",
    );
    expect(quote).toMatchObject({ kind: 'reported', speaker: 'Fars News Agency', words: 7 });
  });

  it('does not count quoted words again as reported words', () => {
    const quotes = quotesOf('Trump said the talks had been "very good" and will continue.');
    expect(quotes.map((q) => [q.kind, q.words])).toEqual([
      ['direct', 2],
      ['reported', 7],
    ]);
  });
});

describe('findQuotes: speakers', () => {
  it('resolves "he" to the last person named as a speaker', () => {
    const body = 'Badr Albusaidi said the talks were serious.\n\n"We aim to reconvene," he added.';
    const quote = quotesOf(body).find((q) => q.kind === 'direct');
    expect(quote).toMatchObject({ speaker: 'Badr Albusaidi', speakerAsWritten: 'he' });
  });

  it('resolves "he" to a person introduced with a role in the sentence before', () => {
    const body =
      'Saudi Foreign Minister Faisal bin Farhan Al Saud also welcomed the talks. "The region is burdened," he said.';
    expect(quotesOf(body)[0]?.speaker).toBe('Faisal bin Farhan Al Saud');
  });

  it('maps a later short name to the full name in the same text, titles dropped', () => {
    const body =
      'Iranian Foreign Minister Seyed Abbas Araghchi told reporters the talks went well. "Good start," Araghchi said. Adm. Brad Cooper said nothing new was agreed.';
    expect(quotesOf(body).map((q) => q.speaker)).toEqual([
      'Seyed Abbas Araghchi',
      'Seyed Abbas Araghchi',
      'Brad Cooper',
    ]);
  });

  it('maps a surname-first short name to its full form', () => {
    const body = 'Qin Tian, a scholar, spoke first. Qin said the talks were historic.';
    expect(quotesOf(body)[0]?.speaker).toBe('Qin Tian');
  });

  it('gives "X, quoting Y, reported" to Y', () => {
    expect(
      quotesOf('IRIB TV, quoting Araghchi, reported that the talks were useful.')[0]?.speaker,
    ).toBe('Araghchi');
  });

  it('leaves an unresolvable description without a speaker', () => {
    expect(quotesOf('"Peace is near," his spokesman said.')[0]).toMatchObject({
      speaker: null,
      speakerAsWritten: 'his spokesman',
    });
  });
});

describe('summarizeVoices and voicesOnlyIn', () => {
  const quote = (
    speaker: string | null,
    kind: Quote['kind'],
    words: number,
    sentence: number,
  ): Quote => ({
    sentence,
    kind,
    text: '',
    speaker,
    speakerAsWritten: speaker ?? 'he',
    words,
  });

  it('groups by speaker, sums words, skips unknown speakers, sorts by words', () => {
    const voices = summarizeVoices([
      quote('A', 'direct', 3, 2),
      quote('B', 'reported', 10, 1),
      quote('A', 'reported', 4, 2),
      quote(null, 'direct', 50, 3),
    ]);
    expect(voices).toEqual<Voice[]>([
      { speaker: 'B', quotes: 1, directWords: 0, reportedWords: 10, sentences: [1] },
      { speaker: 'A', quotes: 2, directWords: 3, reportedWords: 4, sentences: [2] },
    ]);
  });

  it('matches names loosely: surnames, particles, case, diacritics, spaces', () => {
    expect(sameVoice('Araghchi', 'Abbas Araghchi')).toBe(true);
    expect(sameVoice('Seyed Abbas Araghchi', 'Abbas Araghchi')).toBe(true);
    expect(sameVoice('Albusaidi', 'Al Busaidi')).toBe(true);
    expect(sameVoice('Badr Albusaidi', 'Sayyid Badr bin Hamad Al Busaidi')).toBe(true);
    expect(sameVoice('ARAGHCHÍ', 'araghchi')).toBe(true);
    expect(sameVoice('Qin', 'Qin Tian')).toBe(true);
    expect(sameVoice('Donald Trump', 'Abbas Araghchi')).toBe(false);
    // Organisations match only as a whole, not by their last word.
    expect(sameVoice('Fars News Agency', 'Mehr News Agency')).toBe(false);
    expect(sameVoice('the U.S. Department of State', 'U.S. Department of State')).toBe(false);
  });

  it('lists the voices only one side gives', () => {
    const voice = (speaker: string): Voice => ({
      speaker,
      quotes: 1,
      directWords: 1,
      reportedWords: 0,
      sentences: [0],
    });
    expect(
      voicesOnlyIn(
        [voice('Donald Trump'), voice('Sayyid Badr bin Hamad Al Busaidi')],
        [voice('Badr Albusaidi'), voice('Araghchi')],
      ),
    ).toEqual({ onlyA: ['Donald Trump'], onlyB: ['Araghchi'] });
  });
});

describe('voices on the seeds', () => {
  const cgtn = quotesOf(seedBody('cgtn-article.txt'));
  const tehranTimes = quotesOf(seedBody('tehran-times-page.txt'));

  it('CGTN quotes Trump directly', () => {
    const trump = direct(cgtn, 'Donald Trump');
    expect(trump).toContain('very good');
    expect(trump).toContain('We have to see what that deal is.');
    expect(trump).toContain('But I think Iran looks like they want to make a deal very badly');
    expect(trump).toContain("We're going to meet again early next week.");
    expect(trump).toContain('the consequences are very steep.');
  });

  it('CGTN quotes Araghchi, Al Busaidi, the State Department, Marandi and Qin Tian', () => {
    const speakers = new Set(cgtn.map((q) => q.speaker));
    for (const name of [
      'Seyed Abbas Araghchi',
      'Sayyid Badr bin Hamad Al Busaidi',
      'U.S. Department of State',
      'Seyed Mohammad Marandi',
      'Qin Tian',
    ]) {
      expect(speakers, name).toContain(name);
    }
    const state = cgtn.find((q) => q.speaker === 'U.S. Department of State');
    expect(state).toMatchObject({
      kind: 'direct',
      speakerAsWritten: 'the U.S. Department of State',
    });
  });

  it('Tehran Times quotes Araghchi, including the bare quote paragraph that follows his quote', () => {
    const araghchi = direct(tehranTimes, 'Araghchi');
    expect(araghchi.length).toBeGreaterThanOrEqual(6);
    expect(araghchi).toContain(
      'Overall, I can say that it was a good start, but its continuation depends on holding consultations in the capitals and deciding how to proceed.',
    );
    expect(
      araghchi.some((t) => t.startsWith('We must first overcome this prevailing atmosphere')),
    ).toBe(true);
  });

  it('Tehran Times quotes Albusaidi, with "he added" resolved to him', () => {
    const albusaidi = tehranTimes.filter(
      (q) => q.kind === 'direct' && q.speaker === 'Badr Albusaidi',
    );
    expect(albusaidi.map((q) => q.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^It was useful to clarify/),
        expect.stringMatching(/^We aim to reconvene/),
      ]),
    );
    expect(albusaidi.find((q) => q.text.startsWith('We aim'))?.speakerAsWritten).toBe('he');
  });

  it('voices only in CGTN include Trump, the State Department, Marandi and Qin Tian; Al Busaidi and Araghchi are on both sides', () => {
    const { onlyA, onlyB } = voicesOnlyIn(summarizeVoices(cgtn), summarizeVoices(tehranTimes));
    expect(onlyA).toEqual(
      expect.arrayContaining([
        'Donald Trump',
        'U.S. Department of State',
        'Seyed Mohammad Marandi',
        'Qin Tian',
      ]),
    );
    for (const shared of ['Sayyid Badr bin Hamad Al Busaidi', 'Seyed Abbas Araghchi'])
      expect(onlyA).not.toContain(shared);
    expect(onlyB).toEqual([]);
  });

  it('ranks Araghchi as the most quoted voice of both outlets', () => {
    expect(summarizeVoices(cgtn)[0]?.speaker).toBe('Seyed Abbas Araghchi');
    expect(summarizeVoices(tehranTimes)[0]?.speaker).toBe('Araghchi');
  });
});
