// Voices: who a text quotes, directly ("…," X said) or in reported speech
// (X said that …, according to X, …), and how many words each voice gets.
//
// The rules are English news conventions, kept deliberately general:
// - Direct quotes are passages in double quotes (straight or curly). A quotation
//   takes its speaker from an attribution in its own sentence, else from the
//   sentence where it closes ("…is. But … badly," Trump said), else — when the
//   sentence is nothing but a quote — from the previous direct quote in the same
//   or the previous paragraph (a quote continuing).
// - Reported speech is a sentence with an attribution verb (said, told, noted, …;
//   weak verbs like "announced" only before "that") or "according to X".
// - The speaker is the subject of the verb: the noun phrase just before it
//   (parentheticals ", a professor at …," skipped; ", quoting X," makes X the
//   speaker), or after it when inverted ("…," said X). Participles (", adding",
//   ", calling") take the subject of the main clause.
// - "he"/"she" resolve to the last person named as a speaker or introduced with a
//   role ("Saudi Foreign Minister …"), whichever came last.
// - A short name maps to the longest full name in the same text it ends with
//   ("Araghchi" → "Seyed Abbas Araghchi"), or begins with for surname-first names
//   ("Qin" → "Qin Tian"); roles and titles before a name are dropped.
// Known misses: descriptions ("the Iranian foreign minister", "his spokesman") are
// not resolved to a name and give speaker null; "she" and "he" are not told
// apart; "they" is not resolved; single quotes are not read as quotes; a country
// as a speaker ("Egypt said") is taken for a person when resolving "he"; quotes
// introduced by a colon without a verb ("He said: …" works, "His message: …"
// does not).

import type { Sentence } from './types';

export interface Quote {
  /** Sentence id. */
  sentence: number;
  kind: 'direct' | 'reported';
  /** The quoted words (direct) or the reported clause. */
  text: string;
  /** Canonical name as written in full, e.g. "Abbas Araghchi"; null if unknown. */
  speaker: string | null;
  /** As the text refers to the speaker here: "he", "Araghchi", "the U.S. Department of State". */
  speakerAsWritten: string;
  /** Words quoted (direct) or reported outside quotation marks (reported). */
  words: number;
}

export interface Voice {
  speaker: string;
  quotes: number;
  directWords: number;
  reportedWords: number;
  sentences: number[];
}

// ---------------------------------------------------------------------------
// Quotation spans

interface Quotation {
  id: number;
  /** Offsets of the quoted words, between the marks. */
  start: number;
  end: number;
}

/**
 * Double-quoted passages of `body`. Straight quotes open after whitespace, an
 * opening bracket or a dash, and close otherwise. A quote still open at a blank
 * line closes there (news style reopens it in the next paragraph).
 */
