// The cleanup of real-world article text: print pages extracted from PDF, web
// pages copied with their captions and chrome. Pure and deterministic; every
// change it makes is recorded as one of the kinds in types.ts, so it never
// invents or drops a body word silently.
import { canonicalText } from '../canonicalText';
import {
  indexSpellings,
  keepsHyphen,
  leadingWord,
  MAX_WORD_FRAGMENT,
  trailingHyphenFragment,
  type SpellingIndex,
} from './hyphenation';
import {
  continuesSentence,
  endsSentence,
  hasPositionMarker,
  isBoilerplate,
  isByline,
  isCaptionByItself,
  isCredit,
  isNameLine,
  isRoleLine,
  isTitleLike,
} from './lineKinds';
import { ChangeLog } from './changeLog';
import type { CleanArticle, CleanupOptions, CleanupResult } from './types';

type LineKind = 'boilerplate' | 'credit' | 'caption' | 'byline' | 'content';

interface Line {
  text: string;
  kind: LineKind;
}

/** Lines as a draft article collects them, before sentences are rejoined. */
interface DraftArticle {
  headline: string | null;
  deck: string | null;
  byline: string | null;
  /** Content lines before the byline when the byline came after some body text. */
  beforeByline: string[] | null;
  lines: string[];
  captions: string[];
}

export function cleanupText(input: string, options: CleanupOptions): CleanupResult {
  const changes = new ChangeLog();
  const warnings: string[] = [];
  const lines = classifyLines(splitLines(input), options);

  const dropped = lines.filter((l) => l.kind === 'boilerplate').map((l) => l.text);
  for (const text of dropped) changes.push({ kind: 'boilerplate', text });

  const drafts =
    options.mode === 'page' ? draftArticles(lines, changes) : [draftSingleArticle(lines, changes)];
  const knownSubheads = new Set(options.knownSubheads ?? []);
  // Built on the first hyphen break, once for the whole input.
  let index: SpellingIndex | undefined;
  const spellings = () => (index ??= indexSpellings(input));
  const articles = drafts
    .map((draft, i) => finishArticle(draft, i, spellings, knownSubheads, changes, warnings))
    // Captions alone make no article; they stay listed in `changes`.
    .filter((a) => a.paragraphs.length > 0 || a.headline !== null);
  return { articles, dropped, changes: changes.list(), warnings };
}

function splitLines(input: string): string[] {
  return canonicalText(input)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** Furniture first, by each line's own words and its neighbours. */
function classifyLines(texts: string[], options: CleanupOptions): Line[] {
  const knownCaptions = new Set(options.knownCaptions ?? []);
  const kinds: LineKind[] = texts.map((text) => {
    if (knownCaptions.has(text)) return 'caption';
    if (isBoilerplate(text)) return 'boilerplate';
    if (isCredit(text)) return 'credit';
    if (isCaptionByItself(text)) return 'caption';
    if (isByline(text)) return 'byline';
    return 'content';
  });
  texts.forEach((text, i) => {
    const next = texts[i + 1];
    // "Mohammad Ali Rajabi" / "Cartoonist": the name goes with the role line.
    if (kinds[i] === 'content' && next !== undefined && isRoleLine(next) && isNameLine(text))
      kinds[i] = 'boilerplate';
    // A line right before a photo credit is that photo's caption, if it reads like one.
    if (
      kinds[i] === 'content' &&
      kinds[i + 1] === 'credit' &&
      (hasPositionMarker(text) || !endsSentence(text) || /\b(?:19|20)\d\d\.?$/.test(text))
    ) {
      kinds[i] = 'caption';
    }
  });
  return texts.map((text, i) => ({ text, kind: kinds[i]! }));
}

const newDraft = (): DraftArticle => ({
  headline: null,
  deck: null,
  byline: null,
  beforeByline: null,
  lines: [],
  captions: [],
});

/**
 * A page → articles. An article opens with a headline: the page's first line when
 * it reads as one, or a title-like line followed by a deck or a byline. A title-like
 * line followed by body text is a subhead of the current article instead.
 */
function draftArticles(lines: Line[], changes: ChangeLog): DraftArticle[] {
  /** Index of the first line from `from` on that is not boilerplate, or -1. */
  const nextContent = (from: number) => {
    for (let j = from; j < lines.length; j++) if (lines[j]!.kind !== 'boilerplate') return j;
    return -1;
  };
  // A title-like line that the next line continues ("…where offi-" / "cials said…") is prose.
  const isTitle = (index: number) => {
    const line = lines[index];
    if (line?.kind !== 'content' || !isTitleLike(line.text) || line.text.endsWith('-'))
      return false;
    const after = lines[nextContent(index + 1)];
    return !(after?.kind === 'content' && continuesSentence(after.text));
  };
  const drafts: DraftArticle[] = [];
  let current = newDraft();
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'boilerplate') continue;
    if (isTitle(i)) {
      const nextIndex = nextContent(i + 1);
      const next = lines[nextIndex];
      const hasDeck =
        nextIndex !== -1 && isTitle(nextIndex) && !isTitle(nextContent(nextIndex + 1));
      const opensArticle =
        (!seenContent && current.lines.length === 0) || next?.kind === 'byline' || hasDeck;
      if (opensArticle) {
        if (!isEmptyDraft(current)) drafts.push(current);
        current = newDraft();
        current.headline = line.text;
        changes.push({ kind: 'headline', text: line.text });
        if (hasDeck || (next !== undefined && isTitle(nextIndex) && !seenContent)) {
          current.deck = next!.text;
          changes.push({ kind: 'deck', text: next!.text });
          i = nextIndex;
        }
        seenContent = true;
        continue;
      }
    }
    collect(current, line, changes);
    if (line.kind === 'content') seenContent = true;
  }
  drafts.push(current);
  return drafts;
}

