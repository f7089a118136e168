// What the import proposes is what import:commit takes: a reader who changes nothing
// can always save it, from the app or the CLI.
import type { ImportProposal, ProposedArticle } from '../../shared/api';
import { isPublishedDate } from '../../shared/domain';
import { DIRECTION_CONTROLS } from '../../shared/unsavedCharacters';

/** Invisible, they make text display out of order (a headline shown reversed, words hidden). */
const DIRECTION_CONTROL = new RegExp(`[${DIRECTION_CONTROLS}]`, 'g');

/**
 * The proposal as import:commit will take it, so a reader who changes nothing can
 * always save it: direction controls gone from every text (import:commit refuses them),
 * and a page's date that import:commit would not take (a time of "25:99") left empty;
 * each said in a warning.
 */
export function savableProposal(proposal: ImportProposal): ImportProposal {
  let removed = 0;
  const dropped: string[] = [];
  const clean = (text: string): string =>
    text.replace(DIRECTION_CONTROL, () => {
      removed++;
      return '';
    });
  const cleanOrNull = (text: string | null) => (text === null ? null : clean(text));
  const articles = proposal.articles.map((article): ProposedArticle => {
    const headline = clean(article.headline);
    const { publishedAt } = article;
    const badDate = publishedAt !== null && !isPublishedDate(publishedAt);
    if (badDate) dropped.push(`The date of "${headline}" ("${publishedAt}") is not a real date`);
    return {
      ...article,
      headline,
      deck: cleanOrNull(article.deck),
      byline: cleanOrNull(article.byline),
      outlet: clean(article.outlet),
      outletDomain: cleanOrNull(article.outletDomain),
      publishedAt: badDate ? null : publishedAt,
      paragraphs: article.paragraphs.map(clean),
      captions: article.captions.map(clean),
    };
  });
  const sourceName = cleanOrNull(proposal.sourceName);
  if (removed === 0 && dropped.length === 0) return proposal;
  const warnings = [...proposal.warnings];
  if (removed > 0) {
    const count = removed === 1 ? 'a text-direction control' : `${removed} text-direction controls`;
    warnings.push(
      `${sourceName ?? 'The text'} held ${count} (invisible characters that can make text display out of order); Parallax removed ${removed === 1 ? 'it' : 'them'}.`,
    );
  }
  for (const problem of dropped) warnings.push(`${problem}; Parallax left it empty.`);
  return { ...proposal, articles, sourceName, warnings };
}