function findQuotations(body: string): Quotation[] {
  const quotations: Quotation[] = [];
  let openAt = -1;
  const close = (end: number) => {
    if (openAt >= 0 && end > openAt) quotations.push({ id: quotations.length, start: openAt, end });
    openAt = -1;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\n' && /^\n[^\S\n]*\n/.test(body.slice(i, i + 20))) close(i);
    const opens = c === '“' || (c === '"' && (i === 0 || /[\s([{—–-]/.test(body[i - 1]!)));
    const closes = c === '”' || c === '"';
    if (opens) {
      close(i);
      openAt = i + 1;
    } else if (closes) close(i);
  }
  close(body.length);
  return quotations;
}

interface QuotePiece {
  quotation: number;
  start: number;
  end: number;
}

/** The parts of quotations inside one sentence. */
function piecesIn(sentence: Sentence, quotations: Quotation[]): QuotePiece[] {
  return quotations
    .filter((q) => q.start < sentence.end && q.end > sentence.start)
    .map((q) => ({
      quotation: q.id,
      start: Math.max(q.start, sentence.start),
      end: Math.min(q.end, sentence.end),
    }));
}

/** The sentence text with quoted words blanked out, so verbs and names inside quotes are not read as attribution. */
function maskQuotes(sentence: Sentence, pieces: QuotePiece[]): string {
  let masked = sentence.text;
  for (const p of pieces) {
    const from = p.start - sentence.start;
    const to = p.end - sentence.start;
    masked = masked.slice(0, from) + '_'.repeat(to - from) + masked.slice(to);
  }
  return masked;
}

// ---------------------------------------------------------------------------
// Names

/** Role and title words: a name is what follows the last of them. */
const ROLE_WORDS = new Set([
  'minister',
  'president',
  'secretary',
  'secretary-general',
  'envoy',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chancellor',
  'premier',
  'director',
  'director-general',
  'deputy',
  'ambassador',
  'adm.',
  'gen.',
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'prof.',
  'sen.',
  'rep.',
  'gov.',
  'lt.',
  'col.',
  'king',
  'queen',
  'prince',
  'princess',
  'sheikh',
  'emir',
  'commander',
  'general',
  'brigadier',
  'chief',
  'head',
  'chairman',
  'chairwoman',
  'chair',
  'professor',
  'senator',
  'governor',
  'mayor',
  'judge',
  'justice',
  'leader',
  'pope',
  'ayatollah',
  'admiral',
  'colonel',
  'captain',
  'lieutenant',
  'sergeant',
  'speaker',
  'representative',
  'correspondent',
  'analyst',
  'adviser',
  'advisor',
]);
/** Words that make a name an organisation rather than a person. */
const ORGANISATION_WORDS = new Set([
  'ministry',
  'department',
  'agency',
  'news',
  'tv',
  'office',
  'government',
  'council',
  'kremlin',
  'house',
  'committee',
  'command',
  'organization',
  'organisation',
  'company',
  'university',
  'institute',
  'institutes',
  'administration',
  'foundation',
  'bank',
  'party',
  'court',
  'parliament',
  'assembly',
  'army',
  'forces',
  'corps',
  'times',
  'post',
  'press',
  'service',
  'union',
  'nations',
  'commission',
  'embassy',
  'radio',
  'television',
  'network',
  'group',
  'center',
  'centre',
  'affairs',
  'state',
  'reuters',
  'xinhua',
  'cgtn',
  'irna',
]);
/** Lower-case particles inside names: "Badr bin Hamad", "Department of State". */
const NAME_CONNECTORS = new Set([
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
  'de',
  'del',
  'della',
  'di',
  'da',
  'van',
  'von',
  'der',
  'du',
  'le',
  'la',
  'of',
  'abu',
]);
/** Capitalised words that open sentences or clauses but are not names. */
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'and',
  'but',
  'or',
  'so',
  'meanwhile',
  'however',
  'also',
  'following',
  'during',
  'earlier',
  'later',
  'last',
  'next',
  'in',
  'on',
  'at',
  'as',
  'after',
  'before',
  'when',
  'while',
  'if',
  'according',
  'this',
  'that',
  'these',
  'those',
  'there',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'his',
  'her',
  'their',
  'its',
  'our',
  'overall',
  'since',
  'for',
  'with',
  'without',
  'by',
  'from',
  'to',
  'highlighting',
  'separately',
  'still',
  'yet',
  'many',
  'some',
  'both',
  'all',
  'regional',
  'such',
  'now',
  'then',
  'today',
  'yesterday',
  'friday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'saturday',
  'sunday',
]);
/** Surname particles written joined or apart: "Al Busaidi" = "Albusaidi". */
const SURNAME_PARTICLES = new Set([
  'al',
  'el',
  'de',
  'van',
  'von',
  'der',
  'du',
  'le',
  'la',
  'di',
  'da',
  'abu',
  'ben',
]);
const PRONOUNS = /^(?:he|she)$/i;

interface NameRun {
  text: string;
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  /** The run started with role or title words ("Foreign Minister …"). */
  hasRole: boolean;
  /** The run with roles, titles and leading determiners dropped; null if only a role. */
  name: string | null;
}

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.'’-]*/gu;

/** Maximal runs of capitalised words (with particles between them) in `text`. */
function nameRuns(text: string): NameRun[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({
    word: m[0].replace(/['’]s$/u, '').replace(/(?<!\b\p{L})\.$/u, ''),
    start: m.index,
    end: m.index + m[0].length,
    possessive: /['’]s$/u.test(m[0]),
  }));
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalisedName(tokens[i]!.word)) {
      i++;
      continue;
    }
    let j = i;
    // Extend while the next token is capitalised, or a particle followed by one, and
    // nothing but a space separates them.
    while (
      j + 1 < tokens.length &&
      !tokens[j]!.possessive &&
      onlySpaceBetween(text, tokens[j]!.end, tokens[j + 1]!.start)
    ) {
      const next = tokens[j + 1]!.word;
      if (isCapitalisedName(next)) j++;
      else if (
        NAME_CONNECTORS.has(next.toLowerCase()) &&
        j + 2 < tokens.length &&
        isCapitalisedName(tokens[j + 2]!.word) &&
        onlySpaceBetween(text, tokens[j + 1]!.end, tokens[j + 2]!.start)
      )
        j += 2;
      else break;
    }
    const words = tokens.slice(i, j + 1).map((t) => t.word);
    const start = tokens[i]!.start;
    const end = tokens[j]!.possessive
      ? tokens[j]!.end - 2
      : tokens[j]!.start + tokens[j]!.word.length;
    runs.push(makeRun(words, text.slice(start, end), start, end));
    i = j + 1;
  }
  return runs.filter((r) => r.text.length > 0);
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  return /^ +$/.test(text.slice(from, to));
}

function isCapitalisedName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !NOT_NAMES.has(word.toLowerCase());
}

