// Domain schemas: the shapes that cross the API boundary. Types are inferred from
// the zod schemas so the runtime check and the compile-time type never drift apart.
import { z } from 'zod';

export const IdSchema = z.uuid();
/** ISO-8601 timestamp or date, as stored. */
export const IsoDateSchema = z.string().min(4);

/**
 * A moment as Parallax stamps its rows (`toISOString()`): an ISO 8601 date and time
 * of a real day, with Z or an offset. What the API takes back where it sent one.
 */
export const IsoTimestampSchema = z.iso.datetime({
  offset: true,
  error: 'Not a time Parallax wrote; it is written as ISO 8601 (2026-02-06T09:30:00.000Z).',
});

// A date, or a date and time as a page wrote it (hours and minutes at least, seconds,
// fraction and offset optional): the shapes the import proposes for an article's date.
const PUBLISHED_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/i;
const CalendarDateSchema = z.iso.date();

/** Whether `value` is a publication date as the import proposes one, on a real day. */
export function isPublishedDate(value: string): boolean {
  const match = PUBLISHED_DATE.exec(value);
  return match !== null && CalendarDateSchema.safeParse(match[1]).success;
}

/** An article's web address: http or https only, never `javascript:`, `data:` or a file. */
export const WebAddressSchema = z
  .url({
    protocol: /^https?$/,
    error: 'Only an http or https address can be saved as an article’s address.',
  })
  .max(4000);

/** An article's publication date: "2026-02-06", or "2026-02-06T21:40:00+03:30" as a page gave it. */
export const PublishedDateSchema = z
  .string()
  .max(40)
  .refine(isPublishedDate, 'Not a date; write it as yyyy-mm-dd (for example 2026-02-06).');

export const OutletSchema = z.object({
  id: IdSchema,
  name: z.string(),
  domain: z.string().nullable(),
});
export type Outlet = z.infer<typeof OutletSchema>;

export const StorySchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  createdAt: IsoDateSchema,
});
export type Story = z.infer<typeof StorySchema>;

export const SourceKindSchema = z.enum(['paste', 'file', 'url', 'sample']);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** What the library lists for a version: everything but the (possibly large) texts. */
export const VersionSummarySchema = z.object({
  id: IdSchema,
  articleId: IdSchema,
  seq: z.number().int().positive(),
  headline: z.string(),
  byline: z.string().nullable(),
  publishedAt: IsoDateSchema.nullable(),
  capturedAt: IsoDateSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  wordCount: z.number().int().nonnegative(),
  /** Words added and removed since the previous capture; null for the first. */
  wordsAdded: z.number().int().nonnegative().nullable(),
  wordsRemoved: z.number().int().nonnegative().nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

/** A full snapshot: the cleaned text a reader sees and the raw input it came from. */
export const VersionSchema = VersionSummarySchema.extend({
  deck: z.string().nullable(),
  /** Paragraphs separated by blank lines. */
  body: z.string(),
  /** Indices of the body paragraphs that are subheads. */
  subheads: z.array(z.number().int().nonnegative()),
  captions: z.array(z.string()),
  rawInput: z.string(),
  sourceKind: SourceKindSchema,
  sourceName: z.string().nullable(),
});
export type Version = z.infer<typeof VersionSchema>;

export const ArticleSchema = z.object({
  id: IdSchema,
  outletId: IdSchema,
  storyId: IdSchema.nullable(),
  url: z.string().nullable(),
  createdAt: IsoDateSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

/** A version with the outlet and story it belongs to, ready to display. */
export const VersionViewSchema = z.object({
  version: VersionSchema,
  article: ArticleSchema,
  outlet: OutletSchema,
  story: StorySchema.nullable(),
});
export type VersionView = z.infer<typeof VersionViewSchema>;

export const ComparisonSchema = z.object({
  id: IdSchema,
  title: z.string(),
  aVersionId: IdSchema,
  bVersionId: IdSchema,
  createdAt: IsoDateSchema,
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const CodeSchema = z.object({
  id: IdSchema,
  codebookId: IdSchema,
  name: z.string(),
  description: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  group: z.string(),
});
export type Code = z.infer<typeof CodeSchema>;

export const CodebookSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  codes: z.array(CodeSchema),
});
export type Codebook = z.infer<typeof CodebookSchema>;

export const LensSchema = z.object({
  id: IdSchema,
  name: z.string(),
  terms: z.array(z.string()),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type Lens = z.infer<typeof LensSchema>;

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors). */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
export const TextPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export const SelectorSchema = z.discriminatedUnion('type', [
  TextQuoteSelectorSchema,
  TextPositionSelectorSchema,
]);
export type Selector = z.infer<typeof SelectorSchema>;

export const AnnotationSchema = z.object({
  id: IdSchema,
  versionId: IdSchema,
  comparisonId: IdSchema.nullable(),
  codeId: IdSchema.nullable(),
  note: z.string(),
  selectors: z.array(SelectorSchema).min(1),
  /** Annotations made as a pair (a span in A with one in B) share this id; null when alone. */
  pairId: IdSchema.nullable(),
  annotator: z.string(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  /**
   * Set on a copy made when a new version of the article arrived: the annotation it
   * was carried from, that one's version, and how its span was found again
   * (a fuzzy match is worth a reader's check). Null for annotations made here.
   */
  carriedFrom: z
    .object({
      annotationId: IdSchema,
      versionId: IdSchema,
      method: z.enum(['exact-position', 'exact-quote', 'fuzzy']),
    })
    .nullable()
    .default(null),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

/** An annotation that could not be placed on a later version of its article. */
export const OrphanedAnnotationSchema = z.object({
  /** The annotation as it was made, on its own (earlier) version. */
  annotation: AnnotationSchema,
  /** The version it could not be placed on. */
  versionId: IdSchema,
  /** The words it marked, as they were. */
  oldText: z.string(),
});
export type OrphanedAnnotation = z.infer<typeof OrphanedAnnotationSchema>;
