// What a comparison report says, independent of its format: the two sources, the
// claim-by-claim rows, what only one outlet says, lens coverage, voices, and the
// readers' annotations with their codes. reportHtml and reportMarkdown only lay it out.
import type { Annotation, Code, OrphanedAnnotation } from '../../shared/domain';
import type { Sentence, SentenceLink } from '../../core/engine/types';
import {
  contrastReasonOf,
  questionReasonOf,
  evidenceLine,
  formatConfidence,
  strongestKind,
} from '../../shared/linkWording';
import type { Voice } from '../../core/engine/voices';
import type { ComparisonDocument, ComparisonSide } from './comparisonDocument';
import { UNCODED_COLOR } from '../../shared/colors';

export type SideKey = 'a' | 'b';

export interface ReportSource {
  /** "A" or "B": how the report refers to the side. */
  label: 'A' | 'B';
  outlet: string;
  headline: string;
  deck: string | null;
  byline: string | null;
  publishedAt: string | null;
  capturedAt: string | null;
  versionId: string | null;
  /** The version's number in its article's history; null for a file. */
  seq: number | null;
  captions: string[];
}

/** A marked span of a sentence, in offsets of the sentence's text. */
export interface SentenceMark {
  ref: string;
  start: number;
  end: number;
  color: string;
  codeName: string;
}

export interface ReportSentence {
  id: number;
  text: string;
  marks: SentenceMark[];
  /** In the claim table: the row (from 1) that already shows this sentence, linked to more than one claim. */
  repeatOfRow: number | null;
}

/**
 * The kinds of the app's aligned rows: `same` (both report it), `contrast` (a
 * different claim on the same point), `possible` (perhaps the same claim — a
 * question, never counted as a finding), and what only one outlet says.
 */
export type RowKind = 'same' | 'contrast' | 'possible' | 'onlyA' | 'onlyB';

/** A link of the row, with what the engine asserts of it and why. */
export type ReportLink = Pick<
  SentenceLink,
  'a' | 'b' | 'kind' | 'confidence' | 'evidence' | 'contrast'
>;

/** One claim: linked sentences side by side, or what only one outlet says. */
export interface ReportRow {
  kind: RowKind;
  a: ReportSentence[];
  b: ReportSentence[];
  /** The links between the row's sentences, findings first; none for a one-sided row. */
  links: ReportLink[];
}

/** What the report counts. Possible matches are counted apart: they are questions, not findings. */
export interface ReportCounts {
  same: number;
  contrast: number;
  /** Rows holding a sentence whose only links are possible: to check. */
  possible: number;
  /** Sentences with no link at all. */
  onlyA: number;
  onlyB: number;
}

export interface LensSideCoverage {
  mentions: number;
  words: number;
  share: number;
  /** Where the topic first comes up, 0 (start) to 1 (end); null when absent. */
  firstPosition: number | null;
  absent: boolean;
}

export interface ReportLens {
  name: string;
  a: LensSideCoverage;
  b: LensSideCoverage;
}

export interface ReportCode {
  name: string;
  color: string;
  group: string;
  description: string;
}

export interface ReportAnnotation {
  /** "A1", "B3": how the text's marks point to it. */
  ref: string;
  side: SideKey;
  quote: string;
  code: ReportCode | null;
  note: string;
  annotator: string;
  /** Carried over from an earlier version of the article (fuzzy when its span was found approximately). */
  carriedOver: null | 'exact' | 'fuzzy';
  /** The other half of a pair, by ref; null when alone. */
  pairRef: string | null;
  /** False when its words are no longer in the text (it is listed, not marked). */
  placed: boolean;
}

export interface LegendEntry extends ReportCode {
  codebook: string;
  countA: number;
  countB: number;
}

export interface ReportModel {
  title: string;
  sources: { a: ReportSource; b: ReportSource };
  rows: ReportRow[];
  counts: ReportCounts;
  /** Sentences with no link at all: what only one outlet says. */
  omissions: { a: ReportSentence[]; b: ReportSentence[] };
  /** Sentences whose only links are possible: maybe in the other outlet, not omissions. */
  maybe: { a: ReportSentence[]; b: ReportSentence[] };
  lenses: ReportLens[];
  voices: { a: Voice[]; b: Voice[]; onlyA: string[]; onlyB: string[] };
  annotations: ReportAnnotation[];
  /** Codes used by the report's annotations, in codebook order. */
  legend: LegendEntry[];
  /** True when the sides come from the library (annotations possible), false for files. */
  annotatable: boolean;
}