function makeRun(words: string[], text: string, start: number, end: number): NameRun {
  let lastRole = -1;
  words.forEach((w, k) => {
    if (ROLE_WORDS.has(w.toLowerCase()) || ROLE_WORDS.has(`${w.toLowerCase()}.`)) lastRole = k;
  });
  const rest = words.slice(lastRole + 1);
  // A run ending in a particle-less role ("Foreign Minister") names no one.
  const name = rest.length > 0 ? rest.join(' ') : null;
  return { text, start, end, hasRole: lastRole >= 0, name };
}

/** Whether a name is an organisation, outlet or agency rather than a person. */
export function isOrganisation(name: string): boolean {
  const words = name.split(/\s+/);
  return words.some(
    (w) => ORGANISATION_WORDS.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w.replace(/\./g, '')),
  );
}

/** Lower case, no diacritics, no punctuation: for comparing names. */
// Names recur on every attribution of a long text: tokenize each name once.
const nameTokenCache = new Map<string, string[]>();

function nameTokens(name: string): string[] {
  let tokens = nameTokenCache.get(name);
  if (tokens === undefined) {
    tokens = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length > 0);
    if (nameTokenCache.size > 10_000) nameTokenCache.clear();
    nameTokenCache.set(name, tokens);
  }
  return tokens;
}

/** Full names seen in a text, for expanding later short mentions. */
class NameRegistry {
  private readonly full: string[] = [];
  private readonly persons = new Set<string>();

  add(run: NameRun): void {
    if (run.name === null) return;
    if (run.name.split(' ').length >= 2 && !this.full.includes(run.name)) this.full.push(run.name);
    if (run.hasRole && !isOrganisation(run.name)) this.persons.add(this.canonical(run.name));
  }

  markPerson(name: string): void {
    this.persons.add(name);
  }

  isPerson(name: string): boolean {
    return this.persons.has(name);
  }

