// Words split across a line, column or page break: "offi-" / "cials". A break
// at a real hyphen ("long-" / "standing") must keep it. The text itself is the
// best dictionary: if it spells the word elsewhere, follow it.

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

/** Whether to keep the hyphen when joining `first-` and `second` across a break. */
export function keepsHyphen({ first, second }: HyphenBreak, documentText: string): boolean {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const occurs = (word: string) =>
    new RegExp(`(?<![\\p{L}-])${escape(word)}(?![\\p{L}])`, 'iu').test(documentText);
  if (occurs(`${first}-${second}`)) return true;
  if (occurs(`${first}${second}`)) return false;
  if (/\d$/.test(first) || /^\p{Lu}/u.test(second)) return true; // "20-year", "Iran-US"
  return COMPOUND_FIRSTS.has(first.toLowerCase()) && COMPOUND_SECONDS.has(second.toLowerCase());
}

/** The trailing word fragment of a line that ends in a break hyphen, or null. */
export function trailingHyphenFragment(line: string): string | null {
  const match = line.match(/(?:^|[^\p{L}\p{N}-])([\p{L}\p{N}][\p{L}\p{N}'’]*)-$/u);
  return match?.[1] ?? null;
}

export const leadingWord = (line: string): string => line.match(/^[\p{L}\p{N}'’]+/u)?.[0] ?? '';
