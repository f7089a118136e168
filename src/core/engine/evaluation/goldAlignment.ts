// Hand-labelled alignments of two articles (fixtures/alignment-gold, from BASIL),
// placed on Parallax's own sentences. A gold file names each sentence by a
// verbatim snippet; the snippet lands in whichever sentence the segmenter made
// around it, so the scores are about the sentences a reader sees.
import { segmentSentences } from '../sentences';
import type { Sentence } from '../types';

/** One gold file as written: `[snippetA, snippetB]` pairs and lists of snippets. */
export interface GoldFile {
  strong: [string, string][];
  weak: [string, string][];
  only_a: string[];
  only_b: string[];
}

export interface GoldPair {
  /** File name without `.json`, e.g. `1e41e98b_fox-nyt`. */
  name: string;
  /** The event the two articles report, e.g. `1e41e98b`: pairs of one triplet share texts. */
  triplet: string;
  aBody: string;
  bBody: string;
  a: Sentence[];
  b: Sentence[];
  /** Sentence pairs as `a-b` keys. */
  strong: Set<string>;
  weak: Set<string>;
  onlyA: Set<number>;
  onlyB: Set<number>;
  /** Sentences the gold says anything about; the rest (headlines, fragments) are not scored. */
  labelledA: Set<number>;
  labelledB: Set<number>;
}

export const pairKey = (a: number, b: number) => `${a}-${b}`;

/** The body of a gold `.txt` file: everything after the headline line and its blank line. */
export function goldBody(file: string): string {
  const text = file.replace(/\r\n/g, '\n');
  const cut = text.indexOf('\n\n');
  return (cut === -1 ? text : text.slice(cut + 2)).trim();
}

function sentenceOf(sentences: Sentence[], body: string, snippet: string, where: string): number {
  const at = body.indexOf(snippet);
  if (at === -1 || body.indexOf(snippet, at + 1) !== -1)
    throw new Error(`${where}: the snippet "${snippet}" does not occur exactly once`);
  const found = sentences.find((s) => at >= s.start && at < s.end);
  if (!found) throw new Error(`${where}: no sentence holds "${snippet}"`);
  return found.id;
}

/** A gold pair on Parallax's sentences. Strong wins where the segmenter merged a strong and a weak pair. */
export function readGoldPair(name: string, aFile: string, bFile: string, gold: GoldFile): GoldPair {
  const aBody = goldBody(aFile);
  const bBody = goldBody(bFile);
  const a = segmentSentences(aBody);
  const b = segmentSentences(bBody);
  const inA = (snippet: string) => sentenceOf(a, aBody, snippet, `${name} (A)`);
  const inB = (snippet: string) => sentenceOf(b, bBody, snippet, `${name} (B)`);
  const pair: GoldPair = {
    name,
    triplet: name.split('_')[0]!,
    aBody,
    bBody,
    a,
    b,
    strong: new Set(),
    weak: new Set(),
    onlyA: new Set(gold.only_a.map(inA)),
    onlyB: new Set(gold.only_b.map(inB)),
    labelledA: new Set(),
    labelledB: new Set(),
  };
  for (const [x, y] of gold.strong) pair.strong.add(pairKey(inA(x), inB(y)));
  for (const [x, y] of gold.weak) {
    const key = pairKey(inA(x), inB(y));
    if (!pair.strong.has(key)) pair.weak.add(key);
  }
  for (const key of [...pair.strong, ...pair.weak]) {
    const [x, y] = key.split('-').map(Number);
    pair.labelledA.add(x!);
    pair.labelledB.add(y!);
  }
  // A sentence both linked and listed as unmatched means the segmenter merged two gold sentences.
  for (const id of pair.onlyA) pair.labelledA.add(id);
  for (const id of pair.onlyB) pair.labelledB.add(id);
  return pair;
}

/**
 * A pair labelled in the older fixture format (fixtures/pairs, the seed gold):
 * sentences named by their opening words, `same` and `related` links, every
 * sentence labelled (what is not linked has no counterpart). Its own group.
 */
export function readPrefixGoldPair(
  name: string,
  aBody: string,
  bBody: string,
  gold: { same: [string, string][]; related: [string, string][] },
): GoldPair {
  const a = segmentSentences(aBody);
  const b = segmentSentences(bBody);
  const idOf = (list: Sentence[], prefix: string) => {
    const found = list.filter((s) => s.text.startsWith(prefix));
    if (found.length !== 1) throw new Error(`${name}: "${prefix}" names ${found.length} sentences`);
    return found[0]!.id;
  };
  const keys = (links: [string, string][]) =>
    new Set(links.map(([x, y]) => pairKey(idOf(a, x), idOf(b, y))));
  const strong = keys(gold.same);
  const weak = new Set([...keys(gold.related)].filter((k) => !strong.has(k)));
  const linked = [...strong, ...weak].map((k) => k.split('-').map(Number) as [number, number]);
  const linkedA = new Set(linked.map(([x]) => x));
  const linkedB = new Set(linked.map(([, y]) => y));
  return {
    name,
    triplet: name,
    aBody,
    bBody,
    a,
    b,
    strong,
    weak,
    onlyA: new Set(a.filter((s) => !linkedA.has(s.id)).map((s) => s.id)),
    onlyB: new Set(b.filter((s) => !linkedB.has(s.id)).map((s) => s.id)),
    labelledA: new Set(a.map((s) => s.id)),
    labelledB: new Set(b.map((s) => s.id)),
  };
}
