import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';

describe('code:create', () => {
  it('adds a code at the end of its codebook', async () => {
    const { ok, codebook } = await sampleWorkspace();
    const { code } = await ok('code:create', {
      codebookId: codebook.id,
      name: '  Euphemism ',
      color: '#336699',
    });
    expect(code).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      codebookId: codebook.id,
      name: 'Euphemism',
      description: '',
      color: '#336699',
      group: '',
    });
    const { codebooks } = await ok('codebook:list', {});
    expect(codebooks[0]!.codes.at(-1)).toEqual(code);
    expect(codebooks[0]!.codes).toHaveLength(codebook.codes.length + 1);
  });

  it('refuses a name the codebook already has, in any case, and an unknown codebook', async () => {
    const { call, codebook } = await sampleWorkspace();
    expect(
      await call('code:create', { codebookId: codebook.id, name: 'OMISSION', color: '#000000' }),
    ).toEqual({ ok: false, error: 'There is already a code named “Omission” in this codebook.' });
    const unknown = randomUUID();
    expect(
      await call('code:create', { codebookId: unknown, name: 'New', color: '#000000' }),
    ).toEqual({ ok: false, error: `There is no codebook ${unknown} in this library.` });
    expect(
      await call('code:create', { codebookId: codebook.id, name: '   ', color: '#000000' }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('A code needs a name.') });
  });
});

describe('code:update', () => {
  it('renames and recolors a code, and its annotations keep it', async () => {
    const { ok, a, codes, listAnnotations } = await sampleWorkspace();
    const omission = codes.find((c) => c.name === 'Omission')!;
    await ok('annotation:create', {
      versionId: a.id,
      comparisonId: null,
      codeId: omission.id,
      note: '',
      selectors: span(a, 'Oman'),
    });
    const { code } = await ok('code:update', { id: omission.id, name: 'Left out' });
    expect(code).toEqual({ ...omission, name: 'Left out' });
    const { code: recolored } = await ok('code:update', { id: omission.id, color: '#004488' });
    expect(recolored).toEqual({ ...omission, name: 'Left out', color: '#004488' });
    expect((await listAnnotations())[0]!.codeId).toBe(omission.id);
    // Changing only the case of its own name is not a clash.
    expect((await ok('code:update', { id: omission.id, name: 'LEFT OUT' })).code.name).toBe(
      'LEFT OUT',
    );
  });

  it('refuses another code’s name and an unknown code', async () => {
    const { call, codes } = await sampleWorkspace();
    const [first, second] = codes as [(typeof codes)[0], (typeof codes)[0]];
    expect(await call('code:update', { id: first.id, name: second.name.toUpperCase() })).toEqual({
      ok: false,
      error: `There is already a code named “${second.name}” in this codebook.`,
    });
    const unknown = randomUUID();
    expect(await call('code:update', { id: unknown, color: '#000000' })).toEqual({
      ok: false,
      error: `There is no code ${unknown} in this library; it may have been merged or deleted.`,
    });
  });
});

describe('code:merge', () => {
  it('moves every annotation of one code to the other and deletes the first', async () => {
    const { ok, a, b, codes, listAnnotations } = await sampleWorkspace();
    const [from, into, other] = codes as [(typeof codes)[0], (typeof codes)[0], (typeof codes)[0]];
    const annotate = (codeId: string, versionId: string, text: string) =>
      ok('annotation:create', {
        versionId,
        comparisonId: null,
        codeId,
        note: '',
        selectors: span(versionId === a.id ? a : b, text),
      });
    await annotate(from.id, a.id, 'Oman');
    await annotate(from.id, b.id, 'fresh sanctions');
    await annotate(into.id, b.id, 'Muscat');
    await annotate(other.id, a.id, 'a very good start');
    const before = await listAnnotations();

    expect(await ok('code:merge', { fromId: from.id, intoId: into.id })).toEqual({ moved: 2 });
    // A merge reads as the newest edit of what it moved, even within the same millisecond.
    const after = await listAnnotations();
    for (const [i, annotation] of before.entries())
      if (annotation.codeId === from.id)
        expect(after[i]!.updatedAt > annotation.updatedAt).toBe(true);
    expect((await listAnnotations()).map((x) => x.codeId)).toEqual([
      into.id,
      into.id,
      into.id,
      other.id,
    ]);
    const { codebooks } = await ok('codebook:list', {});
    expect(codebooks[0]!.codes.map((c) => c.id)).not.toContain(from.id);
    expect(codebooks[0]!.codes).toHaveLength(codes.length - 1);
  });

  it('refuses merging a code with itself, an unknown code, or codes of two codebooks', async () => {
    const { call, library, codes } = await sampleWorkspace();
    const [first, second] = codes as [(typeof codes)[0], (typeof codes)[0]];
    expect(await call('code:merge', { fromId: first.id, intoId: first.id })).toEqual({
      ok: false,
      error: 'Choose two different codes to merge.',
    });
    const unknown = randomUUID();
    expect(await call('code:merge', { fromId: unknown, intoId: first.id })).toEqual({
      ok: false,
      error: `There is no code ${unknown} in this library; it may have been merged or deleted.`,
    });
    const elsewhere = library.codebooks.create('Class codebook', '', [
      { name: 'Tone', description: '', color: '#123456', group: '' },
    ]).codes[0]!;
    expect(await call('code:merge', { fromId: elsewhere.id, intoId: second.id })).toEqual({
      ok: false,
      error: `“Tone” and “${second.name}” are in different codebooks; only codes of one codebook can be merged.`,
    });
    expect(library.codebooks.getCode(elsewhere.id)).toEqual(elsewhere);
  });
});
