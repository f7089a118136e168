import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupText } from '../cleanup';
import { alignSentences } from './align';
import { segmentSentences } from './sentences';
import type { Sentence } from './types';
import { parseWordVectors } from './wordVectors';

/** Sentences made by hand, one per string, for focused cases. */
const sentences = (...texts: string[]): Sentence[] => {
  let offset = 0;
  return texts.map((text, id) => {
    const s = { id, text, start: offset, end: offset + text.length, paragraph: id };
    offset += text.length + 2;
    return s;
  });
};

const filler = sentences(
  'The weather in the capital was mild.',
  'Football fans gathered for the final.',
  'A new museum opened downtown.',
);
const withFiller = (...texts: string[]) => sentences(...texts, ...filler.map((s) => s.text));

describe('alignSentences, case by case', () => {
  it('links a paraphrase across outlets ("prevailing" / "pervading atmosphere of distrust")', () => {
    const a = withFiller(
      '"We must first overcome this prevailing atmosphere of distrust," Araghchi said.',
    );
    const b = withFiller(
      'Araghchi said they firstly have to overcome the pervading atmosphere of distrust.',
    );
    expect(alignSentences(a, b)).toContainEqual(
      expect.objectContaining({ a: 0, b: 0, kind: 'same' }),
    );
  });

  it('meets names spelled apart ("Albusaidi" / "Al Busaidi") and metonyms ("Cairo" / "Egypt")', () => {
    const a = withFiller(
      'Omani Foreign Minister Badr Albusaidi said the talks were useful.',
      'Cairo welcomes the diplomatic efforts.',
    );
    const b = withFiller(
      'Egypt welcomed the diplomatic efforts, its ministry said.',
      'Foreign Minister Badr Al Busaidi called the talks useful.',
    );
    const links = alignSentences(a, b).filter((l) => l.kind === 'same');
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ a: 0, b: 1 }),
        expect.objectContaining({ a: 1, b: 0 }),
      ]),
    );
  });

  it('counts shared numbers, written as digits or words', () => {
    const a = withFiller('Sanctions target fifteen entities and two individuals.');
    const b = withFiller('The measures hit 15 entities and 2 people linked to oil exports.');
    expect(alignSentences(a, b)).toContainEqual(expect.objectContaining({ a: 0, b: 0 }));
  });

  it('reads compound number words, decimals and "per cent" alike', () => {
    const a = withFiller('Thirty-seven bodies were recovered; the rate fell to 2.50 percent.');
    const b = withFiller('Officials counted 37 dead as the rate was cut to 2.5 per cent.');
    expect(alignSentences(a, b)).toContainEqual(
      expect.objectContaining({ a: 0, b: 0, kind: 'same' }),
    );
  });

  it('meets transliterated names ("Nasreen Akter" / "Nasrin Akhter")', () => {
    const a = withFiller('Later, minister Nasreen Akter went to the factory.');
    const b = withFiller(
      'Later, minister Rashida Begum went to the factory.',
      'Later, minister Nasrin Akhter went to the factory.',
    );
    const [best, second] = alignSentences(a, b)
      .filter((l) => l.a === 0)
      .sort((x, y) => y.score - x.score);
    expect(best).toMatchObject({ b: 1, kind: 'same' });
    expect(best!.score).toBeGreaterThan(second?.score ?? 0);
  });

  it('links nothing between unrelated texts', () => {
    const a = sentences(
      'Iran and the US held talks in Oman on Friday.',
      'Araghchi called them a good start.',
    );
    expect(alignSentences(a, filler)).toEqual([]);
  });

  it('links one sentence to two when one outlet splits a claim', () => {
    const a = withFiller('Trump said the talks were very good and will continue early next week.');
    const b = withFiller(
      'Trump said the talks were very good.',
      'He said talks will continue early next week.',
    );
    const same = alignSentences(a, b).filter((l) => l.kind === 'same' && l.a === 0);
    expect(same.map((l) => l.b).sort()).toEqual([0, 1]);
  });
});

const vectors = parseWordVectors(
  readFileSync(join(__dirname, '../../../resources/wordvectors/glove-100d.bin')),
);

