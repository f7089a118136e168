import { readdirSync, readFileSync } from 'node:fs';
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

// Gold alignments: the seed pair (Tehran Times | CGTN) and hand-written pairs in
// fixtures/pairs (see its README). Thresholds were tuned on the `dev` pairs only;
// the `held-out` ones measure what the aligner does on text it was not tuned on.
interface GoldPair {
  name: string;
  role: 'dev' | 'held-out';
  a: Sentence[];
  b: Sentence[];
  same: Set<string>;
  related: Set<string>;
}

const fixtures = join(__dirname, 'fixtures');
const samples = join(__dirname, '../../../resources/samples');
const vectors = parseWordVectors(
  readFileSync(join(__dirname, '../../../resources/wordvectors/glove-100d.bin')),
);
const HELD_OUT = new Set(['trade-deal', 'election-count']);

function goldPair(name: string, aBody: string, bBody: string, goldFile: string): GoldPair {
  const a = segmentSentences(aBody);
  const b = segmentSentences(bBody);
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<
    'same' | 'related',
    [string, string][]
  >;
  const idOf = (list: Sentence[], prefix: string) => {
    const found = list.find((s) => s.text.startsWith(prefix));
    if (!found)
      throw new Error(
        `${name}: the gold names a sentence the segmenter did not produce: ${prefix}`,
      );
    return found.id;
  };
  const keys = (links: [string, string][]) =>
    new Set(links.map(([x, y]) => `${idOf(a, x)}-${idOf(b, y)}`));
  const role = HELD_OUT.has(name) ? 'held-out' : 'dev';
  return { name, role, a, b, same: keys(gold.same), related: keys(gold.related) };
}

const seedBody = (file: string) =>
  cleanupText(readFileSync(join(samples, file), 'utf8'), {
    mode: 'page',
  }).articles[0]!.paragraphs.join('\n\n');
const seed = goldPair(
  'seed',
  seedBody('tehran-times-page.txt'),
  seedBody('cgtn-article.txt'),
  join(fixtures, 'seed-alignment.gold.json'),
);
const pairsDir = join(fixtures, 'pairs');
const goldPairs: GoldPair[] = [
  seed,
  ...readdirSync(pairsDir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.replace('.gold.json', ''))
    .map((name) =>
      goldPair(
        name,
        readFileSync(join(pairsDir, `${name}.a.txt`), 'utf8'),
        readFileSync(join(pairsDir, `${name}.b.txt`), 'utf8'),
        join(pairsDir, `${name}.gold.json`),
      ),
    ),
];

function scoreSame(pairs: GoldPair[]) {
  let truePositives = 0;
  let predicted = 0;
  let gold = 0;
  for (const pair of pairs) {
    const same = alignSentences(pair.a, pair.b, { vectors })
      .filter((l) => l.kind === 'same')
      .map((l) => `${l.a}-${l.b}`);
    truePositives += same.filter((key) => pair.same.has(key)).length;
    predicted += same.length;
    gold += pair.same.size;
  }
  return {
    precision: truePositives / predicted,
    recall: truePositives / gold,
    truePositives,
    predicted,
    gold,
  };
}

describe('alignSentences against hand-made gold alignments', () => {
  it('finds `same` links with measured precision and recall, per pair and on held-out pairs', () => {
    const line = (label: string, pairs: GoldPair[]) => {
      const r = scoreSame(pairs);
      console.log(
        `[alignment] ${label.padEnd(24)} same links: precision ${r.precision.toFixed(2)} (${r.truePositives}/${r.predicted}), ` +
          `recall ${r.recall.toFixed(2)} (${r.truePositives}/${r.gold})`,
      );
      return r;
    };
    for (const pair of goldPairs) line(`${pair.name} (${pair.role})`, [pair]);
    const dev = line(
      'all dev pairs',
      goldPairs.filter((p) => p.role === 'dev'),
    );
    const heldOut = line(
      'all held-out pairs',
      goldPairs.filter((p) => p.role === 'held-out'),
    );
    // Floors a little under today's numbers, so a regression fails; the numbers are in the README.
    expect(dev.precision).toBeGreaterThanOrEqual(0.65);
    expect(dev.recall).toBeGreaterThanOrEqual(0.65);
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.45);
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.5);
  });

  it('word vectors raise recall on the dev pairs without costing precision', () => {
    const dev = goldPairs.filter((p) => p.role === 'dev');
    const lexicalOnly = (() => {
      let tp = 0;
      let predicted = 0;
      for (const pair of dev) {
        const same = alignSentences(pair.a, pair.b).filter((l) => l.kind === 'same');
        tp += same.filter((l) => pair.same.has(`${l.a}-${l.b}`)).length;
        predicted += same.length;
      }
      return { tp, predicted };
    })();
    const withVectors = scoreSame(dev);
    expect(withVectors.truePositives).toBeGreaterThan(lexicalOnly.tp);
    expect(withVectors.precision).toBeGreaterThanOrEqual(
      lexicalOnly.tp / lexicalOnly.predicted - 0.02,
    );
  });

  it('relates Tehran Times\' timing of the next round to Trump\'s "will continue early next week"', () => {
    const timing = seed.a.find((s) => s.text.includes('timing and way of the next round'))!;
    const trump = seed.b.filter((s) => /early next week/.test(s.text)).map((s) => s.id);
    const related = alignSentences(seed.a, seed.b, { vectors }).filter(
      (l) => l.a === timing.id && l.kind === 'related',
    );
    expect(trump).toHaveLength(2); // the reported sentence and the direct quote
    expect(related.map((l) => l.b)).toEqual(expect.arrayContaining(trump));
  });

  it('leaves the sanctions sentences of CGTN unlinked: an omission in Tehran Times', () => {
    const sanctions = seed.b
      .filter((s) => /sanctions|maximum pressure/.test(s.text))
      .map((s) => s.id);
    const linked = new Set(
      alignSentences(seed.a, seed.b, { vectors })
        .filter((l) => l.kind === 'same')
        .map((l) => l.b),
    );
    expect(sanctions.length).toBeGreaterThan(1);
    expect(
      sanctions.filter(
        (id) => linked.has(id) && !seed.b[id]!.text.startsWith('Iran and the United States agreed'),
      ),
    ).toEqual([]);
  });
});
