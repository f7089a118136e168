import type { ProposedArticle } from '../../shared/api';

/** A proposed article with plain defaults, for tests that save articles directly. */
export function proposedArticle(
  fields: Partial<ProposedArticle> & { paragraphs: string[] },
): ProposedArticle {
  return {
    headline: 'Talks resume in Muscat',
    headlineGuessed: false,
    deck: null,
    byline: null,
    outlet: 'CGTN',
    outletDomain: null,
    publishedAt: null,
    url: null,
    subheads: [],
    captions: [],
    ...fields,
  };
}