describe('alignSentences: kinds, evidence and reasons', () => {
  it('never links two sentences that share only names (the Witkoff / Trump row of the sample)', () => {
    const body = (file: string) =>
      cleanupText(readFileSync(join(__dirname, '../../../resources/samples', file), 'utf8'), {
        mode: 'page',
      }).articles[0]!.paragraphs.join('\n\n');
    const a = segmentSentences(body('tehran-times-page.txt'));
    const b = segmentSentences(body('cgtn-article.txt'));
    const witkoff = a.find((s) => s.text.includes('Steve Witkoff led'))!;
    const trump = b.find((s) => s.text.includes('told reporters on Friday'))!;
    expect(witkoff && trump).toBeTruthy();
    expect(
      alignSentences(a, b, { vectors }).filter((l) => l.a === witkoff.id && l.b === trump.id),
    ).toEqual([]);
  });

  it('records its evidence with the words as each sentence writes them', () => {
    const a = withFiller('Omani Foreign Minister Badr Albusaidi said the talks were useful.');
    const b = withFiller('Foreign Minister Badr Al Busaidi called the talks useful.');
    const [link] = alignSentences(a, b, { vectors });
    expect(link).toBeDefined();
    for (const e of link!.evidence) {
      expect(a[0]!.text.slice(e.aSpan.start, e.aSpan.end)).toBe(e.a);
      expect(b[0]!.text.slice(e.bSpan.start, e.bSpan.end)).toBe(e.b);
    }
    expect(link!.evidence).toContainEqual(
      expect.objectContaining({ kind: 'name', a: 'Albusaidi', b: 'Al Busaidi' }),
    );
    expect(link!.evidence).toContainEqual(expect.objectContaining({ kind: 'word', a: 'useful' }));
  });

  it('names the differing slot of a contrast: the time', () => {
    const a = withFiller(
      'The next round of talks between the two delegations will be held in Geneva next month.',
    );
    const b = withFiller(
      'The next round of talks between the two delegations will be held in Geneva next week.',
    );
    const [link] = alignSentences(a, b, { vectors });
    expect(link).toMatchObject({
      kind: 'contrast',
      contrast: { slot: 'time', a: 'next month', b: 'next week' },
    });
  });

  it('asks about two different times ahead for one thing, even when little else is shared', () => {
    const a = withFiller(
      'He noted that the timing of the next round of talks will be determined in subsequent consultations.',
    );
    const b = withFiller('"We\'re going to meet again early next week."');
    const [link] = alignSentences(a, b, { vectors }).filter((l) => l.a === 0);
    expect(link).toMatchObject({
      kind: 'possible',
      contrast: { slot: 'time', a: 'subsequent consultations', b: 'early next week' },
    });
  });

  it('does not answer a time ahead with a past one ("early next week" / "on Friday")', () => {
    const a = withFiller('Trump said the talks with Iran would continue early next week.');
    const b = withFiller('Trump said the talks with Iran continued on Friday in Muscat.');
    for (const link of alignSentences(a, b, { vectors }).filter((l) => l.a === 0))
      expect(link.contrast?.slot).not.toBe('time');
  });

  it('names the differing slot of a contrast: who says it', () => {
    const a = withFiller(
      '"The talks were a very good start," Araghchi told state television after the meeting.',
    );
    const b = withFiller(
      '"The talks were a very good start," Trump told state television after the meeting.',
    );
    const speakers = {
      a: new Map([[0, [{ name: 'Abbas Araghchi', asWritten: 'Araghchi' }]]]),
      b: new Map([[0, [{ name: 'Donald Trump', asWritten: 'Trump' }]]]),
    };
    const [link] = alignSentences(a, b, { vectors, speakers });
    expect(link).toMatchObject({
      kind: 'contrast',
      contrast: { slot: 'speaker', a: 'Abbas Araghchi', b: 'Donald Trump' },
    });
  });

  it('does not call one person in two spellings two speakers', () => {
    const a = withFiller('Albusaidi said the talks were very useful in clarifying both positions.');
    const b = withFiller(
      'Al Busaidi said the talks were very useful in clarifying both positions.',
    );
    const speakers = {
      a: new Map([[0, [{ name: 'Badr Albusaidi', asWritten: 'Albusaidi' }]]]),
      b: new Map([[0, [{ name: 'Sayyid Badr bin Hamad Al Busaidi', asWritten: 'Al Busaidi' }]]]),
    };
    expect(alignSentences(a, b, { vectors, speakers }).filter((l) => l.a === 0)).toEqual([
      expect.objectContaining({ a: 0, b: 0, kind: 'same' }),
    ]);
  });

  it('gives every link a confidence that orders it with its score', () => {
    const a = withFiller('Trump said the talks were very good and will continue early next week.');
    const b = withFiller(
      'Trump said the talks were very good.',
      'He said talks will continue early next week.',
    );
    const links = alignSentences(a, b, { vectors });
    for (const link of links) expect(link.confidence).toBeGreaterThan(0);
    expect(links.every((l) => l.confidence <= 1)).toBe(true);
  });
});
