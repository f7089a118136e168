// Texts for the engine benchmark. Everything is built from the seed pair's own
// sentences (cut, recombined and lightly edited with a seeded PRNG), so the
// vocabulary, names and sentence shapes are news-like and every run measures
// exactly the same input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupText } from '../src/core/cleanup';
import { segmentSentences } from '../src/core/engine/sentences';
import { countWords } from '../src/core/engine/wordDiff';
import { seededRandom, type Random } from '../src/core/seededRandom';

export { seededRandom, type Random };

const SAMPLES = join(__dirname, '../resources/samples');

export interface TextPair {
  a: string;
  b: string;
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** One seed article as the app would store it: cleaned, every article's paragraphs joined. */
export function loadSeedText(file: string): string {
  const result = cleanupText(readFileSync(join(SAMPLES, file), 'utf8'), { mode: 'page' });
  return result.articles.flatMap((article) => article.paragraphs).join('\n\n');
}

export function loadSeedPair(): TextPair {
  return { a: loadSeedText('tehran-times-page.txt'), b: loadSeedText('cgtn-article.txt') };
}

/**
 * Makes news-like sentences out of the seed pair's. A pool of ~100 seed
 * sentences would repeat verbatim in a 20k-word text, which no real article
 * does and which would flatter (or punish) the aligner, so each new sentence
 * splices the head of one seed sentence onto the tail of another.
 */
export class SentenceMill {
  private readonly pool: string[][];
  private readonly vocabulary: string[];

  constructor(
    seed: TextPair,
    private readonly random: Random,
  ) {
    const texts = [seed.a, seed.b].flatMap((body) => segmentSentences(body).map((s) => s.text));
    // Very short pieces are datelines and captions, not sentences.
    this.pool = texts.map((text) => text.split(/\s+/)).filter((words) => words.length >= 6);
    this.vocabulary = this.pool.flat().filter((word) => /^[a-z]{4,}$/.test(word));
  }

  /** A new sentence: the head of one seed sentence, the tail of another, lightly edited. */
  sentence(): string {
    const head = pick(this.random, this.pool);
    const tail = pick(this.random, this.pool);
    const cutHead = 2 + Math.floor(this.random() * (head.length - 3));
    const cutTail = 1 + Math.floor(this.random() * (tail.length - 2));
    const words = [...head.slice(0, cutHead), ...tail.slice(cutTail)];
    return this.edit(words.join(' '));
  }

  /**
   * The same sentence as another outlet (or a later edit) might write it: one
   * to three word drops, swaps, replacements or insertions.
   */
  edit(sentence: string): string {
    const words = sentence.split(' ');
    const edits = 1 + Math.floor(this.random() * 3);
    for (let n = 0; n < edits && words.length > 3; n++) {
      // Never touch the last word: it carries the sentence's full stop.
      const at = Math.floor(this.random() * (words.length - 1));
      const roll = this.random();
      if (roll < 0.25) words.splice(at, 1);
      else if (roll < 0.5) [words[at], words[at + 1]] = [words[at + 1]!, words[at]!];
      else if (roll < 0.75) words[at] = pick(this.random, this.vocabulary);
      else words.splice(at, 0, pick(this.random, this.vocabulary));
    }
    return capitalise(words.join(' '));
  }

  /** Sentences until `words` words are reached. */
  sentences(words: number): string[] {
    const out: string[] = [];
    let total = 0;
    while (total < words) {
      const sentence = this.sentence();
      out.push(sentence);
      total += countWords(sentence);
    }
    return out;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Groups sentences into paragraphs of one to four sentences, as news sites do. */
export function toParagraphs(random: Random, sentences: readonly string[]): string[] {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const size = 1 + Math.floor(random() * 4);
    paragraphs.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  return paragraphs;
}

/**
 * Two outlets' texts of about `words` words each. B retells about half of A's
 * sentences (each edited) in its own order and fills the rest with its own,
 * so the aligner has real work: links to find and omissions to leave alone.
 */
export function outletPair(seed: TextPair, words: number, seedNumber: number): TextPair {
  const random = seededRandom(seedNumber);
  const mill = new SentenceMill(seed, random);
  const aSentences = mill.sentences(words);
  const shared = aSentences.filter(() => random() < 0.5).map((s) => mill.edit(s));
  const sharedWords = shared.reduce((total, s) => total + countWords(s), 0);
  const bSentences = shuffle(random, [...shared, ...mill.sentences(words - sharedWords)]);
  return {
    a: toParagraphs(random, aSentences).join('\n\n'),
    b: toParagraphs(random, bSentences).join('\n\n'),
  };
}

/**
 * An article of about `words` words and a later version of it: ~5% of
 * paragraphs edited, ~2% removed, ~2% added, and one moved far from its place —
 * the kinds of change NewsDiffs records between two captures.
 */
export function articleVersions(seed: TextPair, words: number, seedNumber: number): TextPair {
  const random = seededRandom(seedNumber);
  const mill = new SentenceMill(seed, random);
  const old = toParagraphs(random, mill.sentences(words));
  const next = [...old];
  const few = (share: number) => Math.max(1, Math.round(old.length * share));
  for (let n = 0; n < few(0.05); n++) {
    const at = Math.floor(random() * next.length);
    next[at] = editOneSentence(mill, random, next[at]!);
  }
  for (let n = 0; n < few(0.02); n++) next.splice(Math.floor(random() * next.length), 1);
  for (let n = 0; n < few(0.02); n++) {
    const added = toParagraphs(random, mill.sentences(40)).join(' ');
    next.splice(Math.floor(random() * next.length), 0, added);
  }
  // The move: a paragraph from the first quarter to the last, as a late rewrite would.
  const [moved] = next.splice(Math.floor((random() * next.length) / 4), 1);
  next.splice(next.length - Math.floor((random() * next.length) / 4), 0, moved!);
  return { a: old.join('\n\n'), b: next.join('\n\n') };
}

function editOneSentence(mill: SentenceMill, random: Random, paragraph: string): string {
  // Sentences end at ". " in the mill's output; good enough for picking one to edit.
  const sentences = paragraph.split(/(?<=\.) /);
  const at = Math.floor(random() * sentences.length);
  sentences[at] = mill.edit(sentences[at]!);
  return sentences.join(' ');
}