  /** The longest full name that ends with (or, for surname-first names, begins with) `name`. */
  canonical(name: string): string {
    const short = nameTokens(name);
    if (short.length === 0) return name;
    const endsWith = (full: string[]) =>
      short.every((t, k) => full[full.length - short.length + k] === t);
    const beginsWith = (full: string[]) => short.every((t, k) => full[k] === t);
    const pick = (match: (full: string[]) => boolean) =>
      this.full
        .filter((f) => {
          const tokens = nameTokens(f);
          return tokens.length > short.length && match(tokens);
        })
        .sort((x, y) => y.length - x.length)[0];
    return pick(endsWith) ?? (isOrganisation(name) ? undefined : pick(beginsWith)) ?? name;
  }
}

// ---------------------------------------------------------------------------
// Attribution

const STRONG_VERBS =
  'said|says|told|tells|noted|notes|added|adds|stressed|stresses|warned|warns|pointed out|points out|underlined|underlines|underscored|stated|explained|emphasized|emphasised|insisted|asserted|reported|wrote|writes|asked|replied|(?:was|were) quoted as saying';
const WEAK_VERBS =
  'announced|confirmed|reiterated|argued|claimed|acknowledged|believes|hoped|hopes|believed';
const PARTICIPLES =
  'calling|saying|adding|stressing|noting|warning|underlining|emphasizing|emphasising|describing';
const VERB_PATTERN = new RegExp(
  `\\b(?:(${STRONG_VERBS})\\b|(${WEAK_VERBS})\\s+that\\b|(${PARTICIPLES})\\b|([Aa]ccording to)\\s+)`,
  'g',
);
/** Words between a subject and its verb: "X also said", "X had pointed out". */
const TRAILING_ADVERBS =
  /(?:\s+(?:also|then|later|earlier|further|again|previously|has|had|have|was|were|is|reportedly|separately|recently|once|later|on \p{Lu}\p{Ll}+day))+\s*$/u;
/** A noun phrase head that may stand as a speaker without a name. */
const COMMON_SPEAKER_HEADS =
  /^(?:officials?|sources?|media|diplomats?|analysts?|experts?|observers?)$/i;

interface ClauseSpan {
  from: number;
  to: number;
}

interface Attribution {
  speakerAsWritten: string;
  /** The name inside it, or the pronoun. */
  name: string | null;
  pronoun: boolean;
  /** Offsets in the sentence of the reported clause (without the attribution). */
  clause: ClauseSpan;
  kind: 'verb' | 'according' | 'participle';
}

/** The attribution in a sentence, from its masked text; a named subject wins over "according to", which wins over a description. */
function findAttribution(masked: string, original: string): Attribution | null {
  const found: Attribution[] = [];
  for (const match of masked.matchAll(VERB_PATTERN)) {
    const at = match.index;
    const verbEnd = at + match[0].length;
    if (match[4] !== undefined) {
      const a = accordingTo(masked, original, verbEnd, at);
      if (a) found.push(a);
    } else if (match[3] !== undefined) {
      const a = participleSubject(masked, original, at, verbEnd);
      if (a) found.push(a);
    } else {
      const a = verbSubject(masked, original, at, verbEnd);
      if (a) found.push(a);
    }
  }
  const rank = (a: Attribution) =>
    (a.kind === 'participle' ? 0 : a.kind === 'according' ? 2 : 4) +
    (a.name !== null || a.pronoun ? 1 : 0);
  return found.reduce<Attribution | null>(
    (best, a) => (best === null || rank(a) > rank(best) ? a : best),
    null,
  );
}

