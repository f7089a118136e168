// Fuzzing the API contract (issue 7): every channel's request schema answers any
// JSON value — shapeless, or shaped like the request with wrong values — with
// success or a list of issues, never an exception. Seeded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api } from './api';
import { channels } from './channels';

const SEED = 42;

/** The request's top-level keys, when it is an object schema. */
function requestKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Objects with the request's own keys (some of them) holding arbitrary JSON. */
function shapedLike(keys: string[]): fc.Arbitrary<unknown> {
  if (keys.length === 0) return fc.jsonValue();
  return fc.dictionary(
    fc.constantFrom(...keys, '__proto__', 'constructor'),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

describe('API request schemas, fuzzed', () => {
  it.each(channels.map((channel) => [channel]))('%s: never throws on any JSON', (channel) => {
    const schema = api[channel].request;
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), shapedLike(requestKeys(schema))),
        (payload) => {
          const parsed = schema.safeParse(payload);
          if (!parsed.success) {
            expect(parsed.error.issues.length).toBeGreaterThan(0);
            for (const issue of parsed.error.issues) expect(issue.message).not.toBe('');
          }
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('never throws on values JSON cannot hold either (what IPC can carry)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...channels),
        fc.anything({ maxDepth: 3 }),
        (channel, payload) => {
          expect(() => api[channel].request.safeParse(payload)).not.toThrow();
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
