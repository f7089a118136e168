import { splitParagraphs } from '../../core/canonicalText';
import type { VersionView } from '../../shared/domain';

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

export interface ComparisonDocument {
  title: string;
  a: ComparisonSide;
  b: ComparisonSide;
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

export function sideFromText(label: string, headline: string, body: string): ComparisonSide {
  return {
    source: 'file',
    versionId: null,
    outlet: label,
    headline,
    deck: null,
    byline: null,
    publishedAt: null,
    capturedAt: null,
    paragraphs: splitParagraphs(body),
    captions: [],
  };
}

export function comparisonDocument(a: ComparisonSide, b: ComparisonSide): ComparisonDocument {
  return { title: `${a.outlet} vs ${b.outlet}`, a, b };
}
