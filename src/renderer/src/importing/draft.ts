// The import preview as the user edits it: the proposal's articles with their
// fields as editable strings, and the split adjustments (merge, split). Pure
// functions over plain data, so the dialog's reducer stays small and testable.
import { countWords } from '../../../core/canonicalText';
import type { ImportProposal, ProposedArticle } from '../../../shared/api';

/** A paragraph that became a headline when the user split there; a merge puts it back. */
export interface LiftedParagraph {
  text: string;
  subhead: boolean;
}

export interface DraftArticle {
  key: string;
  include: boolean;
  headline: string;
  /** The headline Parallax made from the opening words, while the user has not changed it. */
  guessedHeadline: string | null;
  deck: string;
  byline: string;
  outlet: string;
  outletDomain: string | null;
  /** yyyy-mm-dd as the user sees and edits it. */
  publishedAt: string;
  /** The proposal's value, kept when the user leaves the date alone (it may carry a time). */
  publishedAtOriginal: string | null;
  url: string | null;
  paragraphs: string[];
  /** Indices into `paragraphs` of the subheads, ascending. */
  subheads: number[];
  captions: string[];
  liftedParagraph: LiftedParagraph | null;
}

/** One read source (a file, the pasted text, a page) and the articles proposed from it. */
export interface DraftSource {
  key: string;
  name: string | null;
  sourceKind: ImportProposal['sourceKind'];
  rawInput: string;
  warnings: string[];
  changes: ImportProposal['changes'];
  articles: DraftArticle[];
}

let nextKey = 1;
const newKey = (prefix: string): string => `${prefix}-${nextKey++}`;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The date part of an ISO date or timestamp; other text as it is. */
function dateForInput(value: string | null): string {
  if (value === null) return '';
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(value.trim());
  return match ? match[1]! : value.trim();
}

export function draftArticle(article: ProposedArticle): DraftArticle {
  return {
    key: newKey('article'),
    include: true,
    headline: article.headline,
    guessedHeadline: article.headlineGuessed ? article.headline : null,
    deck: article.deck ?? '',
    byline: article.byline ?? '',
    outlet: article.outlet,
    outletDomain: article.outletDomain,
    publishedAt: dateForInput(article.publishedAt),
    publishedAtOriginal: article.publishedAt,
    url: article.url,
    paragraphs: article.paragraphs,
    subheads: [...article.subheads].sort((a, b) => a - b),
    captions: article.captions,
    liftedParagraph: null,
  };
}

export function draftSource(proposal: ImportProposal): DraftSource {
  return {
    key: newKey('source'),
    name: proposal.sourceName,
    sourceKind: proposal.sourceKind,
    rawInput: proposal.rawInput,
    warnings: proposal.warnings,
    changes: proposal.changes,
    articles: proposal.articles.map(draftArticle),
  };
}

/**
 * Appends article `index` to the one before it: paragraphs, subheads (re-indexed)
 * and captions. The previous article keeps its headline and other metadata; a
 * paragraph lifted into a headline by "Split here" goes back where it was.
 */
export function mergeWithPrevious(articles: DraftArticle[], index: number): DraftArticle[] {
  const previous = articles[index - 1];
  const current = articles[index];
  if (index < 1 || !previous || !current) return articles;
  const restored = current.liftedParagraph;
  const appended = restored ? [restored.text, ...current.paragraphs] : current.paragraphs;
  const offset = previous.paragraphs.length;
  const shift = restored ? 1 : 0;
  const merged: DraftArticle = {
    ...previous,
    paragraphs: [...previous.paragraphs, ...appended],
    subheads: [
      ...previous.subheads,
      ...(restored?.subhead ? [offset] : []),
      ...current.subheads.map((i) => i + offset + shift),
    ],
    captions: [...previous.captions, ...current.captions],
  };
  return [...articles.slice(0, index - 1), merged, ...articles.slice(index + 1)];
}

/** Words a split-off paragraph may have and still read as a headline. */
const HEADLINE_MAX_WORDS = 16;
const HEADLINE_MAX_CHARS = 160;