const isEmptyDraft = (d: DraftArticle): boolean =>
  d.headline === null && d.byline === null && d.lines.length === 0 && d.captions.length === 0;

function draftSingleArticle(lines: Line[], changes: ChangeLog): DraftArticle {
  const draft = newDraft();
  for (const line of lines) if (line.kind !== 'boilerplate') collect(draft, line, changes);
  return draft;
}

function collect(draft: DraftArticle, line: Line, changes: ChangeLog): void {
  switch (line.kind) {
    case 'caption':
    case 'credit':
      draft.captions.push(line.text);
      changes.push({ kind: line.kind, text: line.text });
      return;
    case 'byline':
      changes.push({ kind: 'byline', text: line.text });
      if (draft.byline !== null) {
        draft.byline = `${draft.byline}; ${line.text}`;
        return;
      }
      draft.byline = line.text;
      // A byline after body text: what came before may be a column that jumped ahead.
      if (draft.lines.length > 0) {
        draft.beforeByline = draft.lines;
        draft.lines = [];
      }
      return;
    default:
      draft.lines.push(line.text);
  }
}

function finishArticle(
  draft: DraftArticle,
  index: number,
  spellings: () => SpellingIndex,
  knownSubheads: Set<string>,
  changes: ChangeLog,
  warnings: string[],
): CleanArticle {
  const label = draft.headline ? `"${draft.headline}"` : `article ${index + 1}`;
  const lines = restoreColumnOrder(draft, label, changes, warnings);
  const paragraphs = rejoinBrokenSentences(lines, spellings, changes);
  if (paragraphs[0] !== undefined && continuesSentence(paragraphs[0])) {
    warnings.push(
      `${label} starts mid-sentence ("${paragraphs[0].slice(0, 40)}…"): part of it may be missing or out of order.`,
    );
  }
  const subheads = paragraphs.flatMap((p, i) => {
    const next = paragraphs[i + 1];
    const isSubhead =
      knownSubheads.has(p) || (next !== undefined && isTitleLike(p) && !isTitleLike(next));
    if (isSubhead) changes.push({ kind: 'subhead', text: p });
    return isSubhead ? [i] : [];
  });
  return {
    headline: draft.headline,
    deck: draft.deck,
    byline: draft.byline,
    paragraphs,
    subheads,
    captions: draft.captions,
  };
}

/**
 * A column jump puts the end of a story before its start (the byline then comes
 * after body text). The evidence is clear when the text before the byline starts
 * mid-sentence and the text after it ends mid-sentence: then the two halves are
 * swapped. Otherwise the order is kept, with a warning.
 */