/** Annotations of the two versions and the codes they may use. */
export interface ReportAnnotations {
  a: readonly Annotation[];
  b: readonly Annotation[];
  /** Annotations of earlier versions that could not be carried to A or B: listed, not marked. */
  orphans?: { a: readonly OrphanedAnnotation[]; b: readonly OrphanedAnnotation[] };
  /**
   * True when A and B are versions of one article. A carried copy keeps its original's
   * pairId, so there its pairId would match the original's: no pair crosses outlets then.
   */
  sameArticle?: boolean;
  codebooks: readonly { name: string; codes: readonly Code[] }[];
}

/** A code's colour as stored, if it is one; reports put it in style attributes. */
const safeColor = (color: string): string =>
  /^#[0-9a-f]{6}$/i.test(color) ? color : UNCODED_COLOR;

function source(label: 'A' | 'B', side: ComparisonSide, seq: number | null): ReportSource {
  return {
    label,
    outlet: side.outlet,
    headline: side.headline,
    deck: side.deck,
    byline: side.byline,
    publishedAt: side.publishedAt,
    capturedAt: side.capturedAt,
    versionId: side.versionId,
    seq,
    captions: side.captions,
  };
}

/**
 * Where the annotation's words are in `text` (the side's paragraphs joined by blank
 * lines): its position when the quote is there, else the quote's occurrence nearest
 * to it. Null when the words are gone.
 */
export function locateAnnotation(
  text: string,
  annotation: Annotation,
): { start: number; end: number } | null {
  const position = annotation.selectors.find((s) => s.type === 'TextPositionSelector');
  const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
  if (position && position.end > position.start && position.end <= text.length) {
    if (!quote || text.slice(position.start, position.end) === quote.exact) {
      return { start: position.start, end: position.end };
    }
  }
  if (!quote) return null;
  let best: number | null = null;
  const near = position?.start ?? 0;
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best === null ? null : { start: best, end: best + quote.exact.length };
}

function quoteOf(
  annotation: Annotation,
  text: string,
  span: { start: number; end: number } | null,
) {
  if (span) return text.slice(span.start, span.end);
  const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
  return quote?.exact ?? '';
}

/** An annotation listed on one side: placed by its selectors, or an orphan with its old words. */
interface SideEntry {
  annotation: Annotation;
  /** For an orphan: the words it marked on its own version (they are not in this one). */
  oldText: string | null;
}

interface SideAnnotations {
  list: ReportAnnotation[];
  /** The annotation each entry of `list` stands for, in the same order. */
  sources: Annotation[];
  /** Marks by sentence id. */
  marks: Map<number, SentenceMark[]>;
}

function annotateSide(
  side: SideKey,
  text: string,
  sentences: readonly Sentence[],
  entries: readonly SideEntry[],
  codes: ReadonlyMap<string, ReportCode>,
): SideAnnotations {
  const located = entries.map((entry) => ({
    ...entry,
    span: entry.oldText === null ? locateAnnotation(text, entry.annotation) : null,
  }));
  // Reading order: by where the span starts, unplaced ones last, then by age.
  located.sort(
    (x, y) =>
      (x.span?.start ?? Infinity) - (y.span?.start ?? Infinity) ||
      x.annotation.createdAt.localeCompare(y.annotation.createdAt),
  );
  const marks = new Map<number, SentenceMark[]>();
  const list = located.map(({ annotation, span, oldText }, i): ReportAnnotation => {
    const ref = `${side.toUpperCase()}${i + 1}`;
    const code = annotation.codeId ? (codes.get(annotation.codeId) ?? null) : null;
    if (span) {
      for (const sentence of sentences) {
        const start = Math.max(span.start, sentence.start);
        const end = Math.min(span.end, sentence.end);
        if (start >= end) continue;
        const mark: SentenceMark = {
          ref,
          start: start - sentence.start,
          end: end - sentence.start,
          color: code?.color ?? UNCODED_COLOR,
          codeName: code?.name ?? 'No code',
        };
        marks.set(sentence.id, [...(marks.get(sentence.id) ?? []), mark]);
      }
    }
    return {
      ref,
      side,
      quote: oldText ?? quoteOf(annotation, text, span),
      code,
      note: annotation.note,
      annotator: annotation.annotator,
      carriedOver:
        oldText === null && annotation.carriedFrom
          ? annotation.carriedFrom.method === 'fuzzy'
            ? 'fuzzy'
            : 'exact'
          : null,
      pairRef: null,
      placed: span !== null,
    };
  });
  return { list, sources: located.map((x) => x.annotation), marks };
}