/** "X said …" / "…, X said." / "…," said X. */
function verbSubject(
  masked: string,
  original: string,
  at: number,
  verbEnd: number,
): Attribution | null {
  const before = masked.slice(0, at).replace(TRAILING_ADVERBS, '');
  const subject = subjectBefore(before) ?? invertedSubject(masked, verbEnd);
  if (!subject) return null;
  // "…, X said (on Friday)." reports what came before; "X said the talks …" what follows.
  const tail = /^[^,.;:]*/.exec(masked.slice(verbEnd))?.[0] ?? '';
  const afterSubject = subject.start > 0 && /[,"”]\s*$/.test(masked.slice(0, subject.start));
  const postposed = subject.start > at || (afterSubject && countWords(tail) <= 4);
  const clause = postposed
    ? clauseSpan(original, 0, Math.min(subject.start, at))
    : clauseSpan(original, verbEnd, original.length);
  return { ...subject.attribution, clause, kind: 'verb' };
}

/** ", adding that …", ", calling the talks …": the subject of the main clause, or "with X calling". */
function participleSubject(
  masked: string,
  original: string,
  at: number,
  verbEnd: number,
): Attribution | null {
  const before = masked.slice(0, at);
  // "with the minister calling …": the participle has its own subject.
  const direct = /\bwith\s+([^,]+?)\s*$/u.exec(before);
  const subject = direct ? subjectBefore(before) : firstSubject(before);
  if (!subject) return null;
  // Only ", saying that …" reports speech; ", calling the talks …" frames a quote.
  const reports = /^\s*that\b/u.test(masked.slice(verbEnd));
  const clause = reports
    ? clauseSpan(original, verbEnd, original.length)
    : { from: verbEnd, to: verbEnd };
  return { ...subject.attribution, clause, kind: 'participle' };
}

/** "according to X, …" or "…, according to X." */
function accordingTo(
  masked: string,
  original: string,
  npStart: number,
  at: number,
): Attribution | null {
  const npText = /^[^,.;:"“”_()]*/.exec(masked.slice(npStart))?.[0] ?? '';
  const words = npText
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  const np = trimToHead(words.join(' '));
  if (!np) return null;
  const attribution = describeSpeaker(np);
  const afterNp = npStart + masked.slice(npStart).indexOf(np) + np.length;
  const clause =
    countWords(original.slice(0, at)) >= 3
      ? clauseSpan(original, 0, at)
      : clauseSpan(original, afterNp, original.length);
  return { ...attribution, clause, kind: 'according' };
}

/** Cuts an "according to" phrase after its head: the last name, or a head like "officials". */
function trimToHead(phrase: string): string | null {
  const words = phrase.split(' ');
  const runs = nameRuns(phrase);
  let end = -1;
  if (runs.length > 0) {
    const last = runs[runs.length - 1]!;
    end = phrase.slice(0, last.end).split(' ').length;
    if (words[end] !== undefined && COMMON_SPEAKER_HEADS.test(words[end]!)) end++;
  } else {
    const head = words.findIndex((w) => COMMON_SPEAKER_HEADS.test(w));
    if (head >= 0) end = head + 1;
  }
  return end > 0 ? words.slice(0, end).join(' ') : null;
}

interface Subject {
  attribution: Omit<Attribution, 'clause' | 'kind'>;
  /** Offset of the subject in the sentence. */
  start: number;
}

/** The noun phrase that ends `before` (after dropping one ", apposition," before the verb). */
function subjectBefore(before: string): Subject | null {
  let text = before.replace(/\s+$/, '');
  let quoting: string | null = null;
  if (text.endsWith(',')) {
    // "Marandi, a professor at the University of Tehran, said": skip the apposition.
    const open = text.lastIndexOf(',', text.length - 2);
    if (open < 0) return null;
    const apposition = text.slice(open + 1, -1).trim();
    quoting = /^quoting\s+(.+)$/u.exec(apposition)?.[1] ?? null;
    text = text.slice(0, open).replace(/\s+$/, '');
  }
  const clauseStart = Math.max(
    ...[',', ';', ':', '"', '“', '”', '_', '(', ')', '–', '—'].map((c) => text.lastIndexOf(c)),
    lastWordIndex(text, 'that'),
  );
  const clause = text.slice(clauseStart + 1);
  const lead = clause.length - clause.trimStart().length;
  const np = clause.trim();
  // "Nasirzadeh delivered a message … and said": the subject of the first verb.
  if (/\band$/u.test(np)) return firstSubject(text);
  if (np.length === 0 || np.split(/\s+/).length > 12) return null;
  const subject = describeSpeaker(np);
  if (
    subject.name === null &&
    !subject.pronoun &&
    !/^(?:the|a|an|his|her|its|their)\s|\p{Lu}/u.test(np)
  )
    return null;
  if (quoting) return { attribution: describeSpeaker(quoting), start: clauseStart + 1 + lead };
  return { attribution: subject, start: clauseStart + 1 + lead };
}

/** "…," said Trump. */
function invertedSubject(masked: string, verbEnd: number): Subject | null {
  const after = masked.slice(verbEnd);
  const run = nameRuns(after)[0];
  if (!run || !/^\s*$/.test(after.slice(0, run.start))) return null;
  return { attribution: describeSpeaker(run.text), start: verbEnd + run.start };
}

/** The subject of a sentence's main clause: its first name or pronoun after any opening phrase. */
function firstSubject(before: string): Subject | null {
  // "The ministry reiterated …, warning": a description, not the first name in the sentence.
  const description = /^(?:[^,]*,\s*)?((?:The|A|An|His|Her|Its|Their)\s+\p{Ll}[\p{L}-]*)/u.exec(
    before,
  );
  if (description)
    return { attribution: describeSpeaker(description[1]!), start: description.index };
  const pronoun = /(?:^|,\s*)(he|she)\b/iu.exec(before);
  const run = nameRuns(before)[0];
  if (pronoun && (!run || pronoun.index < run.start)) {
    return { attribution: describeSpeaker(pronoun[1]!), start: pronoun.index };
  }
  return run ? { attribution: describeSpeaker(run.text), start: run.start } : null;
}

function lastWordIndex(text: string, word: string): number {
  const matches = [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))];
  const last = matches[matches.length - 1];
  return last ? last.index + word.length - 1 : -1;
}

