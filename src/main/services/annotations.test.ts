import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Annotation, Selector } from '../../shared/domain';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('annotation:create and annotation:list', () => {
  it('saves a span with a code and a note, signed by the reader, and lists it for the comparison', async () => {
    const { ok, call, comparison, a, b, codes, listAnnotations: list } = await sampleWorkspace();
    await ok('settings:update', { annotatorName: 'Zoë Ahmadi' });
    const { annotations } = await ok('annotation:create', {
      versionId: a.id,
      comparisonId: comparison.id,
      codeId: codes[0]!.id,
      note: 'Leaves out the sanctions.',
      selectors: span(a, 'Oman'),
    });
    expect(annotations).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        versionId: a.id,
        comparisonId: comparison.id,
        codeId: codes[0]!.id,
        note: 'Leaves out the sanctions.',
        selectors: span(a, 'Oman'),
        pairId: null,
        annotator: 'Zoë Ahmadi',
        createdAt: expect.stringMatching(ISO),
        updatedAt: annotations[0]!.createdAt,
        carriedFrom: null,
      },
    ]);
    expect(await list()).toEqual(annotations);
    expect(await ok('annotation:list', { aVersionId: a.id, bVersionId: b.id })).toEqual({
      annotations,
      orphans: [],
    });
    const unknown = randomUUID();
    expect(await call('annotation:list', { aVersionId: a.id, bVersionId: unknown })).toEqual({
      ok: false,
      error: `There is no version ${unknown} in this library.`,
    });
  });

  it('saves a pair as two annotations sharing one pairId, listed oldest first', async () => {
    const { ok, comparison, a, b, codes, listAnnotations: list } = await sampleWorkspace();
    const alone = await ok('annotation:create', {
      versionId: b.id,
      comparisonId: comparison.id,
      codeId: null,
      note: '',
      selectors: span(b, 'fresh sanctions'),
    });
    const { annotations: pair } = await ok('annotation:create', {
      versionId: a.id,
      comparisonId: comparison.id,
      codeId: codes[1]!.id,
      note: 'Same place, named differently.',
      selectors: span(a, 'Oman'),
      pair: { versionId: b.id, selectors: span(b, "Oman's Muscat") },
    });
    expect(pair.map((x) => x.versionId)).toEqual([a.id, b.id]);
    expect(pair[0]!.pairId).toMatch(/^[0-9a-f-]{36}$/);
    expect(pair[1]).toMatchObject({
      pairId: pair[0]!.pairId,
      codeId: codes[1]!.id,
      note: 'Same place, named differently.',
    });
    expect(pair[0]!.id).not.toBe(pair[1]!.id);
    expect(await list()).toEqual([...alone.annotations, ...pair]);
  });

  it('writes neither half of a pair when the second half is invalid', async () => {
    const { call, comparison, a, b, listAnnotations: list } = await sampleWorkspace();
    const result = await call('annotation:create', {
      versionId: a.id,
      comparisonId: comparison.id,
      codeId: null,
      note: '',
      selectors: span(a, 'Oman'),
      pair: {
        versionId: b.id,
        selectors: [{ type: 'TextPositionSelector', start: 0, end: b.body.length + 1 }],
      },
    });
    expect(result).toEqual({
      ok: false,
      error: `The paired selection (characters 0–${b.body.length + 1}) runs past the end of the text, which has ${b.body.length} characters.`,
    });
    expect(await list()).toEqual([]);
  });

  it('refuses spans that do not anchor in the text, with the problem named', async () => {
    const { call, a, listAnnotations: list } = await sampleWorkspace();
    const create = (selectors: Selector[], versionId = a.id) =>
      call('annotation:create', {
        versionId,
        comparisonId: null,
        codeId: null,
        note: '',
        selectors,
      });
    const [, position] = span(a, 'Oman') as [Selector, Selector & { start: number }];
    expect(await create([{ type: 'TextQuoteSelector', exact: 'Cairo' }, position])).toEqual({
      ok: false,
      error: `The selection quotes "Cairo", but characters ${position.start}–${position.start + 4} of the text read "Oman".`,
    });
    expect(await create([{ type: 'TextPositionSelector', start: 4, end: 4 }])).toEqual({
      ok: false,
      error: 'The selection is empty (characters 4–4); select at least one character.',
    });
    expect(await create([{ type: 'TextQuoteSelector', exact: 'not in this article' }])).toEqual({
      ok: false,
      error: 'The selection quotes "not in this article", which does not occur in the text.',
    });
    const missing = randomUUID();
    expect(await create(span(a, 'Oman'), missing)).toEqual({
      ok: false,
      error: `There is no version ${missing} in this library.`,
    });
    expect(await list()).toEqual([]);
  });

  it('refuses an unknown code, an unknown comparison, and a version outside the comparison', async () => {
    const { call, library, comparison, a, b } = await sampleWorkspace();
    const base = { versionId: a.id, comparisonId: comparison.id, codeId: null, note: '' };
    const selectors = span(a, 'Oman');
    const unknown = randomUUID();
    expect(await call('annotation:create', { ...base, selectors, codeId: unknown })).toEqual({
      ok: false,
      error: `There is no code ${unknown} in this library; it may have been merged or deleted.`,
    });
    expect(await call('annotation:create', { ...base, selectors, comparisonId: unknown })).toEqual({
      ok: false,
      error: `There is no comparison ${unknown} in this library.`,
    });
    const other = library.versions.listAll().find((v) => v.id !== a.id && v.id !== b.id)!;
    const otherBody = library.versions.get(other.id)!.body;
    expect(
      await call('annotation:create', {
        ...base,
        versionId: other.id,
        selectors: [{ type: 'TextPositionSelector', start: 0, end: Math.min(5, otherBody.length) }],
      }),
    ).toEqual({
      ok: false,
      error: `Version ${other.id} is not one of the two versions of the comparison “${comparison.title}”.`,
    });
    expect(
      await call('annotation:create', { ...base, selectors, pair: { versionId: a.id, selectors } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Both halves of the pair are in the same version/),
    });
  });
});

