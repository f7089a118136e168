import type { ProposedArticle, SavedArticle } from '../../shared/api';
import type { SourceKind, VersionSummary } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { hashSnapshot, type Snapshot } from '../db/repositories/VersionRepository';
import { carryAnnotations, type CarriedCounts } from './carryAnnotations';

export interface ArticlesToSave {
  articles: ProposedArticle[];
  story?: string | undefined;
  rawInput: string;
  sourceKind: SourceKind;
  sourceName: string | null;
}

/**
 * Saves proposed articles as versions, all in one transaction: every article is
 * saved, or none. The same content from the same outlet adds nothing; changed
 * content of a known article (same URL, or same outlet and headline) adds a
 * version to it.
 */
export function saveArticles(library: Library, input: ArticlesToSave): SavedArticle[] {
  input.articles.forEach((article, i) => {
    if (article.paragraphs.every((p) => p.trim() === '')) {
      throw new UserError(
        `Article ${i + 1} ("${article.headline}") has no body text; remove it or add its text.`,
      );
    }
  });
  return library.transaction(() => {
    const storyId = input.story?.trim() ? library.stories.findOrCreate(input.story).id : null;
    return input.articles.map((article) => saveOne(library, article, storyId, input));
  });
}

function saveOne(
  library: Library,
  proposed: ProposedArticle,
  storyId: string | null,
  input: ArticlesToSave,
): SavedArticle {
  const paragraphs = proposed.paragraphs.map((p) => p.trim());
  const snapshot: Snapshot = {
    headline: proposed.headline.trim(),
    deck: proposed.deck?.trim() || null,
    byline: proposed.byline?.trim() || null,
    publishedAt: proposed.publishedAt?.trim() || null,
    body: paragraphs.filter((p) => p !== '').join('\n\n'),
    // Subhead indices refer to the non-empty paragraphs.
    subheads: reindexSubheads(paragraphs, proposed.subheads),
    captions: proposed.captions,
    rawInput: input.rawInput,
    sourceKind: input.sourceKind,
    sourceName: input.sourceName,
  };
  const outlet = library.outlets.findOrCreate(proposed.outlet, proposed.outletDomain);
  const saved = { outlet: outlet.name, headline: snapshot.headline };
  const alreadyHave = (existing: VersionSummary): SavedArticle => {
    fileUnder(library, existing.articleId, storyId);
    return {
      ...saved,
      headline: existing.headline,
      articleId: existing.articleId,
      versionId: existing.id,
      created: false,
      message: `Already have this version of "${existing.headline}" (${outlet.name}, captured ${existing.capturedAt.slice(0, 10)}); nothing was added.`,
    };
  };
  const existing = library.versions.findByContent(outlet.id, hashSnapshot(snapshot));
  if (existing) return alreadyHave(existing);
  const sameBody = library.versions.findByBody(outlet.id, snapshot.body);
  // A headline Parallax made up is no reason for a new version of a text it already has.
  if (sameBody && proposed.headlineGuessed) return alreadyHave(sameBody);
  const url = proposed.url?.trim() || null;
  const article =
    (url ? library.articles.findByUrl(url) : undefined) ??
    library.articles.findByOutletAndHeadline(outlet.id, snapshot.headline) ??
    (sameBody ? library.articles.get(sameBody.articleId) : undefined) ??
    library.articles.create({ outletId: outlet.id, storyId, url });
  fileUnder(library, article.id, storyId);
  const version = library.versions.append(article.id, snapshot);
  // Inside the caller's transaction: the version and its carried annotations land together.
  const carried = version.seq > 1 ? carryAnnotations(library, version) : undefined;
  return {
    ...saved,
    articleId: article.id,
    versionId: version.id,
    created: true,
    message:
      version.seq === 1
        ? `Imported "${snapshot.headline}" from ${outlet.name} (${version.wordCount} words).`
        : `Added version ${version.seq} of "${snapshot.headline}" from ${outlet.name} (+${version.wordsAdded} / −${version.wordsRemoved} words).${describeCarried(carried)}`,
  };
}

/**
 * " 5 annotations carried over (1 by a close match, worth a check), 1 could not be
 * placed." or " 1 annotation could not be placed." — or nothing when there were none.
 */
function describeCarried(counts: CarriedCounts | undefined): string {
  if (!counts || counts.carried + counts.orphaned === 0) return '';
  const annotations = (n: number) => `${n} ${n === 1 ? 'annotation' : 'annotations'}`;
  if (counts.carried === 0) return ` ${annotations(counts.orphaned)} could not be placed.`;
  const fuzzy = counts.fuzzy > 0 ? ` (${counts.fuzzy} by a close match, worth a check)` : '';
  const orphaned = counts.orphaned > 0 ? `, ${counts.orphaned} could not be placed` : '';
  return ` ${annotations(counts.carried)} carried over${fuzzy}${orphaned}.`;
}

/** Files an article under the story given with the import, unless it is filed already. */
function fileUnder(library: Library, articleId: string, storyId: string | null): void {
  if (storyId === null) return;
  const article = library.articles.get(articleId);
  if (article && article.storyId === null) library.articles.fileUnderStory(articleId, storyId);
}

function reindexSubheads(paragraphs: string[], subheads: number[]): number[] {
  const newIndex: number[] = [];
  let next = 0;
  for (const p of paragraphs) newIndex.push(p === '' ? -1 : next++);
  return subheads.map((i) => newIndex[i] ?? -1).filter((i) => i >= 0);
}
