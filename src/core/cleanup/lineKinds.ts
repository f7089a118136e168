// How a single line of article text reads on its own: furniture of the page
// (boilerplate, photo credits, captions, bylines) or content. The patterns are
// those of print pages and news sites; each is narrow on purpose, because a
// body sentence taken for furniture would be a silently dropped claim.

const CREDIT_AGENCIES = [
  'VCG',
  'IRNA',
  'Reuters',
  'AP',
  'AFP',
  'Xinhua',
  'EPA',
  'Getty Images',
  'CFP',
  'ISNA',
  'Tasnim',
  'Mehr',
  'Fars',
  'WANA',
  'Anadolu',
  'Bloomberg',
  'Handout',
].join('|');

const BULLET_CREDIT = /^[●•■▪◆]\s*\S.{0,40}$/u;
const AGENCY_ALONE = new RegExp(
  `^/?\\s*(?:${CREDIT_AGENCIES})(?:\\s*/\\s*(?:${CREDIT_AGENCIES}))*\\.?$`,
);
const LABELLED_CREDIT =
  /^(?:Photo|Photos|Photograph|Image|Picture|Credit|Source)\s*(?:by)?\s*[:/]\s*\S.{0,60}$/i;

const CAPTION_OPENING =
  /^(?:In (?:this|these) (?:photo|photos|picture|pictures|image|images|handout|file photo)|File photo|This (?:photo|picture|image)|Photo taken)\b/i;
const CAPTION_CREDIT_SUFFIX = new RegExp(`\\s/\\s?(?:${CREDIT_AGENCIES})\\.?$`);

const BOILERPLATE: RegExp[] = [
  /^choose your language$/i,
  /许可证\s*\d{6,}/u, // Chinese internet news licence number
  /\blicen[cs]e\s*(?:no\.?|number)?\s*[:#]?\s*\d{6,}\b/i,
  /\bhotline\b.{0,20}[\d-]{7,}/i,
  /^(?:cartoon|cartoonist|illustration|advertisement)$/i,
  /^(?:share|share this article|print|read more|related|related articles|most read|follow us.{0,40})$/i,
  /^(?:copyright|©).{0,80}$/i,
  /^all rights reserved\.?$/i,
];

/** Credits that name who drew a cartoon or took a photo: the name line before them goes too. */
const ROLE_LINE = /^(?:cartoonist|illustrator|photographer)$/i;

const BYLINE =
  /^(?:By\s+[\p{Lu}][\p{L}'’.-]*(?:\s+(?:and\s+)?[\p{Lu}][\p{L}'’.-]*){0,5}(?:,\s*[\p{L} ]{2,40})?|(?:[\p{Lu}][\p{L}]+\s){0,2}Desk|Staff (?:Writer|Reporter)s?|[\p{Lu}][\p{L} ]{2,30} (?:Bureau|Correspondent))$/u;

export const isBoilerplate = (line: string): boolean => BOILERPLATE.some((re) => re.test(line));
export const isRoleLine = (line: string): boolean => ROLE_LINE.test(line);
export const isCredit = (line: string): boolean =>
  line.length <= 60 &&
  (BULLET_CREDIT.test(line) || AGENCY_ALONE.test(line) || LABELLED_CREDIT.test(line));
export const isByline = (line: string): boolean => line.length <= 80 && BYLINE.test(line);

/** A caption by its own words; captions marked only by a following credit are found in context. */
export const isCaptionByItself = (line: string): boolean =>
  CAPTION_OPENING.test(line) || CAPTION_CREDIT_SUFFIX.test(line);

/** Photo captions name who is where: "Abbas Araghchi (C) speaks…". */
export const hasPositionMarker = (line: string): boolean =>
  /\((?:L|R|C|left|right|centre|center|front|back|[1-9](?:st|nd|rd|th) [LR])\)/i.test(line);

const CLOSING = new Set(['"', "'", '”', '’', ')', ']']);
const TERMINAL_MARKS = new Set(['.', '!', '?', '…', ':', ';', ',']);

/**
 * Ends like a finished sentence (or clause), not cut mid-way: a terminal mark,
 * perhaps inside closing quotes or brackets. Read back from the end, since the
 * cleanup asks this of long paragraphs as they grow.
 */
export function endsSentence(line: string): boolean {
  let end = line.length;
  while (end > 0 && CLOSING.has(line[end - 1]!)) end--;
  return end > 0 && TERMINAL_MARKS.has(line[end - 1]!);
}

/** Starts like the rest of a cut sentence: lower-case, a digit, or punctuation that continues. */
export const continuesSentence = (line: string): boolean => /^[\p{Ll}\d,;)\]]/u.test(line);

/** Short, unpunctuated, capitalised: a headline, deck or subhead. */
export function isTitleLike(line: string): boolean {
  if (line.length > 140 || line.length < 3) return false;
  const words = line.split(/\s+/).length;
  if (words > 18) return false;
  if (!/^["'“‘]?[\p{Lu}\d]/u.test(line)) return false;
  // A quoted deck may end in its closing quote; what counts is the last letter before it.
  const unquoted = line.replace(/["'”’]+$/u, '');
  return !/[.!?,;:…]$/u.test(unquoted);
}

/** A person's name on its own line (a cartoonist's or photographer's credit). */
export const isNameLine = (line: string): boolean =>
  /^[\p{Lu}][\p{L}'’.-]+(?:\s[\p{Lu}][\p{L}'’.-]+){1,4}$/u.test(line);
