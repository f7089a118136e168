// Dates stated in article text ("February 6, 2026", "6 Feb 2026", "2026-02-06").

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

const PATTERNS: { re: RegExp; parts: (m: RegExpMatchArray) => [string, string, string] }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'),
    parts: (m) => [m[3]!, m[1]!, m[2]!],
  },
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'),
    parts: (m) => [m[3]!, m[2]!, m[1]!],
  },
];

function toIsoDate(year: string, month: string, day: string): string | null {
  const m = /^\d+$/.test(month)
    ? Number(month)
    : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  const d = Number(day);
  const y = Number(year);
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return null; // 31 February
  return date.toISOString().slice(0, 10);
}

/** The first full date the text states, as yyyy-mm-dd, or null. */
export function firstDateInText(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { re, parts } of PATTERNS) {
    const match = text.match(re);
    if (!match || match.index === undefined) continue;
    const iso = toIsoDate(...parts(match));
    if (iso && (best === null || match.index < best.index)) best = { index: match.index, iso };
  }
  return best?.iso ?? null;
}
