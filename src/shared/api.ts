// The one API contract: for every channel, the request and response schemas.
// Services implement `Handlers`, the IPC binding, HTTP server and preload are
// derived from `api`, and the renderer calls through `ApiClient`.
import { z } from 'zod';
import type { Channel } from './channels';
import {
  AnnotationSchema,
  ArticleSchema,
  CodebookSchema,
  CodeSchema,
  ComparisonSchema,
  IdSchema,
  IsoTimestampSchema,
  LensSchema,
  OrphanedAnnotationSchema,
  SelectorSchema,
  OutletSchema,
  PublishedDateSchema,
  StorySchema,
  VersionSummarySchema,
  VersionViewSchema,
  WebAddressSchema,
} from './domain';

import { TextComparisonSchema, VersionDiffSchema } from './engine';
import { CONTROL_CHARACTERS, DIRECTION_CONTROLS } from './unsavedCharacters';
import {
  MAX_ANNOTATOR_NAME,
  MAX_ASSIGNMENT,
  MAX_BUNDLE_BYTES,
  MAX_CODE_NAME,
  MAX_IMPORT_CHARS,
  MAX_LENS_NAME,
  MAX_LENS_TERM,
  MAX_LENS_TERMS,
  MAX_NOTE,
} from './limits';

export { MAX_IMPORT_CHARS };

const NoRequest = z.object({}).strict();
const ColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'A color is written #rrggbb.');
const CodeNameSchema = z.string().trim().min(1, 'A code needs a name.').max(MAX_CODE_NAME);
const NoteSchema = z.string().max(MAX_NOTE, 'A note is limited to 10,000 characters.');
const AnnotatorNameSchema = z
  .string()
  .max(MAX_ANNOTATOR_NAME, 'A name is limited to 100 characters.');

const ArticleEntrySchema = z.object({
  article: ArticleSchema,
  outlet: OutletSchema,
  versions: z.array(VersionSummarySchema),
});

export const LibraryOverviewSchema = z.object({
  stories: z.array(z.object({ story: StorySchema, articles: z.array(ArticleEntrySchema) })),
  /** Articles that belong to no story yet. */
  unfiled: z.array(ArticleEntrySchema),
});
export type LibraryOverview = z.infer<typeof LibraryOverviewSchema>;

export const SearchHitSchema = z.object({
  versionId: IdSchema,
  articleId: IdSchema,
  outlet: z.string(),
  headline: z.string(),
  capturedAt: z.string(),
  /** Matched text with the hits wrapped in U+E000 / U+E001 (never HTML: the renderer styles them). */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** What to import: pasted text, a file's bytes, or a web address. */
export const ImportSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text: z.string().max(MAX_IMPORT_CHARS, 'The text is over 20 MB; split it before importing.'),
    name: z.string().max(500).optional(),
  }),
  z.object({
    kind: z.literal('file'),
    name: z.string().min(1).max(500),
    /** The file's bytes, base64-encoded (20 MB of file at most). */
    base64: z
      .string()
      .max(
        Math.ceil(MAX_IMPORT_CHARS / 3) * 4,
        'The file is over 20 MB; Parallax imports up to 20 MB.',
      ),
  }),
  z.object({ kind: z.literal('url'), url: z.string().trim().min(1).max(4000) }),
]);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/** One article as the cleanup proposes it, and as the user may edit it before saving. */
export const ProposedArticleSchema = z.object({
  headline: z.string().trim().min(1, 'Every article needs a headline.').max(1000),
  /** True when the text had no headline and Parallax made one from its opening words. */
  headlineGuessed: z.boolean().default(false),
  deck: z.string().max(2000).nullable(),
  byline: z.string().max(1000).nullable(),
  outlet: z.string().trim().min(1, 'Name the outlet of every article.').max(200),
  outletDomain: z.string().max(300).nullable(),
  publishedAt: z.string().max(40).nullable(),
  url: z.string().max(4000).nullable(),
  paragraphs: z.array(z.string()),
  subheads: z.array(z.number().int().nonnegative()),
  captions: z.array(z.string()),
});
export type ProposedArticle = z.infer<typeof ProposedArticleSchema>;

