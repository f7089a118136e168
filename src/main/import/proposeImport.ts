import { firstDateInText } from '../../core/articleDates';
import { cleanupText, type CleanArticle } from '../../core/cleanup';
import { knownOutletByName, outletFromFileName, outletFromUrl } from '../../core/knownOutlets';
import type { ImportProposal, ProposedArticle } from '../../shared/api';
import { UserError } from '../../shared/result';
import { removeControlCharacters } from './controlCharacters';
import type { ExtractedDocument } from './extractedDocument';
import type { ReadSource } from './readImportSource';
import { savableProposal } from './savableProposal';

export const UNKNOWN_OUTLET = 'Unknown outlet';

/**
 * Turns a read source into the articles Parallax proposes to save: cleaned,
 * split, with metadata taken from the page where it says, guessed otherwise (and
 * then said in a warning), always editable before saving.
 */
export function proposeImport(
  given: ReadSource,
  hints: { outlet?: string | undefined } = {},
): ImportProposal {
  const name = given.sourceName ?? 'The text';
  const document = withoutControlCharacters(given.document, name);
  const read: ReadSource = { ...given, document };
  // Formats that mark their headings: one article, whose opening heading is its headline.
  const isOneArticle = read.format === 'html' || read.format === 'markdown';
  const cleaned = cleanupText(document.text, {
    // A web page's or Markdown file's article is one article; a text or PDF page may hold several.
    mode: isOneArticle ? 'article' : 'page',
    knownCaptions: document.captions,
    knownSubheads: document.subheads,
  });
  // A headline with no body under it is not an article to save.
  const withText = cleaned.articles.filter((article) =>
    article.paragraphs.some((p) => p.trim() !== ''),
  );
  const onlyHeadline = cleaned.articles.find((article) => article.headline)?.headline;
  if (withText.length === 0 && onlyHeadline) {
    throw new UserError(
      `${name} holds only a headline ("${onlyHeadline.slice(0, 80)}") and no article text under it.`,
    );
  }
  if (withText.length === 0) {
    throw new UserError(
      `${name} has no article text once captions and page furniture are set aside.`,
    );
  }
  const warnings = [...document.warnings, ...cleaned.warnings];
  const outlet = chooseOutlet(read, hints.outlet, warnings);
  // A web article's own <h1> comes first in its text: the headline. A Markdown file's
  // "# Heading" is its title already; only a file without one has its first heading lifted.
  const liftsHeading = isOneArticle && !(read.format === 'markdown' && document.title !== null);
  const articleTexts = liftsHeading ? withText.map(liftLeadingHeading) : withText;
  const articles = articleTexts.map((article, index) =>
    proposeArticle(article, index, read, outlet, warnings),
  );
  if (articles.length > 1) {
    warnings.unshift(`${name} holds ${articles.length} articles; check the split before saving.`);
  }
  return savableProposal({
    articles,
    warnings,
    changes: cleaned.changes,
    rawInput: read.rawInput,
    sourceKind: read.sourceKind,
    sourceName: read.sourceName,
  });
}

/** The document with control characters gone from every text field, and a warning if any were. */
function withoutControlCharacters(document: ExtractedDocument, name: string): ExtractedDocument {
  let removed = 0;
  const clean = (text: string): string => {
    const result = removeControlCharacters(text);
    removed += result.removed;
    return result.text;
  };
  const cleanOrNull = (text: string | null) => (text === null ? null : clean(text));
  const cleaned: ExtractedDocument = {
    ...document,
    text: clean(document.text),
    captions: document.captions.map(clean),
    subheads: document.subheads.map(clean),
    title: cleanOrNull(document.title),
    byline: cleanOrNull(document.byline),
  };
  if (removed === 0) return cleaned;
  const count = removed === 1 ? 'a control character' : `${removed} control characters`;
  return {
    ...cleaned,
    warnings: [
      ...cleaned.warnings,
      `${name} held ${count} (invisible, not text); Parallax removed ${removed === 1 ? 'it' : 'them'}.`,
    ],
  };
}

function chooseOutlet(
  read: ReadSource,
  given: string | undefined,
  warnings: string[],
): { name: string; domain: string | null } {
  if (given?.trim()) return { name: given.trim(), domain: null };
  const { document } = read;
  const fromUrl = document.url ? outletFromUrl(document.url) : null;
  const fromSiteName = document.siteName
    ? (knownOutletByName(document.siteName) ?? {
        name: document.siteName,
        domain: fromUrl?.domain ?? null,
      })
    : null;
  // A known outlet's domain wins; then the name the page gives itself; then the bare host.
  const found =
    (fromUrl?.known ? fromUrl : null) ??
    fromSiteName ??
    fromUrl ??
    (read.sourceName ? outletFromFileName(read.sourceName) : null);
  if (found) return { name: found.name, domain: found.domain };
  warnings.push(
    `Parallax could not tell the outlet; it is set to "${UNKNOWN_OUTLET}" — name it before saving.`,
  );
  return { name: UNKNOWN_OUTLET, domain: null };
}

function proposeArticle(
  article: CleanArticle,
  index: number,
  read: ReadSource,
  outlet: { name: string; domain: string | null },
  warnings: string[],
): ProposedArticle {
  const { document } = read;
  const given = article.headline ?? (index === 0 ? document.title : null);
  const headline = given ?? openingWords(article.paragraphs);
  if (given === null) {
    warnings.push(
      `Article ${index + 1} has no headline; Parallax used its opening words ("${headline}") — edit it.`,
    );
  }
  let publishedAt = document.publishedAt;
  if (publishedAt === null) {
    publishedAt = firstDateInText([...article.captions, ...article.paragraphs].join('\n'));
    if (publishedAt !== null) {
      warnings.push(
        `The date of "${headline}" (${publishedAt}) is the first date in its text, not a stated publication date — check it.`,
      );
    }
  }
  return {
    headline,
    headlineGuessed: given === null,
    deck: article.deck,
    byline: article.byline ?? document.byline,
    outlet: outlet.name,
    outletDomain: outlet.domain,
    publishedAt,
    url: document.url,
    paragraphs: article.paragraphs,
    subheads: article.subheads,
    captions: article.captions,
  };
}

function liftLeadingHeading(article: CleanArticle): CleanArticle {
  const [first, ...rest] = article.paragraphs;
  if (
    article.headline !== null ||
    article.subheads[0] !== 0 ||
    first === undefined ||
    rest.length === 0
  ) {
    return article;
  }
  return {
    ...article,
    headline: first,
    paragraphs: rest,
    subheads: article.subheads.slice(1).map((i) => i - 1),
  };
}

/** A stand-in headline: the first sentence's first dozen words. */
function openingWords(paragraphs: string[]): string {
  const first = paragraphs.find((p) => p.trim() !== '') ?? 'Untitled';
  const words = first.split(/\s+/);
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : first;
}
