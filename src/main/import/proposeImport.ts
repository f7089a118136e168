import { firstDateInText } from '../../core/articleDates';
import { cleanupText, type CleanArticle } from '../../core/cleanup';
import { knownOutletByName, outletFromFileName, outletFromUrl } from '../../core/knownOutlets';
import type { ImportProposal, ProposedArticle } from '../../shared/api';
import { UserError } from '../../shared/result';
import type { ReadSource } from './readImportSource';

export const UNKNOWN_OUTLET = 'Unknown outlet';

/**
 * Turns a read source into the articles Parallax proposes to save: cleaned,
 * split, with metadata taken from the page where it says, guessed otherwise (and
 * then said in a warning), always editable before saving.
 */
export function proposeImport(
  read: ReadSource,
  hints: { outlet?: string | undefined } = {},
): ImportProposal {
  const { document } = read;
  const cleaned = cleanupText(document.text, {
    // A web page's article is one article; a text or PDF page may hold several.
    mode: read.format === 'html' ? 'article' : 'page',
    knownCaptions: document.captions,
    knownSubheads: document.subheads,
  });
  const name = read.sourceName ?? 'The text';
  if (cleaned.articles.length === 0) {
    throw new UserError(
      `${name} has no article text once captions and page furniture are set aside.`,
    );
  }
  const warnings = [...document.warnings, ...cleaned.warnings];
  const outlet = chooseOutlet(read, hints.outlet, warnings);
  // A web article's own <h1> comes first in its text, as a heading: it is the headline.
  const articleTexts =
    read.format === 'html' ? cleaned.articles.map(liftLeadingHeading) : cleaned.articles;
  const articles = articleTexts.map((article, index) =>
    proposeArticle(article, index, read, outlet, warnings),
  );
  if (articles.length > 1) {
    warnings.unshift(`${name} holds ${articles.length} articles; check the split before saving.`);
  }
  return {
    articles,
    warnings,
    changes: cleaned.changes,
    rawInput: read.rawInput,
    sourceKind: read.sourceKind,
    sourceName: read.sourceName,
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
