import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';
import {
  chooseCodebook,
  codeGroupGuid,
  exportAnnotations,
  exportCodebook,
  importWebAnnotations,
} from './exchange';

const TRICKY_NOTE = 'CGTN says "fresh sanctions", Tehran Times: none,\nnot one. 制裁 — تحریم 🙈';

/** The sample comparison with a coded pair, a note-only span, and one by a named coder. */
async function annotatedWorkspace() {
  const ws = await sampleWorkspace();
  const { a, b, comparison, codes, ok, library } = ws;
  await ok('annotation:create', {
    versionId: b.id,
    comparisonId: comparison.id,
    codeId: codes[1]!.id,
    note: TRICKY_NOTE,
    selectors: span(b, 'fresh sanctions'),
    pair: { versionId: a.id, selectors: span(a, 'Oman') },
  });
  await ok('annotation:create', {
    versionId: a.id,
    comparisonId: null,
    codeId: null,
    note: '',
    selectors: span(a, 'Iran'),
  });
  const [position] = span(b, '"good start"').filter((s) => s.type === 'TextPositionSelector');
  library.annotations.insert({
    id: randomUUID(),
    versionId: b.id,
    comparisonId: comparison.id,
    codeId: codes[0]!.id,
    note: '=HYPERLINK("x")',
    selectors: [
      { type: 'TextQuoteSelector', exact: '"good start"', prefix: 'with a ', suffix: ' on' },
      position!,
    ],
    pairId: null,
    annotator: 'Zoë A.',
    createdAt: '2026-02-07T09:00:00.000Z',
    updatedAt: '2026-02-07T09:05:00.000Z',
    carriedFrom: null,
  });
  return ws;
}

const userError = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
};

