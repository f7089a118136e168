// Re-anchoring an annotation's selectors on a new version of the text. Order of trust:
// the quote still at its old position, then the quote elsewhere (chosen by its context),
// then an approximate match. Anything doubtful is orphaned rather than placed wrongly.

import { findApproximate, similarity, type ApproximateMatch } from './fuzzy';
import { positionSelectorOf, quoteSelectorOf, type AnchorSelector } from './selectors';

export type Anchored = {
  status: 'exact-position' | 'exact-quote' | 'fuzzy';
  start: number;
  end: number;
  /** 0..1: how well the quote and its context match at the new place. */
  score: number;
};
export type Orphaned = {
  status: 'orphaned';
  reason: string;
  /** The annotated text as it was, to show next to the orphan. */
  exact: string;
};
export type Reanchored = Anchored | Orphaned;

export interface ReanchorOptions {
  /** Least similarity (1 - edits/length) between the old quote and a fuzzy match. */
  minQuoteSimilarity?: number;
  /** Two fuzzy candidates closer than this in score are too close to call. */
  ambiguityMargin?: number;
  /** Quotes shorter than this are placed only where their context still matches. */
  shortQuoteLength?: number;
}

const DEFAULTS: Required<ReanchorOptions> = {
  minQuoteSimilarity: 0.75,
  ambiguityMargin: 0.05,
  shortQuoteLength: 20,
};

/** Least context similarity for a short quote, or any fuzzy match, to be trusted. */
const MIN_CONTEXT = 0.5;
/** Below this length the edits allowed are too few to tell rewording from chance. */
const MIN_FUZZY_LENGTH = 8;
/** How far around the old position the fuzzy search looks before searching everything. */
const NEAR_RADIUS = 1000;

// Typographic variants folded one character for one, so offsets stay valid: a change of
// quote style or dash is not a change of wording.
const FOLDS: Record<string, string> = {
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u2013': '-',
  '\u2014': '-',
  '\u00a0': ' ',
};
const FOLDABLE = /[\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2013\u2014\u00a0]/g;
export function foldTypography(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLDS[c] ?? c);
}

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  oldStart: number;
}

/** Re-anchor one annotation's selectors on `newBody`. */
export function reanchor(
  selectors: readonly AnchorSelector[],
  newBody: string,
  options: ReanchorOptions = {},
): Reanchored {
  const opts = { ...DEFAULTS, ...options };
  const quoteSelector = quoteSelectorOf(selectors);
  const position = positionSelectorOf(selectors);
  if (!quoteSelector || quoteSelector.exact.length === 0) {
    return {
      status: 'orphaned',
      reason: 'the annotation has no quoted text to look for',
      exact: '',
    };
  }
  const body = foldTypography(newBody);
  const quote: Quote = {
    exact: foldTypography(quoteSelector.exact),
    prefix: foldTypography(quoteSelector.prefix ?? ''),
    suffix: foldTypography(quoteSelector.suffix ?? ''),
    oldStart: position?.start ?? -1,
  };
  const orphan = (reason: string): Orphaned => ({
    status: 'orphaned',
    reason,
    exact: quoteSelector.exact,
  });

  const exact = anchorExact(quote, body, opts);
  if (exact === 'context-lost') {
    return orphan('the text is still there, but too short to place without its old context');
  }
  if (exact) return exact;
  const fuzzy = anchorFuzzy(quote, body, opts);
  if (fuzzy === 'ambiguous') {
    return orphan('several passages resemble the annotated text about equally');
  }
  return fuzzy ?? orphan('no passage close enough to the annotated text');
}

/** How well the text around start..end matches the quote's old prefix and suffix (0..1). */
function contextSimilarity(quote: Quote, body: string, start: number, end: number): number {
  const sides: number[] = [];
  if (quote.prefix) {
    sides.push(
      similarity(quote.prefix, body.slice(Math.max(0, start - quote.prefix.length), start)),
    );
  } else if (quote.oldStart === 0 || quote.oldStart === -1) {
    sides.push(start === 0 ? 1 : 0);
  }
  if (quote.suffix)
    sides.push(similarity(quote.suffix, body.slice(end, end + quote.suffix.length)));
  else sides.push(end === body.length ? 1 : 0);
  return sides.reduce((a, b) => a + b, 0) / sides.length;
}