describe('annotation:update', () => {
  it('changes the note and the code, and moves updatedAt forward', async () => {
    const { ok, call, a, codes, listAnnotations: list } = await sampleWorkspace();
    const [created] = (
      await ok('annotation:create', {
        versionId: a.id,
        comparisonId: null,
        codeId: codes[0]!.id,
        note: 'first thought',
        selectors: span(a, 'Oman'),
      })
    ).annotations as [Annotation];
    const { annotation: renoted } = await ok('annotation:update', {
      id: created.id,
      note: 'second thought',
    });
    expect(renoted).toEqual({ ...created, note: 'second thought', updatedAt: renoted.updatedAt });
    expect(renoted.updatedAt > created.updatedAt).toBe(true);
    const { annotation: recoded } = await ok('annotation:update', {
      id: created.id,
      codeId: codes[2]!.id,
    });
    expect(recoded).toMatchObject({ note: 'second thought', codeId: codes[2]!.id });
    expect(recoded.updatedAt > renoted.updatedAt).toBe(true);
    const { annotation: uncoded } = await ok('annotation:update', { id: created.id, codeId: null });
    expect(uncoded.codeId).toBeNull();
    expect(await list()).toEqual([uncoded]);

    const unknown = randomUUID();
    expect(await call('annotation:update', { id: created.id, codeId: unknown })).toEqual({
      ok: false,
      error: `There is no code ${unknown} in this library; it may have been merged or deleted.`,
    });
    expect(await call('annotation:update', { id: unknown, note: 'x' })).toEqual({
      ok: false,
      error: `There is no annotation ${unknown} in this library; it may have been deleted.`,
    });
    expect(await list()).toEqual([uncoded]);
  });
});

describe('annotation:delete and annotation:restore', () => {
  it('deletes one half of a pair and restores it identical, pairing it again', async () => {
    const { ok, call, comparison, a, b, codes, listAnnotations: list } = await sampleWorkspace();
    await ok('annotation:create', {
      versionId: a.id,
      comparisonId: comparison.id,
      codeId: codes[0]!.id,
      note: 'A pair',
      selectors: span(a, 'Oman'),
      pair: { versionId: b.id, selectors: span(b, "Oman's Muscat") },
    });
    const before = await list();
    const { annotation: deleted } = await ok('annotation:delete', { id: before[1]!.id });
    expect(deleted).toEqual(before[1]);
    const remaining = await list();
    expect(remaining).toEqual([before[0]]);
    expect(remaining[0]!.pairId).toBe(deleted.pairId);

    expect(await ok('annotation:restore', { annotation: deleted })).toEqual({
      annotation: deleted,
    });
    expect(await list()).toEqual(before);
    expect(await call('annotation:restore', { annotation: deleted })).toEqual({
      ok: false,
      error: 'This annotation is already in the library; there is nothing to restore.',
    });
    expect(await call('annotation:delete', { id: randomUUID() })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^There is no annotation .* it may have been deleted\.$/),
    });
  });

  it('restores a carried copy still marked as carried, with how it was placed', async () => {
    const { ok, call, library, a, b, listAnnotations: list } = await sampleWorkspace();
    const carriedFrom = { annotationId: randomUUID(), versionId: a.id, method: 'fuzzy' as const };
    library.annotations.insert({
      id: randomUUID(),
      versionId: b.id,
      comparisonId: null,
      codeId: null,
      note: 'carried',
      selectors: span(b, 'fresh sanctions'),
      pairId: null,
      annotator: 'Zoë',
      createdAt: '2026-02-07T09:00:00.000Z',
      updatedAt: '2026-02-07T09:00:00.000Z',
      carriedFrom,
    });
    const [copy] = await list();
    const { annotation: deleted } = await ok('annotation:delete', { id: copy!.id });
    expect(deleted.carriedFrom).toEqual(carriedFrom);
    await ok('annotation:restore', { annotation: deleted });
    expect(await list()).toEqual([copy]);

    // Meanwhile another copy of the same original came (say, merged from a student's bundle).
    await ok('annotation:delete', { id: copy!.id });
    library.annotations.insert({ ...copy!, id: randomUUID(), note: 'merged' });
    expect(await call('annotation:restore', { annotation: deleted })).toEqual({
      ok: false,
      error:
        'This version already has another copy of the annotation this one was carried from, so it cannot be restored.',
    });
  });

  it('refuses to restore onto another version, or with a code that is gone', async () => {
    const { ok, call, a, codes, listAnnotations: list } = await sampleWorkspace();
    const [created] = (
      await ok('annotation:create', {
        versionId: a.id,
        comparisonId: null,
        codeId: codes[0]!.id,
        note: '',
        selectors: span(a, 'Oman'),
      })
    ).annotations as [Annotation];
    const { annotation: deleted } = await ok('annotation:delete', { id: created.id });
    expect(
      await call('annotation:restore', { annotation: { ...deleted, versionId: randomUUID() } }),
    ).toEqual({
      ok: false,
      error:
        'This is not the annotation that was deleted (the version differs), so it cannot be restored.',
    });
    await ok('code:merge', { fromId: codes[0]!.id, intoId: codes[1]!.id });
    expect(await call('annotation:restore', { annotation: deleted })).toEqual({
      ok: false,
      error:
        'The code of this annotation has since been merged or deleted, so it cannot be restored as it was.',
    });
    expect(await list()).toEqual([]);
  });
});
