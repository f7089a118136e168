import { splitParagraphs } from '../../core/canonicalText';
import type { ImportProposal } from '../../shared/api';
import type { VersionView } from '../../shared/domain';
import { compareTexts, type TextComparison } from '../../core/engine/compareTexts';
import type { Sentence } from '../../core/engine/types';
import { UNKNOWN_OUTLET } from '../import/proposeImport';
import { wordVectors } from '../engine/wordVectorsFile';

/** One side of a comparison as exported: enough to read it without the library. */
export interface ComparisonSide {
  source: 'library' | 'file';
  versionId: string | null;
  outlet: string;
  headline: string;
  deck: string | null;
  byline: string | null;
  publishedAt: string | null;
  capturedAt: string | null;
  paragraphs: string[];
  captions: string[];
}

export interface ComparisonDocument extends Omit<TextComparison, 'a' | 'b'> {
  title: string;
  /** Each side with its sentences; offsets refer to its paragraphs joined by blank lines. */
  a: ComparisonSide & { sentences: Sentence[] };
  b: ComparisonSide & { sentences: Sentence[] };
}

export function sideFromVersion(view: VersionView): ComparisonSide {
  const { version } = view;
  return {
    source: 'library',
    versionId: version.id,
    outlet: view.outlet.name,
    headline: version.headline,
    deck: version.deck,
    byline: version.byline,
    publishedAt: version.publishedAt,
    capturedAt: version.capturedAt,
    paragraphs: splitParagraphs(version.body),
    captions: version.captions,
  };
}

/**
 * A file or page read for this comparison only. A page holding several articles
 * is compared as one text: all bodies in order, captions kept apart.
 */
export function sideFromProposal(proposal: ImportProposal): ComparisonSide {
  const [first, ...rest] = proposal.articles;
  if (!first) throw new Error('a proposal always holds at least one article');
  return {
    source: 'file',
    versionId: null,
    // Unnamed files are told apart by their names.
    outlet: first.outlet === UNKNOWN_OUTLET ? (proposal.sourceName ?? first.outlet) : first.outlet,
    headline: rest.length
      ? `${first.headline} (and ${rest.length} more article${rest.length > 1 ? 's' : ''})`
      : first.headline,
    deck: first.deck,
    byline: first.byline,
    publishedAt: first.publishedAt,
    capturedAt: null,
    paragraphs: proposal.articles.flatMap((a) => a.paragraphs),
    captions: proposal.articles.flatMap((a) => a.captions),
  };
}

/** Both sides compared: sentences, links, what only one side says, lens coverage, voices. */
export function comparisonDocument(
  a: ComparisonSide,
  b: ComparisonSide,
  lenses: readonly { name: string; terms: string[] }[] = [],
): ComparisonDocument {
  const compared = compareTexts(a.paragraphs.join('\n\n'), b.paragraphs.join('\n\n'), lenses, {
    vectors: wordVectors(),
  });
  return {
    title: `${a.outlet} vs ${b.outlet}`,
    ...compared,
    a: { ...a, sentences: compared.a.sentences },
    b: { ...b, sentences: compared.b.sentences },
  };
}
