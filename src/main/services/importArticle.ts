import { dropLeadingParagraphs, splitParagraphs } from '../../core/canonicalText';
import { readPlainTextArticle } from '../../core/plainTextArticle';
import { MAX_IMPORT_CHARS } from '../../shared/api';
import type { SourceKind } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { hashSnapshot, type Snapshot } from '../db/repositories/VersionRepository';

export interface ArticleInput {
  text: string;
  outlet: string;
  outletDomain?: string | null | undefined;
  story?: string | undefined;
  headline?: string | undefined;
  deck?: string | null | undefined;
  byline?: string | undefined;
  publishedAt?: string | undefined;
  url?: string | undefined;
  captions?: string[] | undefined;
  sourceKind: SourceKind;
  sourceName?: string | undefined;
}

export interface ImportOutcome {
  articleId: string;
  versionId: string;
  created: boolean;
  message: string;
  headline: string;
  body: string;
  captions: string[];
  outlet: string;
}

/** Checks that `text` is article text at all; throws one message naming the problem. */
export function checkArticleText(text: string, sourceName?: string): void {
  const what = sourceName ? `${sourceName}` : 'The text';
  if (text.length > MAX_IMPORT_CHARS)
    throw new UserError(`${what} is over 20 MB; split it before importing.`);
  if (text.includes('\u0000')) throw new UserError(`${what} looks like a binary file, not text.`);
  if (text.trim() === '')
    throw new UserError(`${what} is empty: there is no article text to import.`);
}

/**
 * Adds an article version to the library, in one transaction. The same content
 * from the same outlet adds nothing; changed content of a known article (same
 * URL, or same outlet and headline) adds a version to it.
 */
export function importArticle(library: Library, input: ArticleInput): ImportOutcome {
  checkArticleText(input.text, input.sourceName);
  const parsed = readPlainTextArticle(input.text);
  const headline = input.headline?.trim() || parsed.headline;
  // When the caller names the headline, the text is all body unless it opens with that headline.
  const bodyText = input.headline && parsed.headline !== headline ? input.text : parsed.body;
  // Stored with one blank line between paragraphs, whatever the input used; a deck or
  // byline given separately is metadata, not body, where the text opens with it.
  const body = dropLeadingParagraphs(splitParagraphs(bodyText), [input.deck, input.byline]).join(
    '\n\n',
  );
  const snapshot: Snapshot = {
    headline,
    deck: input.deck?.trim() || null,
    byline: input.byline?.trim() || null,
    publishedAt: input.publishedAt?.trim() || null,
    body,
    captions: input.captions ?? [],
    rawInput: input.text,
    sourceKind: input.sourceKind,
    sourceName: input.sourceName ?? null,
  };
  const sha256 = hashSnapshot(snapshot);
  const url = input.url?.trim() || null;

  return library.transaction(() => {
    const outlet = library.outlets.findOrCreate(input.outlet, input.outletDomain ?? null);
    const outcome = { headline, body, captions: snapshot.captions, outlet: outlet.name };
    const existing = library.versions.findByContent(outlet.id, sha256);
    if (existing) {
      return {
        ...outcome,
        articleId: existing.articleId,
        versionId: existing.id,
        created: false,
        message: `Already have this version of "${headline}" (${outlet.name}, captured ${existing.capturedAt.slice(0, 10)}); nothing was added.`,
      };
    }
    const storyId = input.story?.trim() ? library.stories.findOrCreate(input.story).id : null;
    const article =
      (url ? library.articles.findByUrl(url) : undefined) ??
      library.articles.findByOutletAndHeadline(outlet.id, headline) ??
      library.articles.create({ outletId: outlet.id, storyId, url });
    const version = library.versions.append(article.id, snapshot);
    return {
      ...outcome,
      articleId: article.id,
      versionId: version.id,
      created: true,
      message:
        version.seq === 1
          ? `Imported "${headline}" from ${outlet.name} (${version.wordCount} words).`
          : `Added version ${version.seq} of "${headline}" from ${outlet.name}.`,
    };
  });
}
