// Fuzzing the API end to end (issue 7): arbitrary payloads on every channel,
// through dispatch and the real handlers over a real library, come back as
// {ok, value} or {ok: false, error} with a readable message — never a throw,
// never an internal error ("Cannot read properties of undefined"). Payloads are
// shaped like each request and use the library's real ids, so many get past
// validation into the handlers. Seeded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { channels, type Channel } from '../../shared/channels';
import { EngineRunner } from '../engine/engineRunner';
import { createHandlers } from './handlers';
import { dispatch } from './dispatch';
import { sampleWorkspace } from '../testing/sampleWorkspace';

const SEED = 42;

/** What only a bug would put in a message a user sees. */
const INTERNAL =
  /internal error|Cannot read propert|undefined is not|is not a function|is not iterable|SQLITE_|\bat \S+\.ts:\d+/i;

function requestKeys(channel: Channel): string[] {
  const shape = (api[channel].request as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

describe('dispatch, fuzzed over a real library', () => {
  it('answers every payload on every channel with a result or a readable refusal', async () => {
    const { library } = await sampleWorkspace();
    const engine = new EngineRunner();
    const handlers = createHandlers(library, { mode: 'cli', appVersion: '0.0.0' }, engine);
    const realIds = [
      ...library.versions.listAll().map((v) => v.id),
      ...library.stories.list().map((s) => s.id),
      ...library.codebooks.list().flatMap((c) => [c.id, ...c.codes.map((code) => code.id)]),
      ...library.lenses.list().map((l) => l.id),
    ];
    const id = fc.oneof(fc.constantFrom(...realIds), fc.uuid(), fc.string({ maxLength: 40 }));
    const value = (key: string): fc.Arbitrary<unknown> =>
      /ids$/i.test(key)
        ? fc.array(id, { maxLength: 3 })
        : /id$/i.test(key)
          ? fc.oneof(id, fc.constant(null))
          : fc.jsonValue({ maxDepth: 3 });
    const payload = (channel: Channel): fc.Arbitrary<unknown> => {
      const keys = requestKeys(channel);
      if (keys.length === 0) return fc.jsonValue({ maxDepth: 3 });
      return fc.oneof(
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        {
          weight: 4,
          arbitrary: fc.record(Object.fromEntries(keys.map((key) => [key, value(key)])), {
            requiredKeys: [],
          }),
        },
      );
    };
    const call = fc
      .constantFrom(...channels)
      .chain((channel) => payload(channel).map((request) => ({ channel, request })));
    const seen = { ok: 0, refused: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(call, async ({ channel, request }) => {
          // Keep the fuzz offline and quick: no real URL fetch, no PDF printing.
          const json = JSON.stringify(request) ?? '';
          fc.pre(!/"url"/.test(json) || channel !== 'import:preview');
          fc.pre(channel !== 'report:create' || !/"pdf"/.test(json));
          const result = await dispatch(handlers, channel, request);
          if (result.ok) {
            seen.ok++;
            return;
          }
          seen.refused++;
          expect(typeof result.error).toBe('string');
          expect(result.error.trim()).not.toBe('');
          expect(result.error).not.toMatch(INTERNAL);
        }),
        { seed: SEED, numRuns: 400 },
      );
    } finally {
      await engine.close();
    }
    console.log(`dispatch fuzz: ${seen.ok} accepted, ${seen.refused} refused with a message`);
    expect(seen.ok).toBeGreaterThan(0);
  }, 60_000);
});
