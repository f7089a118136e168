// Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/),
// out and back in. Each annotation targets its version as urn:uuid:<versionId> with a
// TextQuoteSelector and a TextPositionSelector; the code travels as a tagging body and
// the note as a commenting body. Pairs and comparisons have no term in the W3C
// vocabulary, so they travel under a `parallax:` prefix declared in the @context.
import { z } from 'zod';
import {
  IdSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  type Selector,
} from '../../shared/domain';
import type { AnnotationInContext } from './annotationInContext';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const PARALLAX_PREFIX = 'parallax';
const PARALLAX_NAMESPACE = 'urn:parallax:';
const CONTEXT = [ANNO_CONTEXT, { [PARALLAX_PREFIX]: PARALLAX_NAMESPACE }];
const PAIR_KEY = `${PARALLAX_PREFIX}:pairId`;
const COMPARISON_KEY = `${PARALLAX_PREFIX}:comparisonId`;

const urn = (id: string) => `urn:uuid:${id}`;

/** One annotation as a W3C Annotation object (without @context: the collection carries it). */
export function toWebAnnotation({ annotation: a, code }: AnnotationInContext) {
  const body = [
    ...(code
      ? [{ type: 'TextualBody', purpose: 'tagging', value: code.name, id: urn(code.id) }]
      : []),
    ...(a.note ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note }] : []),
  ];
  return {
    id: urn(a.id),
    type: 'Annotation',
    motivation: code ? 'tagging' : a.note ? 'commenting' : 'highlighting',
    ...(body.length ? { body } : {}),
    target: { source: urn(a.versionId), selector: a.selectors },
    ...(a.annotator ? { creator: { type: 'Person', name: a.annotator } } : {}),
    created: a.createdAt,
    modified: a.updatedAt,
    ...(a.pairId ? { [PAIR_KEY]: urn(a.pairId) } : {}),
    ...(a.comparisonId ? { [COMPARISON_KEY]: urn(a.comparisonId) } : {}),
  };
}

/**
 * The annotations as one AnnotationCollection with its single page embedded, as JSON
 * text. `id` names the collection (a urn:uuid: address); the page is `id#page-1`.
 */
