// The framing engine's results as they cross the API: comparisons of two
// outlets and diffs of two versions. The engine (src/core/engine) produces
// these shapes; the services' types make sure the two agree.
import { z } from 'zod';

const index = z.number().int().nonnegative();

export const SentenceSchema = z.object({
  id: index,
  text: z.string(),
  start: index,
  end: index,
  paragraph: index,
});

const SpanSchema = z.object({ start: index, end: index });

export const LinkEvidenceSchema = z.object({
  kind: z.enum(['name', 'number', 'quote', 'word', 'paraphrase']),
  a: z.string(),
  b: z.string(),
  aSpan: SpanSchema,
  bSpan: SpanSchema,
});

export const LinkContrastSchema = z.object({
  slot: z.enum(['time', 'number', 'speaker', 'certainty', 'negation', 'evaluation']),
  a: z.string(),
  b: z.string(),
  aSpan: SpanSchema.nullable(),
  bSpan: SpanSchema.nullable(),
});

export const SentenceLinkSchema = z.object({
  a: index,
  b: index,
  kind: z.enum(['same', 'possible', 'contrast']),
  score: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1),
  evidence: z.array(LinkEvidenceSchema),
  contrast: LinkContrastSchema.optional(),
});

export const WordDiffPartSchema = z.object({
  kind: z.enum(['same', 'onlyA', 'onlyB']),
  text: z.string(),
});

export const LensCoverageSchema = z.object({
  lens: z.string(),
  sentences: z.array(index),
  matches: z.array(z.object({ sentence: index, term: z.string(), start: index, end: index })),
  words: index,
  share: z.number().min(0).max(1),
  firstPosition: z.number().min(0).max(1).nullable(),
  absent: z.boolean(),
});

export const VoiceSchema = z.object({
  speaker: z.string(),
  quotes: index,
  directWords: index,
  reportedWords: index,
  sentences: z.array(index),
});

export const TextComparisonSchema = z.object({
  a: z.object({ sentences: z.array(SentenceSchema) }),
  b: z.object({ sentences: z.array(SentenceSchema) }),
  links: z.array(SentenceLinkSchema),
  onlyA: z.array(index),
  onlyB: z.array(index),
  maybeA: z.array(index),
  maybeB: z.array(index),
  lenses: z.array(z.object({ name: z.string(), a: LensCoverageSchema, b: LensCoverageSchema })),
  voices: z.object({
    a: z.array(VoiceSchema),
    b: z.array(VoiceSchema),
    onlyA: z.array(z.string()),
    onlyB: z.array(z.string()),
  }),
});
export type TextComparisonResult = z.infer<typeof TextComparisonSchema>;

const ParagraphChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unchanged'), oldIndex: index, newIndex: index, text: z.string() }),
  z.object({
    kind: z.literal('changed'),
    oldIndex: index,
    newIndex: index,
    words: z.array(WordDiffPartSchema),
    cosmetic: z.boolean(),
  }),
  z.object({ kind: z.literal('added'), newIndex: index, text: z.string() }),
  z.object({ kind: z.literal('removed'), oldIndex: index, text: z.string() }),
  z.object({
    kind: z.literal('moved'),
    oldIndex: index,
    newIndex: index,
    text: z.string(),
    words: z.array(WordDiffPartSchema).optional(),
  }),
]);

export const VersionDiffSchema = z.object({
  paragraphs: z.array(ParagraphChangeSchema),
  stats: z.object({
    added: index,
    removed: index,
    changed: index,
    moved: index,
    cosmetic: index,
    wordsAdded: index,
    wordsRemoved: index,
  }),
  timedOut: z.boolean(),
});
export type VersionDiffResult = z.infer<typeof VersionDiffSchema>;