/** Reads a subject noun phrase: its name (last name run that ends it), or a pronoun. */
function describeSpeaker(np: string): Omit<Attribution, 'clause' | 'kind'> {
  let written = np.trim().replace(/^(?:with|by|from|and|but|while|as)\s+/iu, '');
  if (PRONOUNS.test(written)) return { speakerAsWritten: written, name: null, pronoun: true };
  const runs = nameRuns(written);
  const last = runs[runs.length - 1];
  // The name is the head only when nothing but a common head word follows it
  // ("IRNA", "Iranian officials"); "Iran's official news agency" has no head name.
  let tail = last ? written.slice(last.end).trim() : written;
  // "Badr Albusaidi in a post on social media said": the phrase after the name is not part of it.
  if (last && /^(?:in|on|at|during|via|through|after|before|from|speaking)\b/u.test(tail)) {
    written = written.slice(0, last.end);
    tail = '';
  }
  let name: string | null = null;
  if (last && last.name !== null && tail.length === 0) name = last.name;
  else if (last && COMMON_SPEAKER_HEADS.test(tail))
    name = `${last.text.replace(/^(?:The|A)\s+/u, '')} ${tail}`;
  return { speakerAsWritten: written, name, pronoun: false };
}

/** [from, to) of `text` without edge punctuation or a leading "that", "reporters", "on Friday". */
function clauseSpan(text: string, from: number, to: number): ClauseSpan {
  const lead =
    /^(?:[\s,;:]|(?:that|reporters|on \p{Lu}\p{Ll}+day)\b)*/u.exec(text.slice(from, to))?.[0]
      .length ?? 0;
  const trail = /[\s,;:"“”]*$/u.exec(text.slice(from + lead, to))?.[0].length ?? 0;
  return { from: from + lead, to: Math.max(from + lead, to - trail) };
}

// ---------------------------------------------------------------------------
// Finding quotes

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Direct and reported quotes of a text, in sentence order. */
export function findQuotes(sentences: Sentence[], body: string): Quote[] {
  const quotations = findQuotations(body);
  const registry = new NameRegistry();
  const pieces = sentences.map((s) => piecesIn(s, quotations));
  const masked = sentences.map((s, i) => maskQuotes(s, pieces[i]!));
  masked.forEach((m) => nameRuns(m).forEach((run) => registry.add(run)));
  const attributions = sentences.map((s, i) => findAttribution(masked[i]!, s.text));

  const quotes: Quote[] = [];
  const quotationSpeaker = new Map<number, ResolvedSpeaker>();
  let lastPerson: ResolvedSpeaker | null = null;
  let lastDirect: { speaker: ResolvedSpeaker; paragraph: number } | null = null;

  sentences.forEach((sentence, i) => {
    const attribution = attributions[i];
    const resolved = attribution ? resolve(attribution, registry, lastPerson) : null;
    if (
      resolved &&
      resolved.speaker !== null &&
      !isOrganisation(resolved.speaker) &&
      !attribution?.pronoun
    ) {
      registry.markPerson(resolved.speaker);
    }
    for (const piece of pieces[i]!) {
      const speaker =
        resolved ??
        quotationSpeaker.get(piece.quotation) ??
        closingAttribution(piece, i) ??
        continuingSpeaker(sentence, masked[i]!, lastDirect);
      if (!speaker) continue;
      quotationSpeaker.set(piece.quotation, speaker);
      const text = body
        .slice(piece.start, piece.end)
        .trim()
        .replace(/[,;:]$/u, '');
      if (countWords(text) === 0) continue;
      quotes.push({
        sentence: sentence.id,
        kind: 'direct',
        text,
        ...speaker,
        words: countWords(text),
      });
      lastDirect = { speaker, paragraph: sentence.paragraph };
    }
    if (attribution && resolved) {
      const { from, to } = attribution.clause;
      // Words inside quotation marks are counted as direct, not again as reported.
      const words = countWords(masked[i]!.slice(from, to).replace(/_+/g, ' '));
      if (words >= 3) {
        const text = sentence.text.slice(from, to);
        quotes.push({ sentence: sentence.id, kind: 'reported', text, ...resolved, words });
      }
    }
    lastPerson = updateLastPerson(lastPerson, resolved, masked[i]!, registry);
  });
  return quotes;

  /** The attribution of the sentence where this piece's quotation closes. */
  function closingAttribution(piece: QuotePiece, from: number): ResolvedSpeaker | null {
    for (let k = from + 1; k < sentences.length; k++) {
      if (!pieces[k]!.some((p) => p.quotation === piece.quotation)) break;
      const a = attributions[k];
      if (a) return resolve(a, registry, lastPerson);
    }
    return null;
  }
}

interface ResolvedSpeaker {
  speaker: string | null;
  speakerAsWritten: string;
}

function resolve(
  a: Attribution,
  registry: NameRegistry,
  lastPerson: ResolvedSpeaker | null,
): ResolvedSpeaker {
  if (a.pronoun)
    return { speaker: lastPerson?.speaker ?? null, speakerAsWritten: a.speakerAsWritten };
  return {
    speaker: a.name === null ? null : registry.canonical(a.name),
    speakerAsWritten: a.speakerAsWritten,
  };
}

/** A sentence that is only a quote continues the last direct quote of this or the previous paragraph. */
function continuingSpeaker(
  sentence: Sentence,
  masked: string,
  lastDirect: { speaker: ResolvedSpeaker; paragraph: number } | null,
): ResolvedSpeaker | null {
  if (!lastDirect || sentence.paragraph - lastDirect.paragraph > 1) return null;
  if (countWords(masked.replace(/_+/g, ' ')) > 0) return null;
  return lastDirect.speaker;
}

/** The person "he"/"she" would refer to after this sentence. */
function updateLastPerson(
  current: ResolvedSpeaker | null,
  resolved: ResolvedSpeaker | null,
  masked: string,
  registry: NameRegistry,
): ResolvedSpeaker | null {
  if (resolved?.speaker && !isOrganisation(resolved.speaker)) return resolved;
  // A person introduced in the sentence without a quote ("Saudi Foreign Minister X
  // also welcomed the talks") is the likeliest "he" of the next one.
  const people = nameRuns(masked)
    .filter((r) => r.name !== null)
    .map((r) => registry.canonical(r.name!))
    .filter((n) => registry.isPerson(n));
  const person = people[people.length - 1];
  return person ? { speaker: person, speakerAsWritten: person } : current;
}

// ---------------------------------------------------------------------------
// Summaries

/** Quotes grouped by speaker (unknown speakers left out), most words first. */
export function summarizeVoices(quotes: Quote[]): Voice[] {
  const voices = new Map<string, Voice>();
  for (const q of quotes) {
    if (q.speaker === null) continue;
    const voice = voices.get(q.speaker) ?? {
      speaker: q.speaker,
      quotes: 0,
      directWords: 0,
      reportedWords: 0,
      sentences: [],
    };
    voice.quotes++;
    if (q.kind === 'direct') voice.directWords += q.words;
    else voice.reportedWords += q.words;
    if (!voice.sentences.includes(q.sentence)) voice.sentences.push(q.sentence);
    voices.set(q.speaker, voice);
  }
  const total = (v: Voice) => v.directWords + v.reportedWords;
  return [...voices.values()]
    .map((v) => ({ ...v, sentences: [...v.sentences].sort((x, y) => x - y) }))
    .sort((x, y) => total(y) - total(x) || x.speaker.localeCompare(y.speaker));
}

/** Keys a person's name matches on: the surname with and without a particle ("al busaidi" → "albusaidi", "busaidi"). */
function surnameKeys(name: string): string[] {
  const tokens = nameTokens(name);
  const last = tokens[tokens.length - 1];
  if (last === undefined) return [];
  const keys = [last];
  const particle = tokens[tokens.length - 2];
  if (particle !== undefined && SURNAME_PARTICLES.has(particle)) keys.push(particle + last);
  for (const p of SURNAME_PARTICLES)
    if (last.startsWith(p) && last.length > p.length + 2) keys.push(last.slice(p.length));
  return keys;
}

/**
 * Whether two speakers are the same voice: the same words ignoring case, diacritics
 * and spaces; for people, also the same surname ("Araghchi" = "Seyed Abbas
 * Araghchi", "Albusaidi" = "Al Busaidi") or a one-word name matching the other's
 * first word (surname-first names: "Qin" = "Qin Tian"). Known miss: two people
 * sharing a surname count as one voice.
 */
export function sameVoice(a: string, b: string): boolean {
  const flat = (s: string) => nameTokens(s).join('');
  if (flat(a) === flat(b)) return true;
  if (isOrganisation(a) || isOrganisation(b)) return false;
  const ka = surnameKeys(a);
  if (surnameKeys(b).some((k) => ka.includes(k))) return true;
  const [ta, tb] = [nameTokens(a), nameTokens(b)];
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return short.length === 1 && long[0] === short[0];
}

/** Speakers each side quotes that the other does not. */
export function voicesOnlyIn(a: Voice[], b: Voice[]): { onlyA: string[]; onlyB: string[] } {
  const missingFrom = (from: Voice[], other: Voice[]) =>
    from.filter((v) => !other.some((o) => sameVoice(v.speaker, o.speaker))).map((v) => v.speaker);
  return { onlyA: missingFrom(a, b), onlyB: missingFrom(b, a) };
}

/** Who speaks in each sentence (named speakers only), for telling a claim's speakers apart. */
export function speakersBySentence(
  quotes: readonly Quote[],
): Map<number, { name: string; asWritten: string }[]> {
  const out = new Map<number, { name: string; asWritten: string }[]>();
  for (const quote of quotes) {
    if (quote.speaker === null) continue;
    const list = out.get(quote.sentence) ?? [];
    if (!list.some((s) => s.name === quote.speaker))
      list.push({ name: quote.speaker, asWritten: quote.speakerAsWritten });
    out.set(quote.sentence, list);
  }
  return out;
}
