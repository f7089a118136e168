import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupText } from '../cleanup';
import {
  applyLens,
  compareLens,
  foldWord,
  inflections,
  type Lens,
  type LensCoverage,
} from './lenses';
import { segmentSentences } from './sentences';

const samples = join(__dirname, '../../../resources/samples');
const lenses = JSON.parse(readFileSync(join(samples, 'lenses.json'), 'utf8')) as Lens[];
const lens = (name: string) => lenses.find((l) => l.name === name)!;

/** The first article of a sample file, cleaned, as one body with its sentences. */
function firstArticle(file: string) {
  const raw = readFileSync(join(samples, file), 'utf8');
  const body = cleanupText(raw, { mode: 'page' }).articles[0]!.paragraphs.join('\n\n');
  return { body, sentences: segmentSentences(body) };
}

const tehranTimes = firstArticle('tehran-times-page.txt');
const cgtn = firstArticle('cgtn-article.txt');

function matchedSentences(
  coverage: LensCoverage,
  text: { body: string; sentences: { id: number; text: string }[] },
) {
  return coverage.sentences.map((id) => text.sentences[id]!.text);
}

describe('lenses on the seed pair', () => {
  it('finds Sanctions covered by CGTN and absent from Tehran Times', () => {
    const { a, b } = compareLens(lens('Sanctions'), tehranTimes, cgtn);
    expect(a.absent).toBe(true);
    expect(a).toMatchObject({
      sentences: [],
      matches: [],
      words: 0,
      share: 0,
      firstPosition: null,
    });

    expect(b.absent).toBe(false);
    const sentences = matchedSentences(b, cgtn);
    expect(sentences).toContainEqual(
      expect.stringContaining(
        '15 entities, two individuals, and 14 so-called shadow fleet vessels',
      ),
    );
    expect(sentences).toContainEqual(expect.stringContaining('maximum pressure campaign'));
    expect(sentences).toContainEqual(expect.stringContaining('announced fresh sanctions'));
    const matchedText = b.matches.map((m) => cgtn.body.slice(m.start, m.end));
    expect(matchedText).toEqual(
      expect.arrayContaining([
        'sanctions',
        'entities',
        'shadow fleet',
        'vessels',
        'oil trade',
        'maximum pressure',
      ]),
    );
    expect(b.share).toBeGreaterThan(0);
    expect(b.share).toBeLessThan(0.2);
    expect(b.firstPosition).toBeGreaterThanOrEqual(0);
    expect(b.firstPosition).toBeLessThan(0.05); // the lead sentence mentions the sanctions
  });

  it('finds Next round timing in both outlets', () => {
    const { a, b } = compareLens(lens('Next round timing'), tehranTimes, cgtn);
    expect(a.absent).toBe(false);
    expect(b.absent).toBe(false);
    expect(matchedSentences(a, tehranTimes)).toContainEqual(
      expect.stringContaining('the timing and way of the next round of talks will be determined'),
    );
    expect(matchedSentences(b, cgtn)).toContainEqual(
      expect.stringContaining('will continue early next week'),
    );
    // "continuing" and "continued" are forms of the term "continue".
    const tehranMatched = a.matches.map((m) => tehranTimes.body.slice(m.start, m.end));
    expect(tehranMatched).toEqual(
      expect.arrayContaining(['continuing', 'continue', 'next round', 'timing']),
    );
    const cgtnMatched = b.matches.map((m) => cgtn.body.slice(m.start, m.end));
    expect(cgtnMatched).toContain('early next week'); // one highlight, not also "next week"
    expect(cgtnMatched).not.toContain('next week');
  });

  it('reports words, share and position consistently with the sentences', () => {
    const coverage = applyLens(lens('Next round timing'), tehranTimes.sentences, tehranTimes.body);
    const words = coverage.sentences.reduce(
      (sum, id) =>
        sum +
        (tehranTimes.sentences[id]!.text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ??
          0),
      0,
    );
    expect(coverage.words).toBe(words);
    expect(coverage.share).toBeGreaterThan(0);
    expect(coverage.share).toBeLessThanOrEqual(1);
    const first = tehranTimes.sentences[coverage.sentences[0]!]!;
    expect(coverage.firstPosition).toBeCloseTo(first.start / tehranTimes.body.length);
    for (const match of coverage.matches) {
      const sentence = tehranTimes.sentences[match.sentence]!;
      expect(match.start).toBeGreaterThanOrEqual(sentence.start);
      expect(match.end).toBeLessThanOrEqual(sentence.end);
    }
  });
});

describe('term matching', () => {
  const find = (terms: string[], body: string) =>
    applyLens({ name: 'test', terms }, segmentSentences(body), body).matches.map((m) =>
      body.slice(m.start, m.end),
    );

  it('matches whole words only, in any case', () => {
    expect(find(['fleet'], 'The FLEET sailed. Fleets too. The fleetest ship.')).toEqual([
      'FLEET',
      'Fleets',
    ]);
    expect(find(['oil'], 'Toil and soil, then oil.')).toEqual(['oil']);
  });

  it('matches multi-word terms across any whitespace or a hyphen', () => {
    expect(
      find(['shadow fleet'], 'A shadow\n  fleet. A shadow-fleet tanker. A shadow, fleet.'),
    ).toEqual(['shadow\n  fleet', 'shadow-fleet']);
  });

  it('matches regular inflections both ways, lightly', () => {
    expect(find(['sanction'], 'Sanctions bite. They sanctioned it. Sanctioning works.')).toEqual([
      'Sanctions',
      'sanctioned',
      'Sanctioning',
    ]);
    expect(find(['sanctions'], 'A new sanction.')).toEqual(['sanction']);
    expect(find(['continue'], 'Talks continued; talks are continuing.')).toEqual([
      'continued',
      'continuing',
    ]);
    expect(find(['continued'], 'Talks continue.')).toEqual(['continue']);
    expect(find(['entities'], 'One entity.')).toEqual(['entity']);
    expect(find(['timing'], 'For the first time, timing matters.')).toEqual(['timing']);
    expect(find(['news'], 'A new day.')).toEqual([]);
  });

  it('ignores diacritics and possessives', () => {
    expect(find(['Al Busaidi'], 'Al Búsaidi spoke. Al Busaidi’s post.')).toEqual([
      'Al Búsaidi',
      'Al Busaidi’s',
    ]);
    expect(foldWord('Éntités')).toBe('entites');
    expect(inflections('stop')).toContain('stopped');
  });

  it('treats an empty body as absent with no position', () => {
    expect(applyLens({ name: 'x', terms: ['oil'] }, [], '')).toEqual({
      lens: 'x',
      sentences: [],
      matches: [],
      words: 0,
      share: 0,
      firstPosition: null,
      absent: true,
    });
  });
});