/**
 * What the import cleanup never leaves in an article's text: control characters other
 * than tab and line feed (it removes them), and the direction embeddings, overrides
 * and isolates U+202A–U+202E and U+2066–U+2069 (the preview removes them too), which
 * make text display in another order than it reads.
 */
const UNCLEANED_CHARACTER = new RegExp(`[${CONTROL_CHARACTERS}${DIRECTION_CONTROLS}]`);

function refuseUncleaned(value: string, context: z.RefinementCtx): void {
  const found = UNCLEANED_CHARACTER.exec(value)?.[0];
  if (found === undefined) return;
  const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind = found >= '\u202a' ? 'a text-direction control' : 'a control character';
  context.addIssue({
    code: 'custom',
    message: `Holds the invisible character ${code} (${kind}), which Parallax does not save; import the text through the preview, or remove it.`,
  });
}

/** Saved text: as the preview proposes it, with nothing its cleanup would have removed. */
const cleaned = <T extends z.ZodString>(schema: T) => schema.superRefine(refuseUncleaned);

/**
 * An article as import:commit saves it: what the preview proposed, as the reader edited
 * it. Stricter than a proposal, since a request need not come from the preview: no
 * character the cleanup removes, a real date, a web address, subheads that are paragraphs.
 */
const CommittedArticleSchema = ProposedArticleSchema.extend({
  headline: cleaned(ProposedArticleSchema.shape.headline),
  deck: cleaned(z.string().max(2000)).nullable(),
  byline: cleaned(z.string().max(1000)).nullable(),
  outlet: cleaned(ProposedArticleSchema.shape.outlet),
  outletDomain: cleaned(z.string().max(300)).nullable(),
  publishedAt: PublishedDateSchema.nullable(),
  url: WebAddressSchema.nullable(),
  paragraphs: z.array(cleaned(z.string())),
  captions: z.array(cleaned(z.string())),
}).superRefine((article, context) => {
  article.subheads.forEach((index, i) => {
    if (index < article.paragraphs.length) return;
    context.addIssue({
      code: 'custom',
      path: ['subheads', i],
      message: `Subhead ${index} is not a paragraph of this article, which has ${article.paragraphs.length}.`,
    });
  });
});

export const CleanupChangeSchema = z.object({
  kind: z.string(),
  text: z.string(),
  result: z.string().optional(),
  /** On the one entry standing for the changes of its kind past the listed examples: how many. */
  more: z.number().int().positive().optional(),
});

export const ImportProposalSchema = z.object({
  articles: z.array(ProposedArticleSchema),
  /** Things the user should check (guessed metadata, possible disorder, converted encoding). */
  warnings: z.array(z.string()),
  /** Every change the cleanup made, for the "what was cleaned" view. */
  changes: z.array(CleanupChangeSchema),
  /** The input as read (decoded text, HTML, or a PDF's text layer), kept with each version. */
  rawInput: z.string(),
  sourceKind: z.enum(['paste', 'file', 'url']),
  sourceName: z.string().nullable(),
});
export type ImportProposal = z.infer<typeof ImportProposalSchema>;

export const SavedArticleSchema = z.object({
  articleId: IdSchema,
  versionId: IdSchema,
  outlet: z.string(),
  headline: z.string(),
  /** False when this exact text was already in the library: nothing was added. */
  created: z.boolean(),
  message: z.string(),
});
export type SavedArticle = z.infer<typeof SavedArticleSchema>;

export const ComparisonViewSchema = z.object({
  comparison: ComparisonSchema,
  a: VersionViewSchema,
  b: VersionViewSchema,
});
export type ComparisonView = z.infer<typeof ComparisonViewSchema>;

/** Where an annotation could not be placed: a later version, and the words it marked. */
const OrphanRecordSchema = z.object({ versionId: IdSchema, oldText: z.string() });

