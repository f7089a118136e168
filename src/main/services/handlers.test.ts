import { describe, expect, it } from 'vitest';
import { sampleFolder, tempLibrary } from '../testing/tempLibrary';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { seedSampleCorpus } from './sampleCorpus';

function seededApi() {
  const library = tempLibrary();
  seedSampleCorpus(library, sampleFolder());
  const handlers = createHandlers(library, { mode: 'cli', appVersion: '0.0.0' });
  const call = (channel: string, payload: unknown = {}) => dispatch(handlers, channel, payload);
  return { library, call };
}

describe('the API over a seeded library', () => {
  it('lists stories → articles by outlet → versions', async () => {
    const { call } = seededApi();
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
    ]);
  });

  it('finds versions by full-text search, with hits marked in the snippet', async () => {
    const { call } = seededApi();
    const result = await call('library:search', { query: 'shadow fleet' });
    expect(result).toMatchObject({ ok: true, value: { hits: [{ outlet: 'CGTN' }] } });
    const hit = (result as { value: { hits: { snippet: string }[] } }).value.hits[0]!;
    expect(hit.snippet).toContain('\ue000shadow\ue001');
    // FTS syntax in the query is taken as plain words, never a parse error.
    expect(await call('library:search', { query: 'sanctions" OR (' })).toMatchObject({ ok: true });
  });

  it('opens a comparison of two versions and remembers it as the latest', async () => {
    const { call, library } = seededApi();
    const [a, b] = library.versions.listAll();
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
    const { call } = seededApi();
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
    expect(await call('article:import', { text: '  ', outlet: 'X' })).toEqual({
      ok: false,
      error: 'The text is empty: there is no article text to import.',
    });
  });

  it('imports pasted text through the API', async () => {
    const { call } = seededApi();
    const result = await call('article:import', {
      text: 'Headline\n\nBody text here.',
      outlet: 'Al Jazeera',
    });
    expect(result).toMatchObject({ ok: true, value: { created: true } });
    const again = await call('article:import', {
      text: 'Headline\n\nBody text here.',
      outlet: 'Al Jazeera',
    });
    expect(again).toMatchObject({ ok: true, value: { created: false } });
  });
});