/**
 * Each annotation with the ref of its other half on the OTHER side, when that side
 * holds one. Never on the same side, and never between two versions of one article
 * (a carried copy shares its original's pairId but is not its partner).
 */
function withPartners(
  own: SideAnnotations,
  other: SideAnnotations,
  crossOutlet: boolean,
): ReportAnnotation[] {
  const refByPair = new Map<string, string>();
  other.sources.forEach((annotation, i) => {
    if (annotation.pairId && !refByPair.has(annotation.pairId)) {
      refByPair.set(annotation.pairId, other.list[i]!.ref);
    }
  });
  return own.list.map((entry, i) => {
    const pairId = own.sources[i]!.pairId;
    return { ...entry, pairRef: crossOutlet && pairId ? (refByPair.get(pairId) ?? null) : null };
  });
}

/** The report's annotations as the reader meets them: pairs across the outlets, then each side's own. */
export interface AnnotationGroups {
  pairs: { a: ReportAnnotation; b: ReportAnnotation }[];
  alone: { a: ReportAnnotation[]; b: ReportAnnotation[] };
}

export function annotationGroups(annotations: readonly ReportAnnotation[]): AnnotationGroups {
  const byRef = new Map(annotations.map((x) => [x.ref, x]));
  const pairs = annotations.flatMap((x) => {
    const partner = x.side === 'a' && x.pairRef ? byRef.get(x.pairRef) : undefined;
    return partner?.side === 'b' ? [{ a: x, b: partner }] : [];
  });
  const paired = new Set(pairs.flatMap((p) => [p.a.ref, p.b.ref]));
  const alone = (side: SideKey) => annotations.filter((x) => x.side === side && !paired.has(x.ref));
  return { pairs, alone: { a: alone('a'), b: alone('b') } };
}

const FINDINGS_FIRST: Record<SentenceLink['kind'], number> = { same: 0, contrast: 1, possible: 2 };

/**
 * The rows of the claim-by-claim table in A's order, each A sentence with the B
 * sentences it links to; what only B says is placed before the first row whose B
 * sentences come after it. A row's kind is its strongest link's: `same`, else
 * `contrast`, else `possible` — as in the app.
 */
export function alignedRows(
  doc: ComparisonDocument,
): { kind: RowKind; a: number[]; b: number[]; links: ReportLink[] }[] {
  const linksOfA = new Map<number, ReportLink[]>();
  for (const link of doc.links) {
    linksOfA.set(link.a, [...(linksOfA.get(link.a) ?? []), link]);
  }
  const onlyB = [...doc.onlyB].sort((x, y) => x - y);
  let nextOnlyB = 0;
  const rows: { kind: RowKind; a: number[]; b: number[]; links: ReportLink[] }[] = [];
  const flushOnlyBBefore = (limit: number) => {
    while (nextOnlyB < onlyB.length && onlyB[nextOnlyB]! < limit) {
      rows.push({ kind: 'onlyB', a: [], b: [onlyB[nextOnlyB]!], links: [] });
      nextOnlyB += 1;
    }
  };
  for (const sentence of doc.a.sentences) {
    const links = linksOfA.get(sentence.id);
    const kind = strongestKind(links ?? []);
    if (!links?.length || kind === null) {
      rows.push({ kind: 'onlyA', a: [sentence.id], b: [], links: [] });
      continue;
    }
    const bIds = [...new Set(links.map((l) => l.b))].sort((x, y) => x - y);
    flushOnlyBBefore(bIds[0]!);
    rows.push({
      kind,
      a: [sentence.id],
      b: bIds,
      links: [...links].sort(
        (x, y) => FINDINGS_FIRST[x.kind] - FINDINGS_FIRST[y.kind] || x.b - y.b,
      ),
    });
  }
  flushOnlyBBefore(Infinity);
  return rows;
}

