// The one API contract: for every channel, the request and response schemas.
// Services implement `Handlers`, the IPC binding, HTTP server and preload are
// derived from `api`, and the renderer calls through `ApiClient`.
import { z } from 'zod';
import type { Channel } from './channels';
import {
  ArticleSchema,
  CodebookSchema,
  ComparisonSchema,
  IdSchema,
  LensSchema,
  OutletSchema,
  StorySchema,
  VersionSummarySchema,
  VersionViewSchema,
} from './domain';

/** Largest text accepted in one import (characters); larger input is refused with a message. */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;

const NoRequest = z.object({}).strict();

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

export const ImportArticleRequestSchema = z.object({
  text: z.string().max(MAX_IMPORT_CHARS, 'The text is over 20 MB; split it before importing.'),
  outlet: z.string().trim().min(1, 'Name the outlet this article comes from.').max(200),
  story: z.string().trim().max(300).optional(),
  headline: z.string().trim().max(1000).optional(),
  byline: z.string().trim().max(1000).optional(),
  publishedAt: z.string().trim().max(40).optional(),
  url: z.string().trim().max(4000).optional(),
  sourceKind: z.enum(['paste', 'file']).default('paste'),
  sourceName: z.string().max(1000).optional(),
});
export type ImportArticleRequest = z.input<typeof ImportArticleRequestSchema>;

export const ImportArticleResultSchema = z.object({
  articleId: IdSchema,
  versionId: IdSchema,
  /** False when this exact text was already in the library: nothing was added. */
  created: z.boolean(),
  message: z.string(),
});

export const ComparisonViewSchema = z.object({
  comparison: ComparisonSchema,
  a: VersionViewSchema,
  b: VersionViewSchema,
});
export type ComparisonView = z.infer<typeof ComparisonViewSchema>;

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
  'article:import': { request: ImportArticleRequestSchema, response: ImportArticleResultSchema },
  'comparison:list': {
    request: NoRequest,
    response: z.object({ comparisons: z.array(ComparisonSchema) }),
  },
  'comparison:open': {
    request: z.object({ aVersionId: IdSchema, bVersionId: IdSchema }),
    response: ComparisonViewSchema,
  },
  'codebook:list': {
    request: NoRequest,
    response: z.object({ codebooks: z.array(CodebookSchema) }),
  },
  'lens:list': { request: NoRequest, response: z.object({ lenses: z.array(LensSchema) }) },
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