/** A short line without closing punctuation reads as a headline; a sentence does not. */
export function readsAsHeadline(paragraph: string): boolean {
  const text = paragraph.trim();
  return (
    text !== '' &&
    text.length <= HEADLINE_MAX_CHARS &&
    countWords(text) <= HEADLINE_MAX_WORDS &&
    !/[.,;:!?…]["'”’)\]]*$/.test(text)
  );
}

/**
 * Starts a new article at paragraph `paragraphIndex` of article `index`. When
 * that paragraph reads as a headline it becomes the new article's headline;
 * otherwise the headline is left empty for the user to write. Captions stay with
 * the first part (nothing says where they belong); the new part has its own
 * article identity (no URL), the same outlet and date.
 */
export function splitAt(
  articles: DraftArticle[],
  index: number,
  paragraphIndex: number,
): DraftArticle[] {
  const article = articles[index];
  if (!article || paragraphIndex < 1 || paragraphIndex >= article.paragraphs.length) {
    return articles;
  }
  const first = article.paragraphs[paragraphIndex]!;
  const lift = readsAsHeadline(first);
  const bodyStart = lift ? paragraphIndex + 1 : paragraphIndex;
  const head: DraftArticle = {
    ...article,
    paragraphs: article.paragraphs.slice(0, paragraphIndex),
    subheads: article.subheads.filter((i) => i < paragraphIndex),
  };
  const tail: DraftArticle = {
    ...article,
    key: newKey('article'),
    headline: lift ? first.trim() : '',
    deck: '',
    byline: '',
    url: null,
    paragraphs: article.paragraphs.slice(bodyStart),
    subheads: article.subheads.filter((i) => i >= bodyStart).map((i) => i - bodyStart),
    captions: [],
    liftedParagraph: lift
      ? { text: first, subhead: article.subheads.includes(paragraphIndex) }
      : null,
  };
  return [...articles.slice(0, index), head, tail, ...articles.slice(index + 1)];
}

export function isValidDate(value: string): boolean {
  if (!DATE_ONLY.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type DraftField = 'headline' | 'outlet' | 'publishedAt' | 'body';

export interface DraftProblem {
  field: DraftField;
  message: string;
}

/** What stops an article from being saved, in words for the reader. */
export function articleProblems(article: DraftArticle): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (article.headline.trim() === '') {
    problems.push({ field: 'headline', message: 'Write a headline: every article needs one.' });
  }
  if (article.outlet.trim() === '') {
    problems.push({ field: 'outlet', message: 'Name the outlet this article comes from.' });
  }
  const date = article.publishedAt.trim();
  if (date !== '' && !isValidDate(date)) {
    problems.push({
      field: 'publishedAt',
      message: 'Write the date as yyyy-mm-dd (for example 2026-02-06), or leave it empty.',
    });
  }
  if (article.paragraphs.every((p) => p.trim() === '')) {
    problems.push({
      field: 'body',
      message: 'This article has no body text: merge it with the previous one or leave it out.',
    });
  }
  return problems;
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The article as import:commit takes it. */
export function toProposedArticle(article: DraftArticle): ProposedArticle {
  const date = article.publishedAt.trim();
  const original = article.publishedAtOriginal;
  return {
    headline: article.headline.trim(),
    headlineGuessed:
      article.guessedHeadline !== null && article.headline.trim() === article.guessedHeadline,
    deck: orNull(article.deck),
    byline: orNull(article.byline),
    outlet: article.outlet.trim(),
    outletDomain: article.outletDomain,
    // An untouched date keeps the proposal's full value (an HTML page may give a time).
    publishedAt: date !== '' && date === dateForInput(original) ? original : orNull(date),
    url: article.url,
    paragraphs: article.paragraphs,
    subheads: article.subheads,
    captions: article.captions,
  };
}

export interface ArticleText {
  headline: string;
  deck: string | null;
  byline: string | null;
  paragraphs: string[];
  captions: string[];
}

/** The cleaned text of articles as it is stored: what the raw-vs-cleaned diff compares against. */
export function cleanedText(articles: ArticleText[]): string {
  return articles
    .map((a) =>
      [a.headline, a.deck ?? '', a.byline ?? '', ...a.paragraphs, ...a.captions]
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .join('\n\n'),
    )
    .join('\n\n');
}

export function draftText(article: DraftArticle): ArticleText {
  return {
    headline: article.headline,
    deck: article.deck,
    byline: article.byline,
    paragraphs: article.paragraphs,
    captions: article.captions,
  };
}

export interface ArticleCounts {
  paragraphs: number;
  words: number;
  captions: number;
}

export function articleCounts(article: DraftArticle): ArticleCounts {
  return {
    paragraphs: article.paragraphs.length,
    words: article.paragraphs.reduce((sum, p) => sum + countWords(p), 0),
    captions: article.captions.length,
  };
}
