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
    const lower = run.toLowerCase();
    const hyphen = lower.indexOf('-');
    if (hyphen === -1) {
      spellings.add(withoutApostrophes(lower));
      continue;
    }
    const first = withoutApostrophes(lower.slice(0, hyphen));
    const next = lower.indexOf('-', hyphen + 1);
    const second = withoutApostrophes(lower.slice(hyphen + 1, next === -1 ? undefined : next));
    spellings.add(first);
    spellings.add(`${first}-${second}`);
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
  const [a, b] = [first.toLowerCase(), second.toLowerCase()];
  if (spellings.has(`${a}-${b}`)) return true;
  if (spellings.has(a + b)) return false;
  const last = first.charCodeAt(first.length - 1);
  if ((last >= 0x30 && last <= 0x39) || second[0] !== b[0]) return true; // "20-year", "Iran-US"
  return COMPOUND_FIRSTS.has(a) && COMPOUND_SECONDS.has(b);
}

/** ASCII letters and digits by code, the rest by Unicode class: this runs for every character scanned. */
function isLetterOrDigit(code: number): boolean {
  if (code < 0x80)
    return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return /^[\p{L}\p{N}]$/u.test(String.fromCodePoint(code));
}
const HYPHEN = 0x2d;

/** Whether the UTF-16 unit at `index` is the second half of a surrogate pair. */
const isLowSurrogate = (text: string, index: number): boolean => {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff && index > 0;
};

/**
 * The word fragment before a line-end break hyphen ("…said offi-" → "offi"),
 * or null. It starts at the first letter or digit of the word run (letters,
 * digits, apostrophes) that follows the line's start or a character other than
 * a letter, digit or hyphen. Found by scanning back at most MAX_WORD_FRAGMENT
 * characters from the hyphen, without allocating: an unanchored /…-$/ pattern
 * retried from every apostrophe of a long run.
 */
export function trailingHyphenFragment(line: string): string | null {
  const end = line.length - 1;
  if (line.charCodeAt(end) !== HYPHEN) return null;
  let start = end;
  for (let count = 0; start > 0; count++) {
    const at = isLowSurrogate(line, start - 1) ? start - 2 : start - 1;
    const code = line.codePointAt(at)!;
    if (!isApostrophe(code) && !isLetterOrDigit(code)) break;
    if (count === MAX_WORD_FRAGMENT) return null;
    start = at;
  }
  const beforeAt = start > 0 ? (isLowSurrogate(line, start - 1) ? start - 2 : start - 1) : -1;
  const before = beforeAt === -1 ? null : line.codePointAt(beforeAt)!;
  let previousIsSeparator = before === null || (before !== HYPHEN && !isLetterOrDigit(before));
  for (let at = start; at < end;) {
    const code = line.codePointAt(at)!;
    if (previousIsSeparator && isLetterOrDigit(code)) return line.slice(at, end);
    // Inside the run only an apostrophe separates.
    previousIsSeparator = isApostrophe(code);
    at += code > 0xffff ? 2 : 1;
  }
  return null;
}

/** The word a line starts with (letters, digits, apostrophes), or ''. */
export function leadingWord(line: string): string {
  let end = 0;
  while (end < line.length) {
    const code = line.codePointAt(end)!;
    if (!isApostrophe(code) && !isLetterOrDigit(code)) break;
    end += code > 0xffff ? 2 : 1;
  }
  return line.slice(0, end);
}
