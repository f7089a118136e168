// Sentence segmentation with exact offsets into the body text.
//
// Paragraphs (blocks separated by blank lines) are segmented one by one, so a
// sentence never spans paragraphs. Text that is mostly Latin script runs through
// our own rules, because `Intl.Segmenter` splits after every title ("Adm. | Brad
// Cooper") and splits or keeps initialisms only by the case of the next letter.
// Other scripts (Chinese 。, Arabic/Persian ؟, Devanagari ।…) go to
// `Intl.Segmenter`, whose Unicode rules (UAX #29) are right for them.
//
// How a Latin candidate boundary (a run of . ! ? … followed by closing quotes or
// brackets and then whitespace) is decided:
// - The next word starts in lower case → no split ("one that can... secure",
//   "the U.S. side", `"Why?" he asked`).
// - Ellipsis inside an open quotation → no split: in quotes it marks omitted words.
// - A title before the period (Mr., Dr., Adm., Gen., Sen., Sens., Rep., Reps., Gov., Lt., Col.,
//   Prof., …) or a single capital initial ("J.", "Donald J. Trump") → no split; the
//   next word is a name.
// - A month abbreviation or a number abbreviation (No., v., pp., art., …) followed
//   by a digit → no split ("Feb. 6", "No. 10").
// - Other abbreviations and initialisms ("U.S.", "U.N.", "a.m.", "Inc.", "etc.",
//   "St.") can end a sentence. They split only when the next word is a common
//   sentence starter ("The", "But", "He", "Meanwhile", …) or opens a quotation, or
//   when the abbreviation ends the clause (a closing quote or bracket follows it).
//   Known misses: "…with the U.S. Iran said…" stays one sentence (a proper name
//   after an abbreviation is taken as part of the same sentence); "in the U.S. Many
//   …" splits only because "Many" is in the starter list.
// - After a closing quote, an attribution ("…?" Trump said. / "…!" asked Trump.)
//   stays with its quote.
// - Otherwise the next word starting with a capital, a digit, an opening quote or a
//   caseless letter → split.
// Other known misses: a missing space ("end.The") never splits; "Mt." / "St." before
// a starter word ("St. Andrews" is fine, "St. The" is not) follow the abbreviation
// rule; "No." as the word "no" ending a sentence splits only before a capital.

import type { Sentence } from './types';

export interface ParagraphSpan {
  start: number;
  end: number;
}

export interface SegmentOptions {
  /** BCP 47 locale for `Intl.Segmenter` on non-Latin text; 'und' if not given. */
  locale?: string;
}

/** Blank-line-separated blocks of `body`, trimmed, as offsets. */
export function splitParagraphOffsets(body: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  // A blank line: a newline, optional horizontal whitespace, a newline. U+2029 is a
  // paragraph separator by definition.
  const separator = /\n[^\S\n]*\n\s*|\u2029\s*/g;
  let from = 0;
  for (const match of body.matchAll(separator)) {
    pushTrimmed(body, from, match.index, spans);
    from = match.index + match[0].length;
  }
  pushTrimmed(body, from, body.length, spans);
  return spans;
}

/** Sentences of `body` in order, each with `body.slice(start, end) === text`. */
export function segmentSentences(body: string, options: SegmentOptions = {}): Sentence[] {
  const sentences: Sentence[] = [];
  splitParagraphOffsets(body).forEach((paragraph, index) => {
    const text = body.slice(paragraph.start, paragraph.end);
    const pieces = isMostlyLatin(text)
      ? latinSentenceSpans(text)
      : intlSentenceSpans(text, options.locale);
    for (const piece of pieces) {
      const spans: ParagraphSpan[] = [];
      pushTrimmed(body, paragraph.start + piece.start, paragraph.start + piece.end, spans);
      for (const span of spans) {
        sentences.push({
          id: sentences.length,
          text: body.slice(span.start, span.end),
          start: span.start,
          end: span.end,
          paragraph: index,
        });
      }
    }
  });
  return sentences;
}