describe('annotations out and back in', () => {
  it('imports its own JSON-LD export back to the same annotations', async () => {
    const { library, listAnnotations } = await annotatedWorkspace();
    const before = await listAnnotations();
    expect(before).toHaveLength(4);
    const jsonld = exportAnnotations(library, 'jsonld');
    for (const annotation of before) library.annotations.delete(annotation.id);

    expect(importWebAnnotations(library, jsonld)).toEqual({
      imported: 4,
      duplicates: 0,
      warnings: [],
    });
    expect(await listAnnotations()).toEqual(before);
  });

  it('skips and counts annotations it already has', async () => {
    const { library, listAnnotations } = await annotatedWorkspace();
    const before = await listAnnotations();
    const jsonld = exportAnnotations(library, 'jsonld');
    library.annotations.delete(before[3]!.id);
    expect(importWebAnnotations(library, jsonld)).toMatchObject({ imported: 1, duplicates: 3 });
    expect(await listAnnotations()).toEqual(before);
  });

  it('imports nothing, and names each annotation, when a version or code is unknown', async () => {
    const { library, listAnnotations } = await annotatedWorkspace();
    const before = await listAnnotations();
    const doc = JSON.parse(exportAnnotations(library, 'jsonld'));
    const items: { id: string; creator?: unknown; target: { source: string }; body: unknown[] }[] =
      doc.first.items;
    const byCoder = items.findIndex((item) => item.creator);
    const paired = items.findIndex((item) => item.body?.length === 2 && !item.creator);
    const missingVersion = randomUUID();
    items[byCoder]!.target.source = `urn:uuid:${missingVersion}`;
    items[paired]!.body[0] = { type: 'TextualBody', purpose: 'tagging', value: 'Sarcasm' };
    for (const annotation of before) library.annotations.delete(annotation.id);

    const problems = [
      [byCoder, `it is on version ${missingVersion}, which is not in this library.`],
      [paired, 'its code “Sarcasm” is not in this library; add the code to the codebook first.'],
    ] as const;
    expect(userError(() => importWebAnnotations(library, JSON.stringify(doc)))).toBe(
      [
        'Nothing was imported: 2 of 4 annotations cannot be placed in this library:',
        ...[...problems]
          .sort((x, y) => x[0] - y[0])
          .map(([i, problem]) => `  Annotation ${i + 1} (${items[i]!.id}): ${problem}`),
      ].join('\n'),
    );
    expect(await listAnnotations()).toEqual([]);
  });

  it('refuses selectors that do not match the text of the version', async () => {
    const { library } = await annotatedWorkspace();
    const doc = JSON.parse(exportAnnotations(library, 'jsonld'));
    const item = doc.first.items.find((i: { creator?: unknown }) => i.creator);
    item.id = `urn:uuid:${randomUUID()}`;
    item.target.selector[0].exact = 'good stuff';
    expect(
      userError(() =>
        importWebAnnotations(library, JSON.stringify({ ...item, '@context': doc['@context'] })),
      ),
    ).toMatch(
      /Its selection quotes "good stuff", but characters \d+–\d+ of the text read ""good start""/,
    );
  });

  it('places an annotation that carries only a quote (as other tools write), or says why not', async () => {
    const { library, b } = await annotatedWorkspace();
    const doc = JSON.parse(exportAnnotations(library, 'jsonld'));
    const item = doc.first.items.find((i: { creator?: unknown }) => i.creator);
    const quoteOnly = (exact: string, context: object = {}) => ({
      ...item,
      '@context': doc['@context'],
      id: `urn:uuid:${randomUUID()}`,
      target: { ...item.target, selector: [{ type: 'TextQuoteSelector', exact, ...context }] },
    });

    const once = quoteOnly('fresh sanctions');
    expect(importWebAnnotations(library, JSON.stringify(once)).imported).toBe(1);
    const stored = library.annotations.get(once.id.slice('urn:uuid:'.length))!;
    const position = stored.selectors.find((s) => s.type === 'TextPositionSelector')!;
    expect(b.body.slice(position.start, position.end)).toBe('fresh sanctions');

    const twice = b.body.indexOf('Iran') !== b.body.lastIndexOf('Iran');
    expect(twice).toBe(true);
    expect(
      userError(() => importWebAnnotations(library, JSON.stringify(quoteOnly('Iran')))),
    ).toMatch(
      /its quote occurs \d+ times in the text and has no prefix, suffix or position to tell which is meant/,
    );

    // With context, the one it names: here the second "Iran" of the text.
    const second = b.body.indexOf('Iran', b.body.indexOf('Iran') + 1);
    const named = quoteOnly('Iran', {
      prefix: b.body.slice(second - 32, second),
      suffix: b.body.slice(second + 4, second + 36),
    });
    importWebAnnotations(library, JSON.stringify(named));
    const placed = library.annotations.get(named.id.slice('urn:uuid:'.length))!;
    expect(placed.selectors).toContainEqual({
      type: 'TextPositionSelector',
      start: second,
      end: second + 4,
    });
  });

  it('exports every annotation as a CSV row with its outlet and code', async () => {
    const { library, codes } = await annotatedWorkspace();
    const lines = exportAnnotations(library, 'csv').split('\r\n');
    expect(lines[0]!.startsWith('\ufeffid,outlet,headline,')).toBe(true);
    expect(lines.filter((l) => l.includes(codes[1]!.name))).toHaveLength(2);
    expect(exportAnnotations(library, 'csv')).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('codebook export', () => {
  it('gives the same .qdc file every time, with the code ids as guids', async () => {
    const { library, codes } = await sampleWorkspace();
    const qdc = exportCodebook(library, 'qdc');
    expect(exportCodebook(library, 'qdc')).toBe(qdc);
    for (const code of codes) expect(qdc).toContain(`guid="${code.id}"`);
  });

  it('derives a stable version-5 UUID for each code group', () => {
    const id = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    const guid = codeGroupGuid(id, 'Framing devices');
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(codeGroupGuid(id, 'Framing devices')).toBe(guid);
    expect(codeGroupGuid(id, 'Policy frames')).not.toBe(guid);
  });

  it('asks which codebook when the name matches none', async () => {
    const { library, codebook } = await sampleWorkspace();
    expect(chooseCodebook(library, codebook.name.toUpperCase()).id).toBe(codebook.id);
    expect(userError(() => chooseCodebook(library, 'Emotions'))).toBe(
      `There is no codebook “Emotions” in this library; it has “${codebook.name}”.`,
    );
  });
});
