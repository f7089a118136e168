// Small, hand-made lexical knowledge the aligner uses offline: words that carry
// no claim, names that stand for one another (metonyms, spellings), and words
// news English uses interchangeably. Kept short and general on purpose.

export const STOPWORDS = new Set(
  (
    'a an the and or but if then than that this these those there here of in on at to for from by with ' +
    'as into onto over under about after before during between among through without within upon ' +
    'is are was were be been being am do does did done has have had having will would shall should ' +
    'can could may might must it its it’s they them their theirs he him his she her we us our you your ' +
    'i me my who whom whose which what when where why how all any both each few more most other some such ' +
    'no nor not only own same so too very just also while whereas again further once s t ' +
    'said says say told tell added adding noted stating stated according reported reports report ' +
    'friday thursday saturday monday tuesday wednesday sunday'
  ).split(/\s+/),
);

/** Names that refer to the same actor in news text: capitals for their states, short forms, spellings. */
const ALIAS_GROUPS: string[][] = [
  [
    'united states',
    'us',
    'u s',
    'usa',
    'america',
    'american',
    'americans',
    'washington',
    'white house',
  ],
  ['iran', 'iranian', 'iranians', 'tehran', 'islamic republic'],
  ['oman', 'omani', 'muscat'],
  ['egypt', 'egyptian', 'cairo'],
  ['israel', 'israeli', 'israelis', 'tel aviv'],
  ['china', 'chinese', 'beijing'],
  ['russia', 'russian', 'moscow', 'kremlin'],
  ['saudi arabia', 'saudi', 'riyadh'],
  ['qatar', 'qatari', 'doha'],
  ['iraq', 'iraqi', 'baghdad'],
  ['azerbaijan', 'azerbaijani', 'baku'],
  ['united nations', 'un', 'u n'],
  ['germany', 'german', 'berlin'],
  ['united kingdom', 'uk', 'u k', 'britain', 'british', 'london'],
  ['france', 'french', 'paris'],
  ['turkey', 'turkish', 'ankara', 'turkiye'],
];

/** Words that say the same thing in news English (after stemming). */
const SYNONYM_GROUPS: string[][] = [
  ['talk', 'negoti', 'dialogu', 'discuss', 'round'],
  ['distrust', 'mistrust'],
  ['prevail', 'pervad'],
  ['continu', 'resum', 'reconven', 'resumpt'],
  ['sanction', 'penalti'],
  ['threat', 'threaten'],
  ['strike', 'airstrik', 'attack', 'aggress'],
  ['first', 'initi'],
  ['start', 'begin', 'began', 'begun'],
  ['good', 'posit'],
  ['meet', 'met', 'meetingl'],
  ['minist', 'ministri'],
  ['deleg', 'team'],
  ['nuclear', 'atom'],
];

const aliasOf = new Map<string, string>();
for (const group of ALIAS_GROUPS)
  for (const name of group) aliasOf.set(name, `@${group[0]!.replace(/ /g, '_')}`);

const synonymOf = new Map<string, string>();
for (const group of SYNONYM_GROUPS) for (const stem of group) synonymOf.set(stem, group[0]!);

/** The canonical actor a (lower-case, space-separated) name stands for, or undefined. */
export const actorFor = (name: string): string | undefined => aliasOf.get(name);

/** Longest alias, in words, so "white house" is matched before "white". */
export const MAX_ALIAS_WORDS = Math.max(...ALIAS_GROUPS.flat().map((n) => n.split(' ').length));

export const synonymFor = (stem: string): string => synonymOf.get(stem) ?? stem;

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number words and their value: "seven" → 7, "thirty" → 30, "dozen" → 12. */
const NUMBER_WORDS = new Map<string, number>([
  ...UNITS.map((w, n) => [w, n] as const),
  ...TEENS.map((w, n) => [w, n + 10] as const),
  ...TENS.flatMap((w, n) => (w ? [[w, n * 10] as const] : [])),
  ['dozen', 12],
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** A number word or a compound of two ("thirty-seven", "thirty seven") as digits, or undefined. */
export function numberFor(
  word: string,
  next?: string,
): { value: string; words: number } | undefined {
  const first = NUMBER_WORDS.get(word);
  if (first === undefined) return undefined;
  const second = next === undefined ? undefined : NUMBER_WORDS.get(next);
  if (first >= 20 && first < 100 && second !== undefined && second > 0 && second < 10)
    return { value: String(first + second), words: 2 };
  return { value: String(first), words: 1 };
}

/** Digits as one canonical string: "2.50" → "2.5", "1,392" → "1392". */
export const canonicalNumber = (digits: string): string =>
  digits
    .replace(/,(?=\d{3}\b)/g, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');

/** Words for the same unit: "percent", "per cent" and "%"; scale abbreviations. */
export const UNIT_WORDS = new Map<string, string>([
  ['percent', '%'],
  ['pct', '%'],
  ['bn', 'billion'],
  ['tn', 'trillion'],
  ['mn', 'million'],
]);