export const SettingsSchema = z.object({
  annotatorName: z.string().trim().max(MAX_ANNOTATOR_NAME, 'A name is limited to 100 characters.'),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A file made for the user to save (reports, bundles). */
export const FileDownloadSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
export type FileDownload = z.infer<typeof FileDownloadSchema>;

const MAX_BUNDLE_BASE64 = Math.ceil(MAX_BUNDLE_BYTES / 3) * 4;

/** What merging a bundle added; counts of rows new to this library. */
export const BundleMergeSchema = z.object({
  assignment: z.string(),
  added: z.object({
    stories: z.number().int().nonnegative(),
    versions: z.number().int().nonnegative(),
    comparisons: z.number().int().nonnegative(),
    codes: z.number().int().nonnegative(),
    annotations: z.number().int().nonnegative(),
  }),
  /** Annotations already here (the same id, or the same carried copy), skipped. */
  skippedAnnotations: z.number().int().nonnegative(),
  message: z.string(),
});
export type BundleMerge = z.infer<typeof BundleMergeSchema>;

/** A bundle opened into this library: where from, by whom, and its assignment. */
export const OpenedBundleSchema = z.object({
  bundleId: z.string(),
  /** The file name it was opened from. */
  name: z.string(),
  assignment: z.string(),
  author: z.string(),
  openedAt: z.string(),
});
export type OpenedBundle = z.infer<typeof OpenedBundleSchema>;

export const api = {
  'app:info': {
    request: NoRequest,
    response: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser', 'cli']),
      databasePath: z.string(),
    }),
  },
  'library:overview': { request: NoRequest, response: LibraryOverviewSchema },
  'library:search': {
    request: z.object({
      query: z.string().max(500),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ hits: z.array(SearchHitSchema) }),
  },
  'version:get': { request: z.object({ id: IdSchema }), response: VersionViewSchema },
  'import:preview': {
    request: z.object({
      source: ImportSourceSchema,
      outlet: z.string().trim().max(200).optional(),
    }),
    response: ImportProposalSchema,
  },
  'import:commit': {
    request: ImportProposalSchema.omit({ changes: true, warnings: true }).extend({
      articles: z.array(CommittedArticleSchema).min(1, 'There is no article to save.'),
      story: cleaned(z.string().trim().max(300)).optional(),
      sourceName: cleaned(z.string()).nullable(),
    }),
    response: z.object({ saved: z.array(SavedArticleSchema) }),
  },
  'comparison:list': {
    request: NoRequest,
    response: z.object({ comparisons: z.array(ComparisonSchema) }),
  },
  'comparison:open': {
    request: z.object({ aVersionId: IdSchema, bVersionId: IdSchema }),
    response: ComparisonViewSchema,
  },
  'comparison:analyze': {
    request: z.object({ aVersionId: IdSchema, bVersionId: IdSchema }),
    response: TextComparisonSchema,
  },
  'version:diff': {
    request: z.object({
      oldVersionId: IdSchema,
      newVersionId: IdSchema,
      hideCosmetic: z.boolean().default(false),
    }),
    response: VersionDiffSchema,
  },
  'codebook:list': {
    request: NoRequest,
    response: z.object({ codebooks: z.array(CodebookSchema) }),
  },
  'code:create': {
    request: z.object({
      codebookId: IdSchema,
      name: CodeNameSchema,
      color: ColorSchema,
    }),
    response: z.object({ code: CodeSchema }),
  },
  'code:update': {
    request: z.object({
      id: IdSchema,
      name: CodeNameSchema.optional(),
      color: ColorSchema.optional(),
    }),
    response: z.object({ code: CodeSchema }),
  },
  /** Moves every annotation of one code to another code of the same codebook, then deletes the first. */
  'code:merge': {
    request: z.object({ fromId: IdSchema, intoId: IdSchema }),
    response: z.object({ moved: z.number().int().nonnegative() }),
  },
  /**
   * Annotations on either version of a comparison, and those of earlier versions
   * that could not be placed on these (orphaned, with their old text).
   */
  'annotation:list': {
    request: z.object({ aVersionId: IdSchema, bVersionId: IdSchema }),
    response: z.object({
      annotations: z.array(AnnotationSchema),
      orphans: z.array(OrphanedAnnotationSchema),
    }),
  },
  /** One annotation, or two made as a pair (`pair`: a span in the other version). */
  'annotation:create': {
    request: z.object({
      versionId: IdSchema,
      comparisonId: IdSchema.nullable(),
      codeId: IdSchema.nullable(),
      note: NoteSchema,
      selectors: z.array(SelectorSchema).min(1),
      pair: z.object({ versionId: IdSchema, selectors: z.array(SelectorSchema).min(1) }).optional(),
    }),
    response: z.object({ annotations: z.array(AnnotationSchema) }),
  },
  'annotation:update': {
    request: z.object({
      id: IdSchema,
      codeId: IdSchema.nullable().optional(),
      note: NoteSchema.optional(),
    }),
    response: z.object({ annotation: AnnotationSchema }),
  },
  /** Deletes an annotation; the response holds it whole, so the UI can undo with annotation:restore. */
  'annotation:delete': {
    request: z.object({ id: IdSchema }),
    response: z.object({ annotation: AnnotationSchema, orphanedOn: z.array(OrphanRecordSchema) }),
  },
  /**
   * Puts back what annotation:delete returned: the annotation and its orphan records.
   * The service restores only an annotation it deleted, exactly as it was.
   */
  'annotation:restore': {
    request: z.object({
      // Within what the UI can make, so a forged one is refused by its field.
      annotation: AnnotationSchema.extend({
        note: NoteSchema,
        annotator: AnnotatorNameSchema,
        createdAt: IsoTimestampSchema,
        updatedAt: IsoTimestampSchema,
      }),
      orphanedOn: z.array(OrphanRecordSchema).default([]),
    }),
    response: z.object({ annotation: AnnotationSchema }),
  },
  'lens:list': { request: NoRequest, response: z.object({ lenses: z.array(LensSchema) }) },
  /** Creates a lens (no id) or replaces one's name, terms and color. */
  'lens:save': {
    request: z.object({
      id: IdSchema.optional(),
      name: z.string().trim().min(1, 'A lens needs a name.').max(MAX_LENS_NAME),
      terms: z
        .array(z.string().trim().min(1).max(MAX_LENS_TERM))
        .min(1, 'A lens needs at least one term.')
        .max(MAX_LENS_TERMS),
      color: ColorSchema,
    }),
    response: z.object({ lens: LensSchema }),
  },
  'lens:delete': { request: z.object({ id: IdSchema }), response: z.object({}) },
  /** Settings kept in the library: the name new annotations are signed with. */
  'settings:get': { request: NoRequest, response: SettingsSchema },
  'settings:update': { request: SettingsSchema, response: SettingsSchema },
  /** A comparison report with its annotations, as a file to save. */
  'report:create': {
    request: z.object({
      aVersionId: IdSchema,
      bVersionId: IdSchema,
      format: z.enum(['html', 'md', 'pdf']),
    }),
    response: FileDownloadSchema,
  },
  /** A classroom bundle: the chosen stories, their comparisons, the codebooks and the assignment. */
  'bundle:export': {
    request: z.object({
      storyIds: z.array(IdSchema).min(1, 'Choose at least one story for the bundle.'),
      assignment: z.string().max(MAX_ASSIGNMENT, 'The assignment is limited to 20,000 characters.'),
      /**
       * False for a fresh assignment, so a teacher's own annotations (an answer key) stay
       * home unless asked for; true to hand annotations back (a student's bundle).
       */
      includeAnnotations: z.boolean().default(false),
    }),
    response: FileDownloadSchema,
  },
  /** Merges a bundle into this library: nothing twice, every annotator's work kept. */
  'bundle:open': {
    request: z.object({
      name: z.string().min(1).max(500),
      base64: z.string().max(MAX_BUNDLE_BASE64, 'The bundle is over 32 MB.'),
    }),
    response: BundleMergeSchema,
  },
  /** The assignments of the bundles opened in this library, oldest first. */
  'bundle:assignments': {
    request: NoRequest,
    response: z.object({ bundles: z.array(OpenedBundleSchema) }),
  },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

// Every channel name has a contract entry and vice versa.
type Missing = Exclude<Channel, keyof typeof api>;
type Extra = Exclude<keyof typeof api, Channel>;
const contractCoversChannels: [Missing, Extra] extends [never, never] ? true : never = true;
void contractCoversChannels;

export type Request<C extends Channel> = z.input<(typeof api)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof api)[C]['response']>;
/** What the services implement; requests arrive already validated. */
export type Handlers = {
  [C in Channel]: (
    request: z.output<(typeof api)[C]['request']>,
  ) => Promise<Response<C>> | Response<C>;
};
/** What the renderer calls; errors arrive as rejected promises with the user-facing message. */
export type ApiClient = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };
