// Test support: a new version of an article saved the way an import saves it.
import { expect } from 'vitest';
import type { Version } from '../../shared/domain';
import type { Library } from '../db/library';
import { saveArticles } from '../services/saveArticles';
import { proposedArticle } from './proposedArticle';

/** Saves `body` as the next version of `version`'s article, through the import path. */
export function saveNextVersion(
  library: Library,
  version: Version,
  body: string,
): Version & { message: string } {
  const article = library.articles.get(version.articleId)!;
  const [saved] = saveArticles(library, {
    articles: [
      proposedArticle({
        outlet: library.outlets.get(article.outletId)!.name,
        headline: version.headline,
        paragraphs: body.split('\n\n'),
        captions: version.captions,
      }),
    ],
    rawInput: body,
    sourceKind: 'paste',
    sourceName: null,
  });
  expect(saved).toMatchObject({ created: true, articleId: version.articleId });
  return { ...library.versions.get(saved!.versionId)!, message: saved!.message };
}