export function webAnnotationCollection(
  entries: readonly AnnotationInContext[],
  options: { id: string; label: string },
): string {
  const collection = {
    '@context': CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    total: entries.length,
    first: {
      id: `${options.id}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: entries.map(toWebAnnotation),
    },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

/** An annotation read from JSON-LD, its code named but not yet looked up in a library. */
export interface WebAnnotationIn {
  /** Where it is in the file, counting from 1, for messages. */
  position: number;
  id: string;
  versionId: string;
  /** The tagging body: the code's name, and its id when the file gives one. */
  code: { id: string | null; name: string } | null;
  note: string;
  selectors: Selector[];
  annotator: string;
  createdAt: string;
  updatedAt: string;
  pairId: string | null;
  comparisonId: string | null;
}

export type WebAnnotationsRead =
  { ok: true; annotations: WebAnnotationIn[] } | { ok: false; problems: string[] };

const asArray = (value: unknown) => (value === undefined || Array.isArray(value) ? value : [value]);

const UrnUuidSchema = z
  .string({ error: 'must be a urn:uuid: address' })
  .regex(/^urn:uuid:/i, 'must be a urn:uuid: address')
  .transform((value) => value.slice('urn:uuid:'.length).toLowerCase())
  .pipe(z.uuid('must be a urn:uuid: address with a valid UUID'));

const DateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'must be a date and time such as 2026-02-06T12:00:00Z',
});

const TextualBodySchema = z.object({
  type: z.literal('TextualBody', { error: 'must be a TextualBody (text written in the file)' }),
  purpose: z.string({ error: 'must be text' }).optional(),
  value: z.string({ error: 'must be text' }),
  id: z.string({ error: 'must be text' }).optional(),
});

const AnnotationInSchema = z.object({
  id: UrnUuidSchema,
  type: z.preprocess(
    asArray,
    z
      .array(z.string(), { error: 'is missing' })
      .refine((types) => types.includes('Annotation'), 'must be "Annotation"'),
  ),
  motivation: z.preprocess(asArray, z.array(z.string({ error: 'must be text' })).optional()),
  body: z.preprocess(asArray, z.array(TextualBodySchema).optional()),
  bodyValue: z.string({ error: 'must be text' }).optional(),
  target: z.object(
    {
      source: UrnUuidSchema,
      selector: z.preprocess(
        asArray,
        z.array(z.looseObject({ type: z.string({ error: 'must name the selector type' }) }), {
          error: 'is missing: Parallax anchors annotations by their selectors',
        }),
      ),
    },
    { error: 'must be an object with a source and selectors' },
  ),
  creator: z
    .union(
      [z.string(), z.looseObject({ name: z.string().optional(), nickname: z.string().optional() })],
      {
        error: 'must be a name or an object with a name',
      },
    )
    .optional(),
  created: DateTimeSchema,
  modified: DateTimeSchema.optional(),
  [PAIR_KEY]: UrnUuidSchema.optional(),
  [COMPARISON_KEY]: UrnUuidSchema.optional(),
});

const describeIssue = (issue: z.core.$ZodIssue) =>
  `${issue.path.length ? issue.path.join('.') : 'it'} ${issue.message}`;

/** The Parallax annotation in one W3C Annotation object, or what is wrong with it. */
function readAnnotation(
  item: unknown,
  position: number,
): { ok: true; value: WebAnnotationIn } | { ok: false; problem: string } {
  const parsed = AnnotationInSchema.safeParse(item);
  if (!parsed.success) return { ok: false, problem: describeIssue(parsed.error.issues[0]!) };
  const w = parsed.data;

  const selectors: Selector[] = [];
  for (const [i, raw] of w.target.selector.entries()) {
    // Other selector kinds (CSS, XPath, …) point into markup Parallax does not keep.
    const schema =
      raw.type === 'TextQuoteSelector'
        ? TextQuoteSelectorSchema
        : raw.type === 'TextPositionSelector'
          ? TextPositionSelectorSchema
          : null;
    if (!schema) continue;
    const selector = schema.safeParse(raw);
    if (!selector.success) {
      const issue = selector.error.issues[0]!;
      return {
        ok: false,
        problem: describeIssue({ ...issue, path: ['target', 'selector', i, ...issue.path] }),
      };
    }
    selectors.push(selector.data);
  }
  if (selectors.length === 0) {
    return {
      ok: false,
      problem: 'has no TextQuoteSelector or TextPositionSelector, so it cannot be anchored',
    };
  }

  const motivations = w.motivation ?? [];
  const codes: { id: string | null; name: string }[] = [];
  const notes: string[] = w.bodyValue !== undefined ? [w.bodyValue] : [];
  for (const body of w.body ?? []) {
    const purpose = body.purpose ?? (motivations.includes('tagging') ? 'tagging' : 'commenting');
    if (purpose === 'tagging' || purpose === 'classifying') {
      const id = body.id && /^urn:uuid:/i.test(body.id) ? body.id.slice(9).toLowerCase() : null;
      codes.push({ id: id && IdSchema.safeParse(id).success ? id : null, name: body.value });
    } else if (purpose === 'commenting' || purpose === 'describing') {
      notes.push(body.value);
    } else {
      return {
        ok: false,
        problem: `has a body with purpose "${purpose}"; Parallax reads tagging (the code) and commenting (the note)`,
      };
    }
  }
  if (codes.length > 1) {
    return {
      ok: false,
      problem: `has ${codes.length} tagging bodies (${codes.map((c) => `"${c.name}"`).join(', ')}); a Parallax annotation has one code`,
    };
  }
  if (notes.length > 1) {
    return {
      ok: false,
      problem: `has ${notes.length} comments; a Parallax annotation has one note`,
    };
  }
  const creator = w.creator;
  return {
    ok: true,
    value: {
      position,
      id: w.id,
      versionId: w.target.source,
      code: codes[0] ?? null,
      note: notes[0] ?? '',
      selectors,
      annotator: typeof creator === 'string' ? creator : (creator?.name ?? creator?.nickname ?? ''),
      createdAt: w.created,
      updatedAt: w.modified ?? w.created,
      pairId: w[PAIR_KEY] ?? null,
      comparisonId: w[COMPARISON_KEY] ?? null,
    },
  };
}

function hasAnnoContext(value: unknown): boolean {
  const contexts = Array.isArray(value) ? value : [value];
  return contexts.some((c) => c === ANNO_CONTEXT || c === 'https://www.w3.org/ns/anno.jsonld');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The annotation objects of a collection, a page, a list or a single annotation. */
function annotationItems(
  doc: unknown,
): { ok: true; items: unknown[] } | { ok: false; problem: string } {
  const notAnno = {
    ok: false as const,
    problem: `The file is not W3C Web Annotation JSON-LD: it needs an "@context" of "${ANNO_CONTEXT}".`,
  };
  if (Array.isArray(doc)) {
    return doc.every((item) => isObject(item) && hasAnnoContext(item['@context']))
      ? { ok: true, items: doc }
      : notAnno;
  }
  if (!isObject(doc)) return notAnno;
  if (!hasAnnoContext(doc['@context'])) return notAnno;
  const types = asArray(doc.type) as unknown[] | undefined;
  if (types?.includes('Annotation')) return { ok: true, items: [doc] };
  let page: unknown;
  if (types?.includes('AnnotationPage')) page = doc;
  else if (types?.includes('AnnotationCollection')) {
    if (doc.first === undefined) return { ok: true, items: [] };
    page = doc.first;
  } else {
    return {
      ok: false,
      problem:
        'The file holds no Annotation, AnnotationPage or AnnotationCollection ("type" says neither).',
    };
  }
  // Pages are read when embedded; a link to a page elsewhere cannot be followed offline.
  const items: unknown[] = [];
  while (page !== undefined) {
    if (!isObject(page)) {
      return {
        ok: false,
        problem: `The collection links to its pages (${JSON.stringify(page)}) instead of embedding them; export it with the pages embedded.`,
      };
    }
    if (!Array.isArray(page.items)) {
      return { ok: false, problem: 'An AnnotationPage in the file has no "items" list.' };
    }
    items.push(...(page.items as unknown[]));
    page = page.next;
  }
  return { ok: true, items };
}

/**
 * Reads W3C Web Annotation JSON-LD text: an AnnotationCollection with embedded pages,
 * an AnnotationPage, a list of annotations or one annotation. Every annotation is
 * checked; the problems come back one per annotation, numbered from 1 in file order.
 */
export function readWebAnnotations(text: string): WebAnnotationsRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problems: [`The file is not valid JSON: ${(error as Error).message}.`] };
  }
  const found = annotationItems(doc);
  if (!found.ok) return { ok: false, problems: [found.problem] };
  const annotations: WebAnnotationIn[] = [];
  const problems: string[] = [];
  found.items.forEach((item, i) => {
    const read = readAnnotation(item, i + 1);
    if (read.ok) annotations.push(read.value);
    else {
      const id = isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
      problems.push(`Annotation ${i + 1}${id}: ${read.problem}.`);
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, annotations };
}
