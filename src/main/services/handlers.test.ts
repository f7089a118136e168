import { describe, expect, it } from 'vitest';
import { proposedArticle } from '../testing/proposedArticle';
import { sampleFolder, tempLibrary } from '../testing/tempLibrary';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { seedSampleCorpus } from './sampleCorpus';

async function seededApi() {
  const library = tempLibrary();
  await seedSampleCorpus(library, sampleFolder());
  const handlers = createHandlers(library, { mode: 'cli', appVersion: '0.0.0' });
  const call = (channel: string, payload: unknown = {}) => dispatch(handlers, channel, payload);
  return { library, call };
}

describe('the API over a seeded library', () => {
  it('lists stories → articles by outlet → versions', async () => {
    const { call } = await seededApi();
    const result = await call('library:overview');
    expect(result.ok).toBe(true);
    const overview = (
      result as {
        value: { stories: { articles: { outlet: { name: string }; versions: unknown[] }[] }[] };
      }
    ).value;
    expect(overview.stories).toHaveLength(1);
    expect(overview.stories[0]!.articles.map((a) => [a.outlet.name, a.versions.length])).toEqual([
      ['CGTN', 1],
      ['Tehran Times', 1],
      ['Tehran Times', 1],
    ]);
    expect((overview as unknown as { unfiled: unknown[] }).unfiled).toHaveLength(1);
  });

  it('finds versions by full-text search, with hits marked in the snippet', async () => {
    const { call } = await seededApi();
    const result = await call('library:search', { query: 'shadow fleet' });
    expect(result).toMatchObject({ ok: true, value: { hits: [{ outlet: 'CGTN' }] } });
    const hit = (result as { value: { hits: { snippet: string }[] } }).value.hits[0]!;
    expect(hit.snippet).toContain('\ue000shadow\ue001');
    // FTS syntax in the query is taken as plain words, never a parse error.
    expect(await call('library:search', { query: 'sanctions" OR (' })).toMatchObject({ ok: true });
  });

  it('opens a comparison of two versions and remembers it as the latest', async () => {
    const { call, library } = await seededApi();
    const [a, b] = library.versions.listAll().slice(-2);
    const opened = await call('comparison:open', { aVersionId: b!.id, bVersionId: a!.id });
    expect(opened).toMatchObject({
      ok: true,
      value: { a: { version: { id: b!.id } }, b: { version: { id: a!.id } } },
    });
    const list = await call('comparison:list');
    expect(
      (list as { value: { comparisons: { aVersionId: string }[] } }).value.comparisons[0]!
        .aVersionId,
    ).toBe(b!.id);
  });

  it('answers bad requests with one message and no exception', async () => {
    const { call } = await seededApi();
    expect(await call('nope:nothing')).toEqual({
      ok: false,
      error: 'Unknown API channel "nope:nothing".',
    });
    expect(await call('version:get', { id: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid request for version:get: id:/),
    });
    expect(await call('version:get', { id: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: false,
      error: 'There is no version 00000000-0000-4000-8000-000000000000 in this library.',
    });
    expect(await call('import:preview', { source: { kind: 'text', text: '  ' } })).toEqual({
      ok: false,
      error: 'The pasted text is empty: there is no article to import.',
    });
  });

  it('previews pasted text, then saves what the user confirmed', async () => {
    const { call, library } = await seededApi();
    const preview = await call('import:preview', {
      source: {
        kind: 'text',
        text: 'Talks resume\n\nStaff Writer\n\nIran and the US met in\n\nthe capital of Oman.',
      },
      outlet: 'Al Jazeera',
    });
    expect(preview).toMatchObject({
      ok: true,
      value: {
        articles: [
          {
            headline: 'Talks resume',
            byline: 'Staff Writer',
            outlet: 'Al Jazeera',
            paragraphs: ['Iran and the US met in the capital of Oman.'],
          },
        ],
        sourceKind: 'paste',
      },
    });
    const before = library.versions.count();
    expect(library.versions.count()).toBe(before); // a preview writes nothing
    const proposal = (preview as { value: { articles: object[]; rawInput: string } }).value;
    const edited = { ...proposal.articles[0], headline: 'Talks resume in Oman' };
    const commit = {
      articles: [edited],
      rawInput: proposal.rawInput,
      sourceKind: 'paste',
      sourceName: null,
    };
    expect(await call('import:commit', commit)).toMatchObject({
      ok: true,
      value: { saved: [{ created: true, headline: 'Talks resume in Oman' }] },
    });
    expect(await call('import:commit', commit)).toMatchObject({
      ok: true,
      value: { saved: [{ created: false }] },
    });
    expect(library.versions.count()).toBe(before + 1);
  });

  it('refuses a commit with no article, or an article without outlet', async () => {
    const { call } = await seededApi();
    const base = { rawInput: 'x', sourceKind: 'paste', sourceName: null };
    expect(await call('import:commit', { ...base, articles: [] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('There is no article to save.'),
    });
  });
});

describe('the engine over the API (on a worker thread)', () => {
  it('analyzes the sample comparison: links, omissions, the Sanctions lens, voices', async () => {
    const { call, library } = await seededApi();
    const [comparison] = library.comparisons.list();
    const result = await call('comparison:analyze', {
      aVersionId: comparison!.aVersionId,
      bVersionId: comparison!.bVersionId,
    });
    expect(result.ok).toBe(true);
    const value = (result as { value: import('../../shared/engine').TextComparisonResult }).value;
    expect(value.links.some((l) => l.kind === 'same')).toBe(true);
    expect(value.onlyB.length).toBeGreaterThan(0);
    const sanctions = value.lenses.find((l) => l.name === 'Sanctions')!;
    expect([sanctions.a.absent, sanctions.b.absent]).toEqual([true, false]);
    expect(value.voices.onlyB.some((speaker) => /Trump/.test(speaker))).toBe(true);
  });

  it('diffs two versions of an article, hiding cosmetic changes on request', async () => {
    const { call } = await seededApi();
    const save = (paragraphs: string[]) =>
      call('import:commit', {
        articles: [proposedArticle({ headline: 'Talks resume', paragraphs })],
        rawInput: paragraphs.join('\n\n'),
        sourceKind: 'paste',
        sourceName: null,
      });
    const first = await save(['Talks resumed on Friday.', 'The "next round" is not set.']);
    const second = await save([
      'Talks resumed on Friday.',
      'The “next round” is not set.',
      'Trump said next week.',
    ]);
    const ids = [first, second].map(
      (r) => (r as { value: { saved: { versionId: string }[] } }).value.saved[0]!.versionId,
    );
    const diff = await call('version:diff', { oldVersionId: ids[0], newVersionId: ids[1] });
    expect(diff).toMatchObject({ ok: true, value: { stats: { added: 1, cosmetic: 1 } } });
    const hidden = await call('version:diff', {
      oldVersionId: ids[0],
      newVersionId: ids[1],
      hideCosmetic: true,
    });
    expect(hidden).toMatchObject({
      ok: true,
      value: { stats: { added: 1, cosmetic: 0, changed: 0 } },
    });
  });
});