function distanceFromOld(quote: Quote, start: number): number {
  return quote.oldStart < 0 ? 0 : Math.abs(start - quote.oldStart);
}

function anchorExact(
  quote: Quote,
  body: string,
  opts: Required<ReanchorOptions>,
): Anchored | 'context-lost' | undefined {
  const { exact } = quote;
  let best: { start: number; context: number } | undefined;
  let atOldPosition: number | undefined;
  for (let at = body.indexOf(exact); at !== -1; at = body.indexOf(exact, at + 1)) {
    const context = contextSimilarity(quote, body, at, at + exact.length);
    if (at === quote.oldStart) atOldPosition = context;
    const better =
      !best ||
      context > best.context + 1e-9 ||
      (Math.abs(context - best.context) <= 1e-9 &&
        distanceFromOld(quote, at) < distanceFromOld(quote, best.start));
    if (better) best = { start: at, context };
  }
  if (!best) return undefined;
  // A short quote found only amid changed words may be a different occurrence of the same
  // words (the annotated sentence gone, "the U.S." elsewhere): orphan rather than guess.
  if (exact.length < opts.shortQuoteLength && best.context < MIN_CONTEXT) return 'context-lost';
  if (atOldPosition !== undefined && atOldPosition >= best.context - 1e-9) {
    return {
      status: 'exact-position',
      start: quote.oldStart,
      end: quote.oldStart + exact.length,
      score: scoreOf(1, atOldPosition),
    };
  }
  return {
    status: 'exact-quote',
    start: best.start,
    end: best.start + exact.length,
    score: scoreOf(1, best.context),
  };
}

/** The quote counts most; context settles between similar passages. */
function scoreOf(quoteSimilarity: number, context: number): number {
  return 0.75 * quoteSimilarity + 0.25 * context;
}

interface Candidate extends ApproximateMatch {
  quoteSimilarity: number;
  context: number;
  score: number;
}

function anchorFuzzy(
  quote: Quote,
  body: string,
  opts: Required<ReanchorOptions>,
): Anchored | 'ambiguous' | undefined {
  const m = quote.exact.length;
  if (m < MIN_FUZZY_LENGTH) return undefined;
  const maxErrors = Math.floor(m * (1 - opts.minQuoteSimilarity));
  const rank = (matches: ApproximateMatch[]): Candidate[] =>
    matches
      .map((match) => {
        const quoteSimilarity = 1 - match.errors / m;
        const context = contextSimilarity(quote, body, match.start, match.end);
        return { ...match, quoteSimilarity, context, score: scoreOf(quoteSimilarity, context) };
      })
      .sort(
        (a, b) =>
          b.score - a.score || distanceFromOld(quote, a.start) - distanceFromOld(quote, b.start),
      );

  // Near the old position first: most edits leave a span where it was, and it is cheap.
  if (quote.oldStart >= 0) {
    const from = Math.max(0, quote.oldStart - NEAR_RADIUS);
    const to = Math.min(body.length, quote.oldStart + m + NEAR_RADIUS);
    const near = rank(findApproximate(body, quote.exact, maxErrors, from, to));
    const chosen = decide(near, opts);
    if (chosen && chosen !== 'ambiguous' && chosen.context >= MIN_CONTEXT)
      return fuzzyAnchor(chosen);
  }
  const chosen = decide(rank(findApproximate(body, quote.exact, maxErrors)), opts);
  return chosen && chosen !== 'ambiguous' ? fuzzyAnchor(chosen) : chosen;
}

function fuzzyAnchor(candidate: Candidate): Anchored {
  return { status: 'fuzzy', start: candidate.start, end: candidate.end, score: candidate.score };
}

/** The best candidate, unless another one elsewhere is about as good. */
function decide(
  ranked: Candidate[],
  opts: Required<ReanchorOptions>,
): Candidate | 'ambiguous' | undefined {
  const [best, ...rest] = ranked;
  if (!best) return undefined;
  const rival = rest.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && best.score - rival.score < opts.ambiguityMargin) return 'ambiguous';
  return best;
}
