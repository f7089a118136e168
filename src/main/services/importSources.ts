import type { ImportProposal, ImportSource, ProposedArticle } from '../../shared/api';
import { proposeImport } from '../import/proposeImport';
import { readImportSource } from '../import/readImportSource';

/** Reads and cleans a source into the articles Parallax would save; writes nothing. */
export async function previewImport(
  source: ImportSource,
  outlet?: string,
): Promise<ImportProposal> {
  return withoutDirectionControls(proposeImport(await readImportSource(source), { outlet }));
}

/**
 * Direction embeddings, overrides and isolates: invisible, they make text display
 * in another order than it reads (a headline shown reversed, a note that hides words).
 * import:commit refuses them, so the preview takes them out of what it proposes.
 */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The proposal with direction controls gone from every text it proposes to save, and a warning if any were. */
export function withoutDirectionControls(proposal: ImportProposal): ImportProposal {
  let removed = 0;
  const clean = (text: string): string =>
    text.replace(DIRECTION_CONTROLS, () => {
      removed++;
      return '';
    });
  const cleanOrNull = (text: string | null) => (text === null ? null : clean(text));
  const articles = proposal.articles.map((article): ProposedArticle => ({
    ...article,
    headline: clean(article.headline),
    deck: cleanOrNull(article.deck),
    byline: cleanOrNull(article.byline),
    outlet: clean(article.outlet),
    outletDomain: cleanOrNull(article.outletDomain),
    paragraphs: article.paragraphs.map(clean),
    captions: article.captions.map(clean),
  }));
  const sourceName = cleanOrNull(proposal.sourceName);
  if (removed === 0) return proposal;
  const name = sourceName ?? 'The text';
  const count = removed === 1 ? 'a text-direction control' : `${removed} text-direction controls`;
  return {
    ...proposal,
    articles,
    sourceName,
    warnings: [
      ...proposal.warnings,
      `${name} held ${count} (invisible characters that can make text display out of order); Parallax removed ${removed === 1 ? 'it' : 'them'}.`,
    ],
  };
}
