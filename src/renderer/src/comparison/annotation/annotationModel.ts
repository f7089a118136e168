// What the annotation UI derives from annotations and codebooks: the W3C
// selectors of a new span, where a saved one points, the sidebar's groups and
// the marks the aligned view paints. Pure, so it is tested without a DOM.
import { coderOf } from '../../../../core/agreement/codedText';
import { selectorsFor as anchoringSelectorsFor } from '../../../../core/anchoring/selectors';
import { UNCODED_COLOR } from '../../../../shared/colors';
import type {
  Annotation,
  Code,
  Codebook,
  OrphanedAnnotation,
  Selector,
} from '../../../../shared/domain';
import type { Side, TextMark } from '../workspaceTypes';

export { UNCODED_COLOR };
export { UNNAMED_CODER } from '../../../../core/agreement/codedText';

/** Who made an annotation, named as agreement counts coders (the sidebar and the coders view). */
export const annotatorOf: (annotation: Annotation) => string = coderOf;

/** Everyone who made one of these annotations, by name. */
export function annotatorsOf(annotations: readonly Annotation[]): string[] {
  return [...new Set(annotations.map(annotatorOf))].sort((x, y) => x.localeCompare(y));
}

/** The annotations of one annotator; all of them for null. */
export function byAnnotator(annotations: Annotation[], annotator: string | null): Annotation[] {
  return annotator === null ? annotations : annotations.filter((a) => annotatorOf(a) === annotator);
}

/** A span of one side's body, in the offsets a TextPositionSelector holds. */
export interface Span {
  side: Side;
  start: number;
  end: number;
}

/** Both W3C selectors for body[start, end): the position, and the quote with its context. */
export function selectorsFor(body: string, start: number, end: number): Selector[] {
  const selectors = anchoringSelectorsFor(body, start, end);
  // Spans come from a selection the reader just made on this body: a bad one is a bug here.
  if ('error' in selectors) throw new Error(selectors.error);
  return selectors;
}

/** Where an annotation points in its version's body; null when it holds no position selector. */
export function positionOf(annotation: Annotation): { start: number; end: number } | null {
  const selector = annotation.selectors.find((s) => s.type === 'TextPositionSelector');
  return selector ? { start: selector.start, end: selector.end } : null;
}

/** The annotated text as it was quoted, whitespace collapsed, for the sidebar. */
export function quoteOf(annotation: Annotation): string {
  const selector = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
  return selector ? selector.exact.replace(/\s+/g, ' ').trim() : '';
}