function restoreColumnOrder(
  draft: DraftArticle,
  label: string,
  changes: ChangeLog,
  warnings: string[],
): string[] {
  const before = draft.beforeByline;
  if (before === null) return draft.lines;
  const startsMidSentence = continuesSentence(before[0]!);
  const last = draft.lines[draft.lines.length - 1];
  const endsMidSentence = last !== undefined && !endsSentence(last);
  if (startsMidSentence && endsMidSentence) {
    changes.push({ kind: 'reordered', text: before.join('\n') });
    return [...draft.lines, ...before];
  }
  if (startsMidSentence || endsMidSentence) {
    warnings.push(
      `${label}: its byline comes after body text, so part of it may be out of order; check it before saving.`,
    );
  }
  return [...before, ...draft.lines];
}

/**
 * A paragraph being rejoined from lines, as its pieces. Checking the whole
 * paragraph for each line joined (or building it by concatenation) is quadratic
 * in a sentence cut into thousands of lines, so the checks read its end only.
 */
interface GrowingParagraph {
  pieces: string[];
  length: number;
  /** At least the paragraph's last TAIL_LENGTH characters (or all of it), at most twice that. */
  tail: string;
}

/** Enough for a hyphen fragment and the character before it. */
const TAIL_LENGTH = MAX_WORD_FRAGMENT + 2;

const startParagraph = (line: string): GrowingParagraph => ({
  pieces: [line],
  length: line.length,
  tail: line.slice(-TAIL_LENGTH),
});

function append(paragraph: GrowingParagraph, piece: string): void {
  paragraph.pieces.push(piece);
  paragraph.length += piece.length;
  // Trimmed only when twice as long as needed, so each character is copied a bounded number of times.
  const tail = paragraph.tail + piece;
  paragraph.tail = tail.length > 2 * TAIL_LENGTH ? tail.slice(-TAIL_LENGTH) : tail;
}

/** The paragraph without its last character (a break hyphen being dropped). */
function dropLastCharacter(paragraph: GrowingParagraph): void {
  const last = paragraph.pieces.length - 1;
  paragraph.pieces[last] = paragraph.pieces[last]!.slice(0, -1);
  paragraph.tail = paragraph.tail.slice(0, -1);
  paragraph.length -= 1;
}

/** The whole text, for a paragraph short enough to be a title; null when longer. */
const shortText = (p: GrowingParagraph): string | null =>
  p.length <= 140 ? p.pieces.join('') : null;

/** Joins lines that are pieces of one sentence, and words hyphenated across a break. */
function rejoinBrokenSentences(
  lines: string[],
  spellings: () => SpellingIndex,
  changes: ChangeLog,
): string[] {
  const paragraphs: GrowingParagraph[] = [];
  for (const line of lines) {
    const previous = paragraphs[paragraphs.length - 1];
    const previousText = previous === undefined ? null : shortText(previous);
    if (
      previous === undefined ||
      // A paragraph ends as its last line does: lines are joined by a space or at a hyphen.
      endsSentence(previous.pieces.at(-1)!) ||
      !continuesSentence(line) ||
      (previousText !== null && isTitleLike(previousText) && !/^[\p{Ll}]/u.test(line))
    ) {
      paragraphs.push(startParagraph(line));
      continue;
    }
    const last = previous.pieces.at(-1)!;
    const fragment = last.endsWith('-') ? trailingHyphenFragment(previous.tail) : null;
    const second = leadingWord(line);
    if (fragment !== null && second !== '' && /^\p{Ll}/u.test(second)) {
      const keep = keepsHyphen({ first: fragment, second }, spellings());
      if (!keep) dropLastCharacter(previous);
      append(previous, line);
      changes.record('joined-hyphenation', () => ({
        kind: 'joined-hyphenation',
        text: `${fragment}- ${second}`,
        result: keep ? `${fragment}-${second}` : `${fragment}${second}`,
      }));
    } else {
      changes.record('rejoined-sentence', () => ({
        kind: 'rejoined-sentence',
        text: `${previous.tail.slice(-30)} / ${line.slice(0, 30)}`,
      }));
      append(previous, ' ');
      append(previous, line);
    }
  }
  return paragraphs.map((p) => p.pieces.join(''));
}
