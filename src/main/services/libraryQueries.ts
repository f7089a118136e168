import type { LibraryOverview } from '../../shared/api';
import type { VersionSummary, VersionView } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';

/** A version with its article, outlet and story; a clear error when the id is unknown. */
export function versionView(library: Library, id: string): VersionView {
  const version = library.versions.get(id);
  if (!version) throw new UserError(`There is no version ${id} in this library.`);
  const article = library.articles.get(version.articleId);
  const outlet = article && library.outlets.get(article.outletId);
  if (!article || !outlet) throw new Error(`version ${id} has no article or outlet`);
  const story = article.storyId ? (library.stories.get(article.storyId) ?? null) : null;
  return { version, article, outlet, story };
}

/** Stories → articles (by outlet) → versions, plus articles in no story. */
export function libraryOverview(library: Library): LibraryOverview {
  const outlets = new Map(library.outlets.list().map((o) => [o.id, o]));
  const versionsByArticle = new Map<string, VersionSummary[]>();
  for (const v of library.versions.listAll()) {
    versionsByArticle.set(v.articleId, [...(versionsByArticle.get(v.articleId) ?? []), v]);
  }
  const entries = library.articles.list().map((article) => ({
    article,
    outlet: outlets.get(article.outletId)!,
    versions: versionsByArticle.get(article.id) ?? [],
  }));
  const byOutletName = (x: { outlet: { name: string } }, y: { outlet: { name: string } }) =>
    x.outlet.name.localeCompare(y.outlet.name);
  return {
    stories: library.stories.list().map((story) => ({
      story,
      articles: entries.filter((e) => e.article.storyId === story.id).sort(byOutletName),
    })),
    unfiled: entries.filter((e) => e.article.storyId === null).sort(byOutletName),
  };
}