/** Cuts a long quote to `max` characters at a word boundary, ending in "…". */
export function shortenQuote(quote: string, max = 160): string {
  if (quote.length <= max) return quote;
  const cut = quote.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function codesById(codebooks: Codebook[]): Map<string, Code> {
  return new Map(codebooks.flatMap((book) => book.codes.map((code) => [code.id, code] as const)));
}

export function sideOfVersion(
  versionId: string,
  versions: { aVersionId: string; bVersionId: string },
): Side | null {
  if (versionId === versions.aVersionId) return 'a';
  if (versionId === versions.bVersionId) return 'b';
  return null;
}

/** "Omission: leaves out the sanctions" — what a mark says in its tooltip and to screen readers. */
export function markLabel(code: Code | undefined, note: string): string {
  const name = code?.name ?? 'No code';
  const trimmed = note.trim();
  return trimmed ? `${name}: ${trimmed}` : name;
}

/** One mark per annotation that has a position on either side, coloured by its code. */
export function marksFrom(
  annotations: Annotation[],
  codebooks: Codebook[],
  versions: { aVersionId: string; bVersionId: string },
): TextMark[] {
  const codes = codesById(codebooks);
  const marks: TextMark[] = [];
  for (const annotation of annotations) {
    const side = sideOfVersion(annotation.versionId, versions);
    const position = positionOf(annotation);
    if (!side || !position || position.end <= position.start) continue;
    const code = annotation.codeId ? codes.get(annotation.codeId) : undefined;
    marks.push({
      id: annotation.id,
      side,
      start: position.start,
      end: position.end,
      color: code?.color ?? UNCODED_COLOR,
      label: markLabel(code, annotation.note),
    });
  }
  return marks;
}

export interface CodeGroup {
  /** Null for annotations without a code, or whose code no longer exists. */
  code: Code | null;
  annotations: Annotation[];
}

/**
 * The sidebar's groups: one per code in use, in the codebook's order, then the
 * uncoded ones; inside a group, side A before B, then in reading order.
 */
export function groupByCode(
  annotations: Annotation[],
  codebooks: Codebook[],
  versions: { aVersionId: string; bVersionId: string },
): CodeGroup[] {
  const codes = codesById(codebooks);
  const order = new Map([...codes.keys()].map((id, index) => [id, index]));
  const groups = new Map<string | null, Annotation[]>();
  for (const annotation of annotations) {
    const key = annotation.codeId && codes.has(annotation.codeId) ? annotation.codeId : null;
    const list = groups.get(key) ?? [];
    list.push(annotation);
    groups.set(key, list);
  }
  const readingOrder = (x: Annotation, y: Annotation) => {
    const sideX = sideOfVersion(x.versionId, versions) ?? 'c';
    const sideY = sideOfVersion(y.versionId, versions) ?? 'c';
    if (sideX !== sideY) return sideX < sideY ? -1 : 1;
    return (positionOf(x)?.start ?? 0) - (positionOf(y)?.start ?? 0);
  };
  return [...groups.entries()]
    .sort(
      ([x], [y]) =>
        (x === null ? Infinity : order.get(x)!) - (y === null ? Infinity : order.get(y)!),
    )
    .map(([id, list]) => ({
      code: id === null ? null : codes.get(id)!,
      annotations: list.sort(readingOrder),
    }));
}

/**
 * The other half of a pair, when it is loaded: on the other side, and only when
 * the two sides are different articles. A copy carried to a later version keeps
 * its original's pairId, so with two versions of one article the "partner" on
 * the other side would be the annotation's own copy.
 */
export function partnerOf(
  annotation: Annotation,
  annotations: Annotation[],
  versions: { aVersionId: string; bVersionId: string; sameArticle: boolean },
): Annotation | null {
  if (!annotation.pairId || versions.sameArticle) return null;
  const side = sideOfVersion(annotation.versionId, versions);
  if (!side) return null;
  return (
    annotations.find(
      (other) =>
        other.pairId === annotation.pairId &&
        other.id !== annotation.id &&
        (sideOfVersion(other.versionId, versions) ?? side) !== side,
    ) ?? null
  );
}

/**
 * The orphans an undone delete brings back: the annotation's records (as delete
 * returned them) that name one of these two versions; records for other versions
 * belong to other comparisons.
 */
export function restoredOrphans(
  annotation: Annotation,
  orphanedOn: readonly { versionId: string; oldText: string }[],
  versions: { aVersionId: string; bVersionId: string },
): OrphanedAnnotation[] {
  return orphanedOn
    .filter((record) => sideOfVersion(record.versionId, versions) !== null)
    .map((record) => ({ annotation, versionId: record.versionId, oldText: record.oldText }));
}

/** How many loaded annotations each code has. */
export function countByCode(annotations: Annotation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { codeId } of annotations) {
    if (codeId) counts.set(codeId, (counts.get(codeId) ?? 0) + 1);
  }
  return counts;
}

/**
 * The codes matching what the user typed: every word of the query appears in
 * the code's name, group or description (case-insensitive); names that start
 * with the query come first.
 */
export function filterCodes(codes: Code[], query: string): Code[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return codes;
  const q = words.join(' ');
  const matches = codes.filter((code) => {
    const text = `${code.name} ${code.group} ${code.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const starts = (code: Code) => (code.name.toLowerCase().startsWith(q) ? 0 : 1);
  return matches
    .map((code, index) => ({ code, index }))
    .sort((x, y) => starts(x.code) - starts(y.code) || x.index - y.index)
    .map(({ code }) => code);
}

/** A colour for a new code: the first of a fixed palette not yet used in the codebook. */
export function nextCodeColor(codes: Code[]): string {
  const used = new Set(codes.map((code) => code.color.toLowerCase()));
  return (
    CODE_PALETTE.find((color) => !used.has(color)) ??
    CODE_PALETTE[codes.length % CODE_PALETTE.length]!
  );
}

// Mid-tone colours that stay visible as a mark tint and an underline on both themes.
const CODE_PALETTE = [
  '#b23b3b',
  '#c46a00',
  '#8a6d00',
  '#2f7d32',
  '#1f6f8b',
  '#3b5bb2',
  '#7b3fa6',
  '#a63f7b',
  '#00796b',
  '#6d4c41',
];