/** Adds [start, end) of `text` without surrounding whitespace, if anything is left. */
function pushTrimmed(text: string, start: number, end: number, out: ParagraphSpan[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

/** Whether at least half of the letters are Latin script (accents included). */
export function isMostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return true;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return latin * 2 >= letters;
}

function intlSentenceSpans(text: string, locale = 'und'): ParagraphSpan[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  return [...segmenter.segment(text)].map((s) => ({
    start: s.index,
    end: s.index + s.segment.length,
  }));
}

// ---------------------------------------------------------------------------
// Latin rules

/** Titles are always followed by a name, so they never end a sentence. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'adm',
  'gen',
  'sen',
  'sens',
  'rep',
  'reps',
  'gov',
  'govs',
  'lt',
  'col',
  'sgt',
  'capt',
  'cpt',
  'maj',
  'cmdr',
  'cdr',
  'brig',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'cpl',
  'pvt',
  'fr',
  'messrs',
  'mme',
  'mlle',
  'sr',
  'sra',
  'srta',
  'vs',
  'v',
  'e.g',
  'i.e',
  'cf',
  'viz',
  'ca',
  'approx',
]);
const MONTHS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
/** Abbreviations that precede a number: "No. 10", "pp. 3", "art. 5". */
const NUMBER_ABBREVIATIONS = new Set([
  'no',
  'nos',
  'nr',
  'vol',
  'vols',
  'p',
  'pp',
  'art',
  'fig',
  'figs',
  'ch',
  'sec',
  'para',
  'op',
  'ed',
  'rev',
  'ref',
]);
/** Abbreviations that can also end a sentence ("…founded Apple Inc. The company…"). */
const CLAUSE_ABBREVIATIONS = new Set([
  'etc',
  'inc',
  'corp',
  'ltd',
  'co',
  'bros',
  'st',
  'ave',
  'blvd',
  'rd',
  'mt',
  'ft',
  'jr',
  'esq',
  'dept',
  'govt',
  'univ',
  'assn',
  'intl',
  'est',
  'al',
  'calif',
  'conn',
  'fla',
  'ariz',
  'tenn',
  'wis',
]);
/** Words that commonly open an English news sentence; after an ambiguous abbreviation they signal a new sentence. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'in',
  'on',
  'at',
  'as',
  'after',
  'before',
  'when',
  'while',
  'if',
  'although',
  'though',
  'meanwhile',
  'however',
  'also',
  'still',
  'earlier',
  'later',
  'last',
  'next',
  'many',
  'some',
  'most',
  'both',
  'such',
  'according',
  'other',
  'for',
  'since',
  'during',
  'despite',
  'with',
  'without',
  'now',
  'then',
  'yesterday',
  'today',
  'what',
  'who',
  'how',
  'why',
  'where',
  'no',
  'not',
  'one',
  'two',
  'each',
  'every',
  'separately',
  'moreover',
  'furthermore',
  'nevertheless',
  'instead',
  'officials',
]);
const ATTRIBUTION_AFTER_QUOTE =
  /^(?:[\p{Lu}][\p{L}\p{M}'’.-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|noted|explained|replied|insisted|stressed|warned|continued|declared|recalled)(?:\s+[\p{L}\p{N}'’-]+){0,3}\s*[.,;!?]|^(?:said|asked|added)\s/u;

const OPENING = `"'“‘«([{`;
const CLOSING = `"'”’»)]}`;
const TERMINALS = '.!?…。！？';

interface Boundary {
  /** Index just after the terminal run and its closing quotes/brackets. */
  end: number;
  /** The terminal run itself, e.g. ".", "?!", "...". */
  terminal: string;
  /** Index of the first character of the terminal run. */
  terminalStart: number;
  /** Whether a closing quote or bracket follows the terminal run. */
  closed: boolean;
  /** Index of the first non-space character after `end` (text.length if none). */
  next: number;
}

