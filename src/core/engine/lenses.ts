// Lenses: named topics given as lists of terms. For one outlet's text, a lens
// says which sentences touch the topic, how much of the text that is, how early
// it comes (prominence), and whether the outlet leaves the topic out entirely.

import type { Sentence } from './types';
import { countWords } from './wordDiff';

export interface Lens {
  name: string;
  terms: string[];
}

export interface LensMatch {
  /** Id of the sentence the term was found in. */
  sentence: number;
  /** The lens term (as written in the lens) that matched. */
  term: string;
  /** Offsets in the body. */
  start: number;
  end: number;
}

export interface LensCoverage {
  lens: string;
  /** Ids of sentences mentioning a term, ascending. */
  sentences: number[];
  /** In body order; where terms overlap, only the longest match is kept. */
  matches: LensMatch[];
  /** Words in those sentences. */
  words: number;
  /** `words` over all words of the sentences, 0–1. */
  share: number;
  /** 0–1: where the first matching sentence starts, as a share of the body (prominence). */
  firstPosition: number | null;
  absent: boolean;
}

export interface LensText {
  sentences: Sentence[];
  body: string;
}

/** Which sentences of `body` mention any of the lens's terms, and how prominently. */
export function applyLens(lens: Lens, sentences: Sentence[], body: string): LensCoverage {
  const terms = lens.terms.map(compileTerm).filter((term) => term.words.length > 0);
  const matches = sentences.flatMap((sentence) => longestMatches(findTerms(terms, sentence)));
  const matched = sentences.filter((s) => matches.some((m) => m.sentence === s.id));
  const words = sum(matched.map((s) => countWords(s.text)));
  const allWords = sum(sentences.map((s) => countWords(s.text)));
  const firstStart = matched.length > 0 ? Math.min(...matched.map((s) => s.start)) : null;
  return {
    lens: lens.name,
    sentences: matched.map((s) => s.id).sort((x, y) => x - y),
    matches: matches.sort((x, y) => x.start - y.start),
    words,
    share: allWords === 0 ? 0 : words / allWords,
    firstPosition: firstStart === null || body.length === 0 ? null : firstStart / body.length,
    absent: matched.length === 0,
  };
}

/** One lens over two outlets' texts, side by side. */
export function compareLens(
  lens: Lens,
  a: LensText,
  b: LensText,
): { a: LensCoverage; b: LensCoverage } {
  return { a: applyLens(lens, a.sentences, a.body), b: applyLens(lens, b.sentences, b.body) };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// ---- Words ------------------------------------------------------------------

interface Token {
  /** Folded form: lower case, no diacritics, one apostrophe, no possessive 's. */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

function tokenize(text: string, offset = 0): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    key: foldWord(match[0]),
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
}

/** Case- and diacritics-insensitive form of a word ("Búsaidi's" → "busaidi"). */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '');
}

// ---- Terms --------------------------------------------------------------------

interface CompiledTerm {
  term: string;
  /** Accepted folded forms of each word of the term, in order. */
  words: Set<string>[];
  /** What separates consecutive words of the term, whitespace removed ('' for a space). */
  gaps: string[];
}

function compileTerm(term: string): CompiledTerm {
  const tokens = tokenize(term);
  const gaps = tokens.slice(1).map((token, i) => squeeze(term.slice(tokens[i]!.end, token.start)));
  return { term, words: tokens.map((token) => inflections(token.key)), gaps };
}

function squeeze(gap: string): string {
  return gap.replace(/\s+/g, '');
}

/**
 * Text between two body words may stand for the term's gap: any whitespace for
 * a space (line breaks included), or a hyphen ("shadow-fleet" for "shadow
 * fleet"); punctuation written in the term must be there.
 */
function gapMatches(termGap: string, bodyGap: string): boolean {
  const squeezed = squeeze(bodyGap);
  if (termGap === '') return bodyGap.length > 0 && /^[-‐‑]?$/.test(squeezed);
  return squeezed === termGap;
}

