import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TextComparisonResult } from '../../shared/engine';
import { sampleWorkspace } from '../testing/sampleWorkspace';

describe('lens:save', () => {
  it('creates a lens after the others, and the next analysis reports it', async () => {
    const { ok, a, b } = await sampleWorkspace();
    const { lens } = await ok('lens:save', {
      name: 'Mistrust',
      terms: ['mistrust', 'distrust', ' Mistrust '],
      color: '#6a1b9a',
    });
    expect(lens).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Mistrust',
      terms: ['mistrust', 'distrust'],
      color: '#6a1b9a',
    });
    const { lenses } = await ok('lens:list', {});
    expect(lenses.map((l) => l.name)).toEqual(['Next round timing', 'Sanctions', 'Mistrust']);
    const analysis = (await ok('comparison:analyze', {
      aVersionId: a.id,
      bVersionId: b.id,
    })) as TextComparisonResult;
    const mistrust = analysis.lenses.find((l) => l.name === 'Mistrust')!;
    expect(mistrust.a.absent).toBe(false);
  });

  it('replaces a lens’s name, terms and color, keeping its place', async () => {
    const { ok } = await sampleWorkspace();
    const [timing] = (await ok('lens:list', {})).lenses;
    const { lens } = await ok('lens:save', {
      id: timing!.id,
      name: 'Timing',
      terms: ['next round'],
      color: '#000000',
    });
    expect(lens).toEqual({
      id: timing!.id,
      name: 'Timing',
      terms: ['next round'],
      color: '#000000',
    });
    expect((await ok('lens:list', {})).lenses.map((l) => l.name)).toEqual(['Timing', 'Sanctions']);
    // Only the case of its own name changes: not a clash.
    expect((await ok('lens:save', { ...lens, name: 'TIMING' })).lens.name).toBe('TIMING');
  });

  it('refuses a name another lens has, in any case, and an unknown lens', async () => {
    const { call, ok } = await sampleWorkspace();
    expect(
      await call('lens:save', { name: 'sanctions', terms: ['embargo'], color: '#000000' }),
    ).toEqual({ ok: false, error: 'There is already a lens named “Sanctions”.' });
    const [timing] = (await ok('lens:list', {})).lenses;
    expect(
      await call('lens:save', {
        id: timing!.id,
        name: 'SANCTIONS',
        terms: ['x'],
        color: '#000000',
      }),
    ).toEqual({ ok: false, error: 'There is already a lens named “Sanctions”.' });
    const unknown = randomUUID();
    expect(
      await call('lens:save', { id: unknown, name: 'New', terms: ['x'], color: '#000000' }),
    ).toEqual({
      ok: false,
      error: `There is no lens ${unknown} in this library; it may have been deleted.`,
    });
    expect(await call('lens:save', { name: 'Empty', terms: [], color: '#000000' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('A lens needs at least one term.'),
    });
    expect((await ok('lens:list', {})).lenses).toHaveLength(2);
  });
});

describe('a lens another program stored with terms that are not texts', () => {
  it('leaves analyses working, and can be deleted', async () => {
    const { library, ok, a, b } = await sampleWorkspace();
    const id = randomUUID();
    library.db
      .prepare(
        "INSERT INTO lenses (id, name, terms, color, position) VALUES (?, 'Odd', ?, '#123456', 9)",
      )
      .run(id, JSON.stringify([1, { x: 2 }, null, 'sanctions']));
    const { lenses } = await ok('lens:list', {});
    expect(lenses.find((l) => l.id === id)?.terms).toEqual(['sanctions']);
    const analysis = (await ok('comparison:analyze', {
      aVersionId: a.id,
      bVersionId: b.id,
    })) as TextComparisonResult;
    expect(analysis.lenses.find((l) => l.name === 'Odd')?.b.absent).toBe(false);
    await ok('lens:delete', { id });
    expect((await ok('lens:list', {})).lenses.some((l) => l.id === id)).toBe(false);
  });
});

describe('lens:delete', () => {
  it('deletes a lens; one saved afterwards still goes last', async () => {
    const { ok, call } = await sampleWorkspace();
    const [timing] = (await ok('lens:list', {})).lenses;
    expect(await ok('lens:delete', { id: timing!.id })).toEqual({});
    await ok('lens:save', { name: 'Mistrust', terms: ['mistrust'], color: '#6a1b9a' });
    expect((await ok('lens:list', {})).lenses.map((l) => l.name)).toEqual([
      'Sanctions',
      'Mistrust',
    ]);
    expect(await call('lens:delete', { id: timing!.id })).toEqual({
      ok: false,
      error: `There is no lens ${timing!.id} in this library; it may have been deleted.`,
    });
  });
});