/** Sentence spans of one Latin-script paragraph, covering it without gaps. */
function latinSentenceSpans(text: string): ParagraphSpan[] {
  const quoteOpen = quoteStates(text);
  const spans: ParagraphSpan[] = [];
  let start = 0;
  for (const boundary of candidateBoundaries(text)) {
    if (boundary.next >= text.length) break;
    if (isSentenceEnd(text, boundary, quoteOpen[boundary.terminalStart] ?? false)) {
      spans.push({ start, end: boundary.end });
      start = boundary.end;
    }
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** Every terminal run followed (after closers) by whitespace or the end of the text. */
function* candidateBoundaries(text: string): Generator<Boundary> {
  let i = 0;
  while (i < text.length) {
    if (!TERMINALS.includes(text[i]!)) {
      i++;
      continue;
    }
    const terminalStart = i;
    while (i < text.length && TERMINALS.includes(text[i]!)) i++;
    const terminal = text.slice(terminalStart, i);
    while (i < text.length && CLOSING.includes(text[i]!)) i++;
    const end = i;
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    yield { end, terminal, terminalStart, closed: end > terminalStart + terminal.length, next };
  }
}

/**
 * For each index, whether it lies inside a double-quoted passage. Straight quotes
 * are read as opening after whitespace or at the start, closing otherwise.
 */
function quoteStates(text: string): boolean[] {
  const states = new Array<boolean>(text.length);
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '“' || c === '«') open = true;
    else if (c === '”' || c === '»') open = false;
    else if (c === '"') open = i === 0 || /[\s([{—–-]/.test(text[i - 1]!);
    states[i] = open;
  }
  return states;
}

function isSentenceEnd(text: string, b: Boundary, insideQuote: boolean): boolean {
  const word = nextWord(text, b.next);
  if (startsLowercase(word)) return false;
  const isEllipsis = b.terminal.includes('…') || b.terminal.includes('..');
  if (isEllipsis) return !insideQuote && startsSentence(word);
  if (b.closed && ATTRIBUTION_AFTER_QUOTE.test(text.slice(b.next))) return false;
  if (b.terminal !== '.' || b.closed) return startsSentence(word);
  return periodEndsSentence(tokenBefore(text, b.terminalStart), word);
}

/** The decision for a lone period followed by whitespace and a non-lowercase word. */
function periodEndsSentence(token: string, word: string): boolean {
  const key = token.toLowerCase();
  const nextIsNumber = /^\d/.test(word);
  if (TITLES.has(key)) return false;
  if (/^\p{Lu}$/u.test(token)) return isStarterOrQuote(word); // an initial: "J. R. R. Tolkien"
  if (MONTHS.has(key)) return nextIsNumber ? false : isStarterOrQuote(word);
  if (NUMBER_ABBREVIATIONS.has(key) && nextIsNumber) return false;
  const isInitialism = /^(?:\p{L}\.)+\p{L}$/u.test(token) || key === 'ph.d';
  if (isInitialism || CLAUSE_ABBREVIATIONS.has(key)) return isStarterOrQuote(word);
  return startsSentence(word);
}

/** The word-ish token just before index `end` ("U.S" before the final period of "U.S."). */
function tokenBefore(text: string, end: number): string {
  return /[\p{L}\p{M}\p{N}.]*$/u.exec(text.slice(Math.max(0, end - 40), end))?.[0] ?? '';
}

/** The next whitespace-delimited word starting at `from`. */
function nextWord(text: string, from: number): string {
  return /^\S*/.exec(text.slice(from, from + 60))?.[0] ?? '';
}

function stripOpening(word: string): string {
  let i = 0;
  while (i < word.length && OPENING.includes(word[i]!)) i++;
  return word.slice(i);
}

function startsLowercase(word: string): boolean {
  return /^\p{Ll}/u.test(stripOpening(word));
}

/** A capital, a digit, an opening quote, or a letter of a caseless script. */
function startsSentence(word: string): boolean {
  if (word.length > 0 && OPENING.includes(word[0]!)) return true;
  return /^(?:\p{Lu}|\p{Lt}|\p{N}|\p{Lo})/u.test(word);
}

function isStarterOrQuote(word: string): boolean {
  if (word.length > 0 && OPENING.includes(word[0]!) && !"'‘".includes(word[0]!)) return true;
  const bare = /^[\p{L}\p{M}'’]+/u.exec(word)?.[0] ?? '';
  return SENTENCE_STARTERS.has(bare.replace(/['’]s$/u, '').toLowerCase());
}
