// Two sentences on the same point that make different claims: which slot
// differs, and the phrase each uses. Only read on pairs already judged to be on
// the same point; a slot is named only when both sides say something in it that
// the other does not (or, for certainty and negation, when one side hedges or
// negates and the other does not), so a detail one outlet merely leaves out is
// not a contrast.
import { tokenize, type Token } from './sentenceFeatures';
import { isOrganisation } from './voices';
import type { ContrastSlot, LinkContrast, LinkEvidence, Sentence, Span } from './types';

/** Who speaks in each sentence, by sentence id: the speaker's name and how the sentence writes it. */
export type SpeakerOf = ReadonlyMap<number, readonly { name: string; asWritten: string }[]>;

interface Phrase {
  text: string;
  span: Span;
  /** What is compared: folded words, so "next week" meets "Next Week". */
  key: string;
  /** For amounts: the number, and whether the text gives it as approximate ("more than 97"). */
  value?: number;
  approximate?: boolean;
  /** For times: it says when something will happen ("early next week", "in due course"). */
  future?: boolean;
}

const APPROXIMATE =
  /^(about|approximately|around|roughly|nearly|almost|over|some|more|less|fewer|up|estimated)$/;

/** Two amounts that may be one figure told two ways ("more than 97 percent" / "approximately 98 percent"). */
function sameAmount(x: Phrase, y: Phrase): boolean {
  if (x.key === y.key) return true;
  if (!(x.approximate || y.approximate) || x.value === undefined || y.value === undefined)
    return false;
  return Math.abs(x.value - y.value) <= 0.1 * Math.max(x.value, y.value);
}

const phraseOf = (text: string, tokens: readonly Token[], from: number, to: number): Phrase => {
  const span = { start: tokens[from]!.start, end: tokens[to]!.end };
  return {
    text: text.slice(span.start, span.end),
    span,
    key: tokens
      .slice(from, to + 1)
      .map((t) => t.word)
      .join(' '),
  };
};

// ---------------------------------------------------------------------------
// Time

const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const MONTHS =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
const RELATIVE_DAYS = /^(today|tonight|tomorrow|yesterday|soon|later|immediately|shortly)$/;
const PERIODS = /^(week|weeks|weekend|month|months|year|years|day|days|hours|round)$/;
const PERIOD_MODIFIERS = /^(next|last|this|coming|following|early|late|previous|past|same)$/;
const SEQUENCE = /^(subsequent|subsequently|future|upcoming|later)$/;
/** Time phrases that say when something will happen: the claim "the next round is early next week". */
const AHEAD =
  /\b(next (week|month|year)|coming (days|weeks|months)|subsequent|subsequently|later (this|next)|soon|upcoming|due course|tomorrow|shortly)\b/;

/** Time expressions of a sentence: "early next week", "on Friday", "in subsequent consultations". */
function timePhrases(text: string, tokens: readonly Token[]): Phrase[] {
  const phrases: Phrase[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.word;
    let from = k;
    let to = k;
    if (WEEKDAYS.test(w) || RELATIVE_DAYS.test(w)) {
      // "May" is a month only before a day number.
    } else if (MONTHS.test(w) && (w !== 'may' || /^\d/.test(tokens[k + 1]?.word ?? ''))) {
      if (/^\d{1,2}$/.test(tokens[k + 1]?.word ?? '')) to = k + 1;
    } else if (
      PERIODS.test(w) &&
      k > 0 &&
      PERIOD_MODIFIERS.test(tokens[k - 1]!.word) &&
      w !== 'round'
    ) {
      from = k - 1;
      if (k > 1 && PERIOD_MODIFIERS.test(tokens[k - 2]!.word)) from = k - 2;
    } else if (SEQUENCE.test(w) && tokens[k + 1]) {
      // "in subsequent consultations": shown with its noun, compared by "subsequent".
      const phrase = phraseOf(text, tokens, k, k + 1);
      phrases.push({ ...phrase, key: w, future: true });
      k += 1;
      continue;
    } else if (w === 'due' && tokens[k + 1]?.word === 'course') {
      to = k + 1;
    } else continue;
    const phrase = phraseOf(text, tokens, from, to);
    phrases.push({ ...phrase, future: AHEAD.test(phrase.key) });
    k = to;
  }
  return phrases;
}

