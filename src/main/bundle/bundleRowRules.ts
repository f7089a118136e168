// What each row of a bundle must be, column by column, so that nothing enters the
// library through a bundle that the app's own API would refuse: ids Parallax makes,
// real dates, version numbers from 1, texts within the API's limits, lists where
// the app reads lists. Messages complete "its <column> …" for the user.
import { z } from 'zod';
import { isPublishedDate, SourceKindSchema, WebAddressSchema } from '../../shared/domain';
import {
  MAX_ANNOTATOR_NAME,
  MAX_CODE_NAME,
  MAX_IMPORT_CHARS,
  MAX_LENS_NAME,
  MAX_LENS_TERM,
  MAX_LENS_TERMS,
  MAX_NOTE,
} from '../../shared/limits';

const count = (n: number) => n.toLocaleString('en-US');

const id = z.uuid({ error: 'is not an id Parallax makes (a UUID)' });
const optionalId = id.nullable();
const date = z
  .string({ error: 'is not a date' })
  .refine(isPublishedDate, { error: 'is not a date (ISO 8601, e.g. 2026-02-06)' });
const text = (max: number, min = 0) =>
  z
    .string({ error: 'is not text' })
    .min(min, { error: 'is empty' })
    .max(max, { error: `is over the ${count(max)} characters Parallax allows` });
const colour = z
  .string({ error: 'is not text' })
  .regex(/^#[0-9a-f]{6}$/i, { error: 'is not written #rrggbb' });
const position = z.number({ error: 'is not a number' }).int({ error: 'is not a whole number' });

/** Marks an issue about a list as a whole, whose value is not worth quoting. */
const WHOLE_LIST = { wholeList: true };

/** A JSON list in a TEXT column, parsed and checked by `item`. */
const jsonList = <T extends z.ZodType>(item: T, what: string, max?: number) =>
  z.string({ error: `is not a list of ${what}` }).transform((value, ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    const list = z.array(item).safeParse(parsed);
    if (!list.success) {
      ctx.addIssue({ code: 'custom', message: `are not a list of ${what}`, params: WHOLE_LIST });
      return z.NEVER;
    }
    if (max !== undefined && list.data.length > max) {
      ctx.addIssue({
        code: 'custom',
        message: `are more than the ${count(max)} allowed`,
        params: WHOLE_LIST,
      });
      return z.NEVER;
    }
    return list.data;
  });

export const bundleRowRules = {
  outlets: z.object({
    id,
    name: text(200, 1),
    domain: text(300).nullable(),
    created_at: date,
  }),
  stories: z.object({ id, title: text(300, 1), description: text(20_000), created_at: date }),
  articles: z.object({
    id,
    outlet_id: id,
    story_id: optionalId,
    url: z
      .string({ error: 'is not text' })
      .refine((url) => WebAddressSchema.safeParse(url).success, {
        error: 'is not a web address (http or https)',
      })
      .nullable(),
    created_at: date,
  }),
  versions: z.object({
    id,
    article_id: id,
    seq: z
      .number({ error: 'is not a whole number from 1' })
      .int({ error: 'is not a whole number from 1' })
      .positive({ error: 'is not a whole number from 1' }),
    headline: text(1000, 1),
    deck: text(2000).nullable(),
    byline: text(1000).nullable(),
    published_at: date.nullable(),
    captured_at: date,
    body: text(MAX_IMPORT_CHARS),
    captions: jsonList(z.string(), 'texts'),
    subheads: jsonList(z.number().int().nonnegative(), 'paragraph numbers'),
    raw_input: text(MAX_IMPORT_CHARS),
    source_kind: SourceKindSchema,
    source_name: text(500).nullable(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'is not a SHA-256' }),
  }),
  comparisons: z.object({
    id,
    title: text(1000),
    a_version_id: id,
    b_version_id: id,
    created_at: date,
    opened_at: date,
  }),
  codebooks: z.object({ id, name: text(200, 1), description: text(MAX_NOTE), created_at: date }),
  codes: z.object({
    id,
    codebook_id: id,
    name: text(MAX_CODE_NAME, 1),
    description: text(MAX_NOTE),
    color: colour,
    group_name: text(MAX_CODE_NAME),
    position,
  }),
  lenses: z.object({
    id,
    name: text(MAX_LENS_NAME, 1),
    terms: jsonList(z.string().min(1).max(MAX_LENS_TERM), 'texts', MAX_LENS_TERMS),
    color: colour,
    position,
  }),
  annotations: z.object({
    id,
    version_id: id,
    comparison_id: optionalId,
    code_id: optionalId,
    note: text(MAX_NOTE),
    annotator: text(MAX_ANNOTATOR_NAME),
    created_at: date,
    updated_at: date,
    pair_id: optionalId,
    carried_from: optionalId,
    carried_from_version: optionalId,
    anchor_method: z.enum(['exact-position', 'exact-quote', 'fuzzy']).nullable(),
  }),
  annotation_orphans: z.object({
    annotation_id: id,
    version_id: id,
    old_text: text(MAX_IMPORT_CHARS),
    orphaned_at: date,
  }),
} as const;

export type RuledTable = keyof typeof bundleRowRules;

/** Each table's columns that must point at another table's row (its parent). */
export const parentColumns: Record<RuledTable, Record<string, RuledTable>> = {
  outlets: {},
  stories: {},
  articles: { outlet_id: 'outlets', story_id: 'stories' },
  versions: { article_id: 'articles' },
  comparisons: { a_version_id: 'versions', b_version_id: 'versions' },
  codebooks: {},
  codes: { codebook_id: 'codebooks' },
  lenses: {},
  // Not carried_from: a copy outlives the annotation it was carried from.
  annotations: { version_id: 'versions', comparison_id: 'comparisons', code_id: 'codes' },
  annotation_orphans: { annotation_id: 'annotations', version_id: 'versions' },
};

/** The column names as a reader knows them. */
export const columnLabel = (column: string): string =>
  ({ seq: 'version number', sha256: 'SHA-256', published_at: 'publication date', color: 'colour' })[
    column
  ] ?? column.replace(/_id$/, '').replace(/_/g, ' ');
