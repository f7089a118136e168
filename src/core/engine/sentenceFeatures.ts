// A sentence as the aligner sees it: weighted features (stems, actors, names in
// other spellings, numbers, word pairs, quoted words), each with the kind of
// thing it is and where the sentence first writes it, so a link can say why it
// was made and the reader can see those words highlighted.
import {
  actorFor,
  canonicalNumber,
  MAX_ALIAS_WORDS,
  numberFor,
  STOPWORDS,
  synonymFor,
  UNIT_WORDS,
} from './lexicon';
import { stem } from './stem';
import type { Span } from './types';

/** What a feature stands for; names and numbers alone do not make two sentences one claim. */
export type FeatureKind = 'name' | 'number' | 'word' | 'phrase' | 'quote';

export interface Feature {
  weight: number;
  kind: FeatureKind;
  /** Where the sentence first writes it (offsets into the sentence's text). */
  span: Span;
}

export type Features = Map<string, Feature>;

/** A word of a sentence: folded (lower case, no diacritics or abbreviation dots) with its offsets. */
export interface Token {
  word: string;
  capital: boolean;
  start: number;
  end: number;
}

// Initialisms ("U.S."), numbers (decimals whole), words with one apostrophe, "%".
const TOKEN = /(?:\p{L}\.){2,}|\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?|%/gu;

/** A token folded: lower case, no diacritics, no abbreviation dots, no possessive "'s". */
function fold(raw: string): string {
  // Most news words are plain ASCII: skip the Unicode decomposition for them.
  const plain = /^[ -~]*$/.test(raw) ? raw : raw.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .replace(/(\p{L})\./gu, '$1')
    .toLowerCase()
    .replace(/['’]s$/, '');
}

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    word: fold(m[0]),
    capital: /^\p{Lu}/u.test(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * A name's consonant skeleton, so transliterations meet ("Nasreen"/"Nasrin",
 * "Akter"/"Akhter", "Seong"/"Sung"): vowels after the first letter, "h" and
 * doubled letters dropped.
 */
function nameKey(word: string): string {
  return `$${word[0]}${word
    .slice(1)
    .replace(/[aeiouyh]/g, '')
    .replace(/(.)\1+/g, '$1')}`;
}

/** The spans of a sentence inside quotation marks. */
function quotedSpans(text: string): Span[] {
  return [...text.matchAll(/["“]([^"”]{3,})["”]/g)].map((m) => ({
    start: m.index + 1,
    end: m.index + 1 + m[1]!.length,
  }));
}

/** Plain content words by feature key ("determin" → "determined"): what word vectors are looked up by. */
export type SurfaceWords = Map<string, string>;

export function featuresOf(text: string, surface?: SurfaceWords): Features {
  const features: Features = new Map();
  const add = (key: string, kind: FeatureKind, span: Span, weight = 1) => {
    const known = features.get(key);
    if (known) known.weight += weight;
    else features.set(key, { weight, kind, span });
  };
  const list = tokenize(text);
  const content: { key: string; span: Span }[] = [];
  for (let i = 0; i < list.length; i++) {
    // Actors first, longest name first ("white house" before "white"); the name grows a word at a time.
    let matched = 0;
    let actor: string | undefined;
    let name = '';
    for (let n = 1; n <= Math.min(MAX_ALIAS_WORDS, list.length - i); n++) {
      name = n === 1 ? list[i]!.word : `${name} ${list[i + n - 1]!.word}`;
      const found = actorFor(name);
      if (found) [actor, matched] = [found, n];
    }
    if (actor) {
      const span = { start: list[i]!.start, end: list[i + matched - 1]!.end };
      add(actor, 'name', span);
      content.push({ key: actor, span });
    }
    if (matched) {
      i += matched - 1;
      continue;
    }
    const token = list[i]!;
    const { word, capital } = token;
    const next = list[i + 1];
    const span = { start: token.start, end: token.end };
    // A name written as one word or two ("Albusaidi" / "Al Busaidi") meets in its joined form.
    if (capital && next?.capital)
      add(`${word}${next.word}`, 'name', { start: token.start, end: next.end }, 0.5);
    const number = /^\d/.test(word)
      ? { value: canonicalNumber(word), words: 1 }
      : numberFor(word, next?.word);
    if (number) {
      const numberSpan = { start: token.start, end: list[i + number.words - 1]!.end };
      add(`#${number.value}`, 'number', numberSpan);
      content.push({ key: `#${number.value}`, span: numberSpan });
      i += number.words - 1;
      continue;
    }
    const perCent = word === 'per' && next?.word === 'cent';
    const unit = perCent ? '%' : (UNIT_WORDS.get(word) ?? word);
    if (unit !== word || word === '%') {
      const unitSpan = perCent ? { start: token.start, end: next.end } : span;
      add(unit, 'number', unitSpan);
      content.push({ key: unit, span: unitSpan });
      if (word === 'per') i++;
      continue;
    }
    if (STOPWORDS.has(word) || word.length < 2) continue;
    const key = synonymFor(stem(word));
    // Capitalized inside a sentence: a name, which also meets its other spellings.
    const isName = capital && i > 0;
    add(key, isName ? 'name' : 'word', span);
    if (isName) add(nameKey(word), 'name', span, 0.5);
    content.push({ key, span });
    if (surface && !capital && !surface.has(key)) surface.set(key, word);
  }
  // Adjacent content words: shared phrases weigh more than shared words.
  for (let i = 0; i + 1 < content.length; i++)
    add(
      `${content[i]!.key}~${content[i + 1]!.key}`,
      'phrase',
      { start: content[i]!.span.start, end: content[i + 1]!.span.end },
      0.5,
    );
  for (const quote of quotedSpans(text))
    for (const w of tokenize(text.slice(quote.start, quote.end)))
      if (!STOPWORDS.has(w.word))
        add(
          `"${synonymFor(stem(w.word))}`,
          'quote',
          {
            start: quote.start + w.start,
            end: quote.start + w.end,
          },
          0.5,
        );
  return features;
}
