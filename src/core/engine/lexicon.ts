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

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  twenty: '20',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
};
export const numberFor = (word: string): string | undefined => NUMBER_WORDS[word];