/** Every match of every term in one sentence, with body offsets. */
function findTerms(terms: CompiledTerm[], sentence: Sentence): LensMatch[] {
  const tokens = tokenize(sentence.text, sentence.start);
  const gapAt = (i: number) =>
    sentence.text.slice(tokens[i]!.end - sentence.start, tokens[i + 1]!.start - sentence.start);
  const matches: LensMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const term of terms) {
      const last = i + term.words.length - 1;
      if (last >= tokens.length) continue;
      const fits = term.words.every(
        (forms, k) =>
          forms.has(tokens[i + k]!.key) &&
          (k === 0 || gapMatches(term.gaps[k - 1]!, gapAt(i + k - 1))),
      );
      if (fits) {
        matches.push({
          sentence: sentence.id,
          term: term.term,
          start: tokens[i]!.start,
          end: tokens[last]!.end,
        });
      }
    }
  }
  return matches;
}

/**
 * Drops matches overlapping a longer (or earlier) one, so "early next week"
 * is one highlight, not also "next week", and "sanction"/"sanctions" one, not two.
 */
function longestMatches(matches: LensMatch[]): LensMatch[] {
  const ordered = [...matches].sort(
    (x, y) => x.start - y.start || y.end - y.start - (x.end - x.start),
  );
  const kept: LensMatch[] = [];
  for (const match of ordered) {
    const previous = kept.at(-1);
    if (previous && match.start < previous.end) continue;
    kept.push(match);
  }
  return kept;
}

// ---- Inflection ---------------------------------------------------------------

/**
 * The forms a term word accepts: its base(s) with regular English endings
 * (-s/-es/-ies, -ed/-d/-ied, -ing with e-dropping and consonant doubling).
 * Deliberately light, not a stemmer: a term given in the plural or past tense
 * is reduced to its base, but an -ing term is not ("timing" must not match
 * "time", nor "meeting" "meet") — such terms are usually nouns.
 */
export function inflections(word: string): Set<string> {
  const forms = new Set<string>();
  for (const base of [word, ...baseForms(word)]) {
    for (const form of regularForms(base)) forms.add(form);
  }
  return forms;
}

function baseForms(word: string): string[] {
  const bases: string[] = [];
  const keep = (stem: string, minLength = 3) => {
    if (stem.length >= minLength) bases.push(stem);
  };
  if (/ies$/.test(word)) keep(`${word.slice(0, -3)}y`);
  else if (/(?:s|x|z|ch|sh)es$/.test(word)) keep(word.slice(0, -2));
  else if (/[^su]s$/.test(word)) keep(word.slice(0, -1), 4); // "news" is not a plural of "new"
  if (/ied$/.test(word)) keep(`${word.slice(0, -3)}y`);
  else if (/ed$/.test(word)) {
    const stem = word.slice(0, -2);
    keep(stem); // "sanctioned" → "sanction"
    keep(`${stem}e`); // "continued" → "continue"
    if (/([b-df-hj-np-tv-z])\1$/.test(stem) && !/(?:ll|ss|zz)$/.test(stem)) keep(stem.slice(0, -1));
  }
  return bases;
}

function regularForms(base: string): string[] {
  const forms = [base, `${base}s`, `${base}es`, `${base}ed`, `${base}ing`];
  if (/[^aeiou]y$/.test(base)) {
    const stem = base.slice(0, -1);
    forms.push(`${stem}ies`, `${stem}ied`);
  }
  if (/[^e]e$/.test(base)) forms.push(`${base}d`, `${base.slice(0, -1)}ing`);
  // One short vowel before a final consonant doubles it: "stop" → "stopped".
  if (/(?:^|[^aeiou])[aeiou][b-df-hj-np-tv-z]$/.test(base) && !/[wxy]$/.test(base)) {
    const last = base.at(-1)!;
    forms.push(`${base}${last}ed`, `${base}${last}ing`);
  }
  return forms;
}