function lensSide(coverage: ComparisonDocument['lenses'][number]['a']): LensSideCoverage {
  return {
    mentions: coverage.matches.length,
    words: coverage.words,
    share: coverage.share,
    firstPosition: coverage.firstPosition,
    absent: coverage.absent,
  };
}

/** The report for a compared pair; `annotations` only for library versions. */
export function reportModel(
  doc: ComparisonDocument,
  options: { seq?: { a: number | null; b: number | null }; annotations?: ReportAnnotations } = {},
): ReportModel {
  const given = options.annotations;
  const codeList = (given?.codebooks ?? []).flatMap((book) =>
    book.codes.map((code) => ({ book: book.name, code })),
  );
  const codes = new Map<string, ReportCode>(
    codeList.map(({ code }) => [
      code.id,
      {
        name: code.name,
        color: safeColor(code.color),
        group: code.group,
        description: code.description,
      },
    ]),
  );
  const texts = { a: doc.a.paragraphs.join('\n\n'), b: doc.b.paragraphs.join('\n\n') };
  const entries = (side: SideKey): SideEntry[] => [
    ...(given?.[side] ?? []).map((annotation) => ({ annotation, oldText: null })),
    ...(given?.orphans?.[side] ?? []).map((o) => ({
      annotation: o.annotation,
      oldText: o.oldText,
    })),
  ];
  const sideA = annotateSide('a', texts.a, doc.a.sentences, entries('a'), codes);
  const sideB = annotateSide('b', texts.b, doc.b.sentences, entries('b'), codes);
  const crossOutlet = !given?.sameArticle;
  const annotations = [
    ...withPartners(sideA, sideB, crossOutlet),
    ...withPartners(sideB, sideA, crossOutlet),
  ];

  const sentence = (side: SideKey, id: number): ReportSentence => {
    const s = doc[side].sentences[id]!;
    const marks = (side === 'a' ? sideA : sideB).marks.get(id) ?? [];
    return { id, text: s.text, marks, repeatOfRow: null };
  };
  // A sentence linked to several claims is written out once, then referred to.
  const firstRow = { a: new Map<number, number>(), b: new Map<number, number>() };
  const inRow = (side: SideKey, id: number, row: number): ReportSentence => {
    const first = firstRow[side].get(id);
    if (first === undefined) firstRow[side].set(id, row);
    return { ...sentence(side, id), repeatOfRow: first ?? null };
  };
  const rows = alignedRows(doc).map((row, i) => ({
    kind: row.kind,
    a: row.a.map((id) => inRow('a', id, i + 1)),
    b: row.b.map((id) => inRow('b', id, i + 1)),
    links: row.links.map(({ a, b, kind, confidence, evidence, contrast }) => ({
      a,
      b,
      kind,
      confidence,
      evidence,
      ...(contrast ? { contrast } : {}),
    })),
  }));
  const rowsOf = (kind: RowKind) => rows.filter((r) => r.kind === kind).length;
  // As in the app: a row is to check when it holds a sentence whose only links are possible.
  const maybeB = new Set(doc.maybeB);
  const toCheck = rows.filter(
    (r) => r.kind === 'possible' || r.b.some((s) => s.repeatOfRow === null && maybeB.has(s.id)),
  ).length;
  const sorted = (ids: readonly number[]) => [...ids].sort((x, y) => x - y);

  const used = new Map<string, { a: number; b: number }>();
  for (const side of ['a', 'b'] as const) {
    for (const annotation of (side === 'a' ? sideA : sideB).sources) {
      if (!annotation.codeId || !codes.has(annotation.codeId)) continue;
      const count = used.get(annotation.codeId) ?? { a: 0, b: 0 };
      count[side] += 1;
      used.set(annotation.codeId, count);
    }
  }
  const legend = codeList.flatMap(({ book, code }): LegendEntry[] => {
    const count = used.get(code.id);
    return count
      ? [{ ...codes.get(code.id)!, codebook: book, countA: count.a, countB: count.b }]
      : [];
  });

  return {
    title: doc.title,
    sources: {
      a: source('A', doc.a, options.seq?.a ?? null),
      b: source('B', doc.b, options.seq?.b ?? null),
    },
    rows,
    counts: {
      same: rowsOf('same'),
      contrast: rowsOf('contrast'),
      possible: toCheck,
      onlyA: doc.onlyA.length,
      onlyB: doc.onlyB.length,
    },
    omissions: {
      a: sorted(doc.onlyA).map((id) => sentence('a', id)),
      b: sorted(doc.onlyB).map((id) => sentence('b', id)),
    },
    maybe: {
      a: sorted(doc.maybeA).map((id) => sentence('a', id)),
      b: sorted(doc.maybeB).map((id) => sentence('b', id)),
    },
    lenses: doc.lenses.map((lens) => ({
      name: lens.name,
      a: lensSide(lens.a),
      b: lensSide(lens.b),
    })),
    voices: doc.voices,
    annotations,
    legend,
    annotatable: given !== undefined,
  };
}

