// Words split across a line, column or page break: "offi-" / "cials". A break
// at a real hyphen ("long-" / "standing") must keep it. The text itself is the
// best dictionary: if it spells the word elsewhere, follow it.
//
// The text's spellings are indexed once per document, so each break is a set
// lookup: scanning the document once per break made 5,000 breaks take 29 s.

/** First parts that often form real compounds ("three-day", "long-standing"). */
const COMPOUND_FIRSTS = new Set(
  (
    'all anti co counter cross ever far full half hard high long low multi near non one two three four five six ' +
    'seven eight nine ten twelve first second third self short so state well world year decade month week day ' +
    'pro post pre-war top wide middle open close record part'
  ).split(' '),
);
/** Second parts that often complete them. */
const COMPOUND_SECONDS = new Set(
  (
    'standing term known based being old day days year years week weeks month months run level time called led ' +
    'backed owned made scale wide range party way style free related like minded hour hours round member ' +
    'nation nations state states war time long term fire'
  ).split(' '),
);

export interface HyphenBreak {
  /** The letters before the hyphen, e.g. "offi". */
  first: string;
  /** The word the next piece starts with, e.g. "cials". */
  second: string;
}

/** The spellings a document uses, lower-cased, for `keepsHyphen`. */
export type SpellingIndex = ReadonlySet<string>;

/** Longer than this, a run of letters before a line-end hyphen is no word cut in two. */
export const MAX_WORD_FRAGMENT = 64;

/**
 * Each word of `documentText` and each hyphenated pair a run starts with
 * ("long-standing" in "long-standing-issue"), lower-cased, with apostrophes
 * around them dropped ("officials’" counts as "officials"): exactly what
 * `keepsHyphen` asks about. One linear pass.
 */
export function indexSpellings(documentText: string): SpellingIndex {
  const spellings = new Set<string>();
  // Unambiguous, so linear: each part after a hyphen starts a new letter run.
  for (const [run] of documentText.matchAll(/[\p{L}\p{N}'’]+(?:-[\p{L}\p{N}'’]+)*/gu)) {
    const [first = '', second] = run.toLowerCase().split('-', 2).map(withoutApostrophes);
    spellings.add(first);
    if (second !== undefined) spellings.add(`${first}-${second}`);
  }
  return spellings;
}

const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;

/** `word` without apostrophes at either end, trimmed by index (a regex would backtrack over a long run). */
function withoutApostrophes(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && isApostrophe(word.charCodeAt(start))) start++;
  while (end > start && isApostrophe(word.charCodeAt(end - 1))) end--;
  return word.slice(start, end);
}

/** Whether to keep the hyphen when joining `first-` and `second` across a break. */
export function keepsHyphen({ first, second }: HyphenBreak, spellings: SpellingIndex): boolean {
  const written = (word: string) => spellings.has(word.toLowerCase());
  if (written(`${first}-${second}`)) return true;
  if (written(`${first}${second}`)) return false;
  if (/\d$/.test(first) || /^\p{Lu}/u.test(second)) return true; // "20-year", "Iran-US"
  return COMPOUND_FIRSTS.has(first.toLowerCase()) && COMPOUND_SECONDS.has(second.toLowerCase());
}

const isWordChar = (char: string): boolean => /^[\p{L}\p{N}'’]$/u.test(char);
const isLetterOrDigit = (char: string): boolean => /^[\p{L}\p{N}]$/u.test(char);
const isLetterDigitOrHyphen = (char: string): boolean => /^[\p{L}\p{N}-]$/u.test(char);

/**
 * The word fragment before a line-end break hyphen ("…said offi-" → "offi"),
 * or null. It starts at the first letter or digit of the word run that follows
 * the line's start or a character other than a letter, digit or hyphen. Found
 * by scanning back at most MAX_WORD_FRAGMENT characters from the hyphen: an
 * unanchored /…-$/ pattern retries from every letter of a long word.
 */
export function trailingHyphenFragment(line: string): string | null {
  if (!line.endsWith('-')) return null;
  const run: string[] = [];
  let at = line.length - 1;
  for (
    let char = charBefore(line, at);
    char !== '' && isWordChar(char);
    char = charBefore(line, at)
  ) {
    if (run.length === MAX_WORD_FRAGMENT) return null;
    run.push(char);
    at -= char.length;
  }
  run.reverse();
  const beforeRun = charBefore(line, at);
  for (let i = 0; i < run.length; i++) {
    const before = i === 0 ? beforeRun : run[i - 1]!;
    if (isLetterOrDigit(run[i]!) && (before === '' || !isLetterDigitOrHyphen(before)))
      return run.slice(i).join('');
  }
  return null;
}

/** The whole character (a surrogate pair counts as one) ending at `end`, or '' at the start. */
function charBefore(text: string, end: number): string {
  if (end <= 0) return '';
  const low = text.charCodeAt(end - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return isLowSurrogate && end >= 2 ? text.slice(end - 2, end) : text.slice(end - 1, end);
}

export const leadingWord = (line: string): string => line.match(/^[\p{L}\p{N}'’]+/u)?.[0] ?? '';