// ---------------------------------------------------------------------------
// Numbers with what they count

/** Amounts: a number with its unit ("$5.7 billion", "23 percent", "three weeks"); years are not amounts. */
function amounts(text: string, tokens: readonly Token[]): Phrase[] {
  const out: Phrase[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!/^\d/.test(t.word) || /^(19|20)\d\d$/.test(t.word)) continue;
    let to = k;
    const next = tokens[k + 1]?.word ?? '';
    if (/^(million|billion|trillion|thousand|hundred)$/.test(next)) to = k + 1;
    const unit = tokens[to + 1]?.word ?? '';
    const money = text[t.start - 1] === '$';
    const unitKey = money ? '$' : unit;
    if (!money && !unit) continue;
    if (!money) to = to + 1;
    const phrase = phraseOf(text, tokens, k, to);
    if (money) phrase.span.start -= 1;
    phrase.text = text.slice(phrase.span.start, phrase.span.end);
    const approximate =
      APPROXIMATE.test(tokens[k - 1]?.word ?? '') || APPROXIMATE.test(tokens[k - 2]?.word ?? '');
    out.push({
      ...phrase,
      key: `${unitKey}|${t.word}`,
      value: Number(t.word.replace(/,/g, '')),
      approximate,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Certainty, negation, evaluation

// Hedges that mark a claim as uncertain; "would", "could" and "expected" are left out:
// in news English they mostly mark reported speech or the future, not doubt.
const HEDGES =
  /^(appear|appears|appeared|seem|seems|seemed|may|might|possibly|perhaps|reportedly|likely|unlikely|apparently|allegedly|unclear|potentially|probably)$/;
const NEGATIONS = /^(not|never|none|neither|cannot)$/;
const NEGATED_AUXILIARY = /n['’]t$/;
const isNegation = (w: string) => NEGATIONS.test(w) || NEGATED_AUXILIARY.test(w);

/** Words that judge rather than report: the same event as a "surrender" or a "deal". */
const EVALUATIVE = new Set(
  (
    'surrender surrendered cave caved capitulation capitulated capitulate retreat retreated ' +
    'triumph stunning remarkable disaster fiasco hoax humiliating humiliation embarrassing ' +
    'radical extreme chaos unprecedented shocking outrageous reckless dangerous ' +
    'landmark breakthrough blunder'
  ).split(' '),
);

function wordsMatching(
  text: string,
  tokens: readonly Token[],
  test: (word: string, token: Token) => boolean,
): Phrase[] {
  return tokens.flatMap((t, k) => (test(t.word, t) ? [phraseOf(text, tokens, k, k)] : []));
}

const near = (phrase: Phrase, evidence: readonly Span[], reach: number) =>
  evidence.some((e) => phrase.span.start - reach < e.end && e.start < phrase.span.end + reach);

// ---------------------------------------------------------------------------

const contrastOf = (slot: ContrastSlot, x: Phrase | null, y: Phrase | null): LinkContrast => ({
  slot,
  a: x?.text ?? '',
  b: y?.text ?? '',
  aSpan: x?.span ?? null,
  bSpan: y?.span ?? null,
});

/** Phrases on both sides, none shared by key: the slot says different things. */
function differing(xs: Phrase[], ys: Phrase[]): [Phrase, Phrase] | null {
  if (xs.length === 0 || ys.length === 0) return null;
  const keysY = new Set(ys.map((p) => p.key));
  const keysX = new Set(xs.map((p) => p.key));
  if (xs.some((p) => keysY.has(p.key)) || ys.some((p) => keysX.has(p.key))) return null;
  return [xs[0]!, ys[0]!];
}

/**
 * One side has it beside what the two share (`xs`, `ys`), the other has none anywhere
 * (`allX`, `allY`): a hedge or a negation only one outlet writes.
 */
function oneSided(
  xs: Phrase[],
  ys: Phrase[],
  allX: Phrase[],
  allY: Phrase[],
): [Phrase | null, Phrase | null] | null {
  if (xs.length > 0 && allY.length === 0) return [xs[0]!, null];
  if (ys.length > 0 && allX.length === 0) return [null, ys[0]!];
  return null;
}

/** The ways a name can meet another spelling of it: its words and adjacent words joined ("Al Busaidi" → "albusaidi"). */
function nameForms(name: string): Set<string> {
  const words = tokenize(name.replace(/-/g, ''))
    .map((t) => t.word)
    .filter((w) => w.length >= 3 || /^(al|el|bin|ibn|de|van|von)$/.test(w));
  const forms = new Set(words.filter((w) => w.length >= 3));
  for (let k = 0; k + 1 < words.length; k++) forms.add(words[k]! + words[k + 1]!);
  // Transliterations meet at their consonants ("Seongmin" / "Sungmin").
  for (const form of [...forms]) if (form.length >= 5) forms.add(consonants(form));
  return forms;
}

/** A person's name, all words capitalized ("Abbas Araghchi"), not a group ("Iranian officials"). */
const isPersonName = (name: string) =>
  /^\p{Lu}/u.test(name) &&
  !/(^|\s)\p{Ll}/u.test(name) &&
  !isOrganisation(name) &&
  !OUTLET_WORDS.test(name);

const consonants = (word: string) =>
  `$${word[0]}${word
    .slice(1)
    .replace(/[aeiouyh]/g, '')
    .replace(/(.)\1+/g, '$1')}`;

/** Names of news outlets and agencies, which report a claim rather than make it. */
const OUTLET_WORDS =
  /\b(Journal|Times|Post|News|Press|Agency|Television|TV|Radio|Reuters|Tribune|Herald|Gazette)\b/;

/** Whether two speakers' names may be one person ("Badr Albusaidi" / "Sayyid Badr bin Hamad Al Busaidi"). */
function samePerson(x: string, y: string): boolean {
  const fy = nameForms(y);
  for (const form of nameForms(x)) if (fy.has(form)) return true;
  return false;
}

/** What a sentence says in each slot, read once per sentence (a sentence meets several candidates). */
interface Reading {
  tokens: Token[];
  times: Phrase[];
  amounts: Phrase[];
  negations: Phrase[];
  hedges: Phrase[];
  evaluative: Phrase[];
}
const readings = new WeakMap<Sentence, Reading>();
function readingOf(sentence: Sentence): Reading {
  let reading = readings.get(sentence);
  if (!reading) {
    const tokens = tokenize(sentence.text);
    reading = {
      tokens,
      times: timePhrases(sentence.text, tokens),
      amounts: amounts(sentence.text, tokens),
      negations: wordsMatching(sentence.text, tokens, isNegation),
      hedges: wordsMatching(sentence.text, tokens, (w) => HEDGES.test(w)),
      evaluative: wordsMatching(sentence.text, tokens, (w) => EVALUATIVE.has(w)),
    };
    readings.set(sentence, reading);
  }
  return reading;
}

/**
 * A differing slot, and whether it is concrete enough to make two less similar
 * sentences one point told two ways: two different times ahead for what both
 * speak of ("in subsequent consultations" / "early next week"). Amounts are not:
 * on the dev set, two figures in two loosely similar sentences were mostly two facts.
 */
export interface SlotReading {
  contrast: LinkContrast;
  concrete: boolean;
}

/** The slot in which two sentences on the same point differ, or null when they make one claim. */
export function readContrast(
  a: Sentence,
  b: Sentence,
  evidence: readonly LinkEvidence[],
  speakers?: { a: SpeakerOf; b: SpeakerOf },
): SlotReading | null {
  const contrast = findContrast(a, b, evidence, speakers);
  if (!contrast) return null;
  const timesAhead = (reading: Reading, span: Span | null) =>
    reading.times.some((p) => p.future && p.span.start === span?.start);
  const concrete =
    contrast.slot === 'time' &&
    timesAhead(readingOf(a), contrast.aSpan) &&
    timesAhead(readingOf(b), contrast.bSpan);
  return { contrast, concrete };
}

function findContrast(
  a: Sentence,
  b: Sentence,
  evidence: readonly LinkEvidence[],
  speakers?: { a: SpeakerOf; b: SpeakerOf },
): LinkContrast | null {
  const ra = readingOf(a);
  const rb = readingOf(b);

  // Two different times ahead for one thing ("in subsequent consultations" / "early next
  // week") are the claim itself, whoever says them.
  const aheadA = ra.times.filter((p) => p.future);
  const aheadB = rb.times.filter((p) => p.future);
  const ahead = differing(aheadA, aheadB);
  if (ahead) return contrastOf('time', ...ahead);

  // Who says it: both attribute the claim, to different people.
  const sa = (speakers?.a.get(a.id) ?? []).filter((s) => isPersonName(s.name));
  const sb = (speakers?.b.get(b.id) ?? []).filter((s) => isPersonName(s.name));
  if (sa.length > 0 && sb.length > 0) {
    if (!sa.some((x) => sb.some((y) => samePerson(x.name, y.name)))) {
      /** Where the sentence names its speaker; null when only a pronoun or a quote's context does. */
      const spanOfName = (sentence: Sentence, written: string): Span | null => {
        const at = sentence.text.indexOf(written);
        return at === -1 ? null : { start: at, end: at + written.length };
      };
      return {
        slot: 'speaker',
        a: sa[0]!.name,
        b: sb[0]!.name,
        aSpan: spanOfName(a, sa[0]!.asWritten),
        bSpan: spanOfName(b, sb[0]!.asWritten),
      };
    }
  }

  // Past times against past times only: "on Friday" is no answer to "early next week".
  const pastA = ra.times.filter((p) => !p.future);
  const pastB = rb.times.filter((p) => !p.future);
  const time = aheadA.length === 0 && aheadB.length === 0 ? differing(pastA, pastB) : null;
  if (time) return contrastOf('time', ...time);

  // Amounts differ only where the two share no number at all ("No. 2 … No. 3" against "No. 2").
  const sharesNumber = evidence.some(
    (e) => e.kind === 'number' && /\d/.test(e.a) && /\d/.test(e.b),
  );
  const amountsA = sharesNumber ? [] : ra.amounts;
  const amountsB = sharesNumber ? [] : rb.amounts;
  const unitsB = new Set(amountsB.map((p) => p.key.split('|')[0]));
  const comparableA = amountsA.filter((p) => unitsB.has(p.key.split('|')[0]));
  const comparableB = amountsB.filter((p) =>
    amountsA.some((q) => q.key.split('|')[0] === p.key.split('|')[0]),
  );
  if (
    comparableA.length > 0 &&
    comparableB.length > 0 &&
    !comparableA.some((x) => comparableB.some((y) => sameAmount(x, y)))
  )
    return contrastOf('number', comparableA[0]!, comparableB[0]!);

  // Two outlets quoting the same words give one claim; what each adds around the quote
  // is framing, not a hedge or a denial of it.
  const quotedWords = evidence
    .filter((e) => e.kind === 'quote')
    .reduce((n, e) => n + tokenize(e.a).length, 0);
  if (quotedWords >= 3) return null;

  // A negation counts only beside what the two share: "did not agree" vs "agreed".
  const content = evidence.filter((e) => e.kind !== 'name' && e.kind !== 'number');
  const sharedA = content.map((e) => e.aSpan);
  const sharedB = content.map((e) => e.bSpan);
  const negationsA = ra.negations;
  const negationsB = rb.negations;
  const negations = oneSided(
    negationsA.filter((p) => near(p, sharedA, 12)),
    negationsB.filter((p) => near(p, sharedB, 12)),
    negationsA,
    negationsB,
  );
  if (negations) return contrastOf('negation', ...negations);

  const hedgesA = ra.hedges;
  const hedgesB = rb.hedges;
  const hedges = oneSided(
    hedgesA.filter((p) => near(p, sharedA, 12)),
    hedgesB.filter((p) => near(p, sharedB, 12)),
    hedgesA,
    hedgesB,
  );
  if (hedges) return contrastOf('certainty', ...hedges);

  const evaluation = differing(ra.evaluative, rb.evaluative);
  if (evaluation) return contrastOf('evaluation', ...evaluation);
  return null;
}