/** How sure the engine is of a linked row's kind: its surest link of that kind; null for omissions. */
export function rowConfidence(row: Pick<ReportRow, 'kind' | 'links'>): number | null {
  const mine = row.links.filter((l) => l.kind === row.kind);
  return mine.length ? Math.max(...mine.map((l) => l.confidence)) : null;
}

/** The first words of a sentence, to say which one a note is about. */
function opening(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= 6 ? words.join(' ') : `${words.slice(0, 6).join(' ')}…`;
}

/**
 * What the report says under a linked row, as plain text lines: what differs (a
 * contrast's reason), what the link rests on (shared names, numbers, quotes,
 * paraphrases), and partners that are only possibly the same claim.
 */
export function rowNotes(row: Pick<ReportRow, 'kind' | 'links' | 'b'>): string[] {
  const textOf = (b: number) => row.b.find((s) => s.id === b)?.text ?? '';
  // In a row of another kind, a contrast says which sentence it is about.
  const contrasts = row.links
    .filter((l) => l.kind === 'contrast')
    .map((l) =>
      row.kind === 'contrast'
        ? contrastReasonOf(l)
        : `≠ Different claim in “${opening(textOf(l.b))}”: ${contrastReasonOf(l)}`,
    );
  const asked = row.links.filter((l) => l.kind === 'possible');
  const notes = [...new Set(contrasts)];
  if (row.kind === 'possible')
    for (const link of asked) {
      const reason = questionReasonOf(link);
      if (!reason) continue;
      // With several questions in the row, say which one would differ, and how sure each is.
      notes.push(
        asked.length === 1
          ? reason
          : `${reason} — with “${opening(textOf(link.b))}” (${formatConfidence(link.confidence)} confidence)`,
      );
    }
  const findings = row.links.filter((l) => l.kind !== 'possible');
  // Plain shared words only when there is nothing more telling: a printed report stays readable.
  const all = (row.kind === 'possible' ? asked : findings).flatMap((l) => l.evidence);
  const telling = all.filter((e) => e.kind !== 'word');
  const evidence = evidenceLine(telling.length > 0 ? telling : all);
  if (evidence)
    notes.push(`${row.kind === 'possible' ? 'What they share' : 'Why linked'}: ${evidence}`);
  if (row.kind !== 'possible') {
    for (const link of asked) {
      notes.push(
        `? Possibly also the same claim as “${opening(textOf(link.b))}” (${formatConfidence(link.confidence)} confidence) — check`,
      );
    }
  }
  return notes;
}

/** A piece of a sentence: its text, the annotations covering it, and the labels after it. */
export interface MarkedSegment {
  text: string;
  covering: SentenceMark[];
  /** Marks that end here: their labels follow this segment. */
  ending: SentenceMark[];
}

/** A sentence cut at every mark's start and end, so overlapping marks can be shown. */
export function markedSegments(sentence: ReportSentence): MarkedSegment[] {
  const cuts = new Set([0, sentence.text.length]);
  for (const mark of sentence.marks) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const segments: MarkedSegment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({
      text: sentence.text.slice(start, end),
      covering: sentence.marks.filter((m) => m.start < end && m.end > start),
      ending: sentence.marks.filter((m) => m.end === end),
    });
  }
  return segments;
}
