import { describe, expect, it } from 'vitest';
import {
  diffVersions,
  isCosmeticEdit,
  longestIncreasingRun,
  splitParagraphs,
  withoutCosmetic,
  type ParagraphChange,
  type VersionDiff,
} from './versionDiff';
import { sidesOfParts } from './wordDiff';

const base = [
  'Iran and the United States held their first round of talks in Muscat on Friday.',
  'The Iranian foreign minister called the talks a very good start.',
  'Oman mediated between the two delegations, which did not meet face to face.',
  'Washington announced new sanctions on the same day, targeting oil shipments.',
  'Regional leaders welcomed the resumption of the talks and urged restraint.',
];
const body = (paragraphs: string[]) => paragraphs.join('\n\n');
const kinds = (diff: VersionDiff) => diff.paragraphs.map((p) => p.kind);

function only<K extends ParagraphChange['kind']>(
  diff: VersionDiff,
  kind: K,
): Extract<ParagraphChange, { kind: K }>[] {
  return diff.paragraphs.filter((p): p is Extract<ParagraphChange, { kind: K }> => p.kind === kind);
}

describe('diffVersions on small edits', () => {
  it('reports identical versions as unchanged', () => {
    const diff = diffVersions(body(base), body(base));
    expect(kinds(diff)).toEqual(Array(5).fill('unchanged'));
    expect(diff.stats).toMatchObject({ added: 0, removed: 0, changed: 0, moved: 0 });
    expect(diff.timedOut).toBe(false);
  });

  it('finds an inserted paragraph', () => {
    const inserted = 'The next round will be held early next week, officials said.';
    const diff = diffVersions(body(base), body([...base.slice(0, 2), inserted, ...base.slice(2)]));
    expect(kinds(diff)).toEqual([
      'unchanged',
      'unchanged',
      'added',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(diff.paragraphs[2]).toEqual({ kind: 'added', newIndex: 2, text: inserted });
    expect(diff.stats).toMatchObject({ added: 1, wordsAdded: 11, wordsRemoved: 0 });
  });

  it('finds a removed paragraph and keeps it where it was', () => {
    const diff = diffVersions(body(base), body([...base.slice(0, 3), base[4]!]));
    expect(kinds(diff)).toEqual(['unchanged', 'unchanged', 'unchanged', 'removed', 'unchanged']);
    expect(diff.paragraphs[3]).toEqual({ kind: 'removed', oldIndex: 3, text: base[3] });
    expect(diff.stats).toMatchObject({ removed: 1, wordsRemoved: 11 });
  });

  it('finds an edited paragraph and the words that changed', () => {
    const edited = base.map((p, i) =>
      i === 0 ? p.replace('first round', 'second round').replace('Friday', 'Saturday') : p,
    );
    const diff = diffVersions(body(base), body(edited));
    expect(kinds(diff)).toEqual(['changed', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const [change] = only(diff, 'changed');
    expect(change!.cosmetic).toBe(false);
    expect(change!.words).toEqual([
      { kind: 'same', text: 'Iran and the United States held their ' },
      { kind: 'onlyA', text: 'first' },
      { kind: 'onlyB', text: 'second' },
      { kind: 'same', text: ' round of talks in Muscat on ' },
      { kind: 'onlyA', text: 'Friday' },
      { kind: 'onlyB', text: 'Saturday' },
      { kind: 'same', text: '.' },
    ]);
    expect(diff.stats).toMatchObject({ changed: 1, wordsAdded: 2, wordsRemoved: 2 });
  });

  it('finds a moved paragraph', () => {
    const diff = diffVersions(body(base), body([...base.slice(1), base[0]!]));
    expect(kinds(diff)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'moved']);
    expect(diff.paragraphs[4]).toEqual({ kind: 'moved', oldIndex: 0, newIndex: 4, text: base[0] });
    expect(diff.stats).toMatchObject({ moved: 1, added: 0, removed: 0, wordsAdded: 0 });
  });

  it('finds a paragraph that was moved and edited', () => {
    const edited = base[3]!.replace('new sanctions', 'fresh sanctions');
    const diff = diffVersions(body(base), body([edited, ...base.slice(0, 3), base[4]!]));
    expect(kinds(diff)).toEqual(['moved', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const [moved] = only(diff, 'moved');
    expect(moved).toMatchObject({ oldIndex: 3, newIndex: 0, text: edited });
    expect(moved!.words).toContainEqual({ kind: 'onlyA', text: 'new' });
    expect(moved!.words).toContainEqual({ kind: 'onlyB', text: 'fresh' });
    expect(diff.stats).toMatchObject({ moved: 1, wordsAdded: 1, wordsRemoved: 1 });
  });

  it('pairs a heavily rewritten paragraph in place rather than calling it removed and added', () => {
    const rewritten =
      'The Iranian foreign minister called the Muscat talks a good start, but warned of distrust.';
    const diff = diffVersions(body(base), body([base[0]!, rewritten, ...base.slice(2)]));
    expect(kinds(diff)).toEqual(['unchanged', 'changed', 'unchanged', 'unchanged', 'unchanged']);
  });
});

describe('cosmetic changes', () => {
  const old = 'He said "a very good start" -- and  the talks would continue - soon.';
  const curly = 'He said “a very good start” — and the talks would continue – soon.';

  it('flags quote, dash and spacing changes as cosmetic', () => {
    expect(isCosmeticEdit(old, curly)).toBe(true);
    expect(isCosmeticEdit(old, old.replace('good', 'bad'))).toBe(false);
    expect(isCosmeticEdit('It rose 5% today.', 'It rose 5 today.')).toBe(false);
    const diff = diffVersions(body([base[0]!, old]), body([base[0]!, curly]));
    expect(kinds(diff)).toEqual(['unchanged', 'changed']);
    expect(only(diff, 'changed')[0]!.cosmetic).toBe(true);
    expect(diff.stats).toMatchObject({ changed: 1, cosmetic: 1, wordsAdded: 0, wordsRemoved: 0 });
  });

  it('hides cosmetic changes with withoutCosmetic, and only those', () => {
    const realEdit = base[2]!.replace('Oman', 'The Sultanate of Oman');
    const diff = diffVersions(body([old, base[2]!]), body([curly, realEdit]));
    const hidden = withoutCosmetic(diff);
    expect(kinds(hidden)).toEqual(['unchanged', 'changed']);
    expect(hidden.paragraphs[0]).toEqual({
      kind: 'unchanged',
      oldIndex: 0,
      newIndex: 0,
      text: curly,
    });
    expect(hidden.stats).toMatchObject({ changed: 1, cosmetic: 0 });
  });

  it('drops the word diff of a moved paragraph whose edit is cosmetic', () => {
    const diff = diffVersions(body([old, ...base]), body([...base, curly]));
    expect(only(diff, 'moved')[0]!.words).toBeDefined();
    expect(only(withoutCosmetic(diff), 'moved')[0]).toEqual({
      kind: 'moved',
      oldIndex: 0,
      newIndex: 5,
      text: curly,
    });
  });
});

// ---- Generated long texts ----------------------------------------------

/** Deterministic PRNG (mulberry32), so generated texts are the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = ['ka', 'ri', 'to', 'men', 'sa', 'lo', 'vi', 'dor', 'ne', 'pa', 'ul', 'tes'];

function vocabulary(size: number, next: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 2 + Math.floor(next() * 3); // 2–4 syllables: ~22,000 possible words
    words.add(
      Array.from({ length }, () => syllables[Math.floor(next() * syllables.length)]).join(''),
    );
  }
  return [...words];
}

function paragraphOf(words: number, vocab: string[], next: () => number): string {
  const text = Array.from({ length: words }, () => vocab[Math.floor(next() * vocab.length)]).join(
    ' ',
  );
  return `${text}.`;
}

describe('diffVersions on long texts', () => {
  it('diffs two 20,000-word versions with many edits', () => {
    const next = random(7);
    const vocab = vocabulary(3000, next);
    const old = Array.from({ length: 200 }, () => paragraphOf(100, vocab, next));
    const edited = old.map((p, i) => {
      if (i % 5 !== 1) return p;
      const words = p.split(' ');
      words[10] = 'EDITED';
      words[60] = 'REVISED';
      return words.join(' ');
    });
    const removed = new Set([20, 40, 60, 80, 100, 120, 140, 160, 180, 199]);
    const kept = edited.filter((_, i) => !removed.has(i));
    const moved = kept.splice(50, 1)[0]!; // old paragraph 52
    kept.splice(150, 0, moved);
    const withInserts = kept.flatMap((p, i) =>
      i % 19 === 3 ? [paragraphOf(80, vocab, next), p] : [p],
    );

    const diff = diffVersions(body(old), body(withInserts), { timeoutMs: 10_000 });

    expect(diff.timedOut).toBe(false);
    expect(diff.stats).toMatchObject({
      added: 10,
      removed: 10,
      changed: 40,
      moved: 1,
      cosmetic: 0,
    });
    expect(diff.stats.wordsAdded).toBe(10 * 80 + 40 * 2);
    expect(diff.stats.wordsRemoved).toBe(10 * 100 + 40 * 2);
    for (const change of only(diff, 'changed')) {
      expect(sidesOfParts(change.words)).toEqual({
        a: old[change.oldIndex],
        b: withInserts[change.newIndex],
      });
    }
    // Every paragraph of both versions appears exactly once.
    const newIndices = diff.paragraphs.flatMap((p) => ('newIndex' in p ? [p.newIndex] : []));
    const oldIndices = diff.paragraphs.flatMap((p) => ('oldIndex' in p ? [p.oldIndex] : []));
    expect(newIndices).toEqual([...withInserts.keys()]);
    expect([...oldIndices].sort((x, y) => x - y)).toEqual([...old.keys()]);
  });

  it('returns a coarse diff for two unrelated 20,000-word texts', () => {
    const next = random(11);
    const vocab = vocabulary(3000, next);
    const a = Array.from({ length: 200 }, () => paragraphOf(100, vocab, next));
    const b = Array.from({ length: 200 }, () => paragraphOf(100, vocab, next));
    const diff = diffVersions(body(a), body(b), { timeoutMs: 500 });
    expect(diff.timedOut || (diff.stats.added === 200 && diff.stats.removed === 200)).toBe(true);
  });

  it('gives up on one huge rewritten paragraph with timedOut and a whole replacement', () => {
    const next = random(13);
    const vocab = vocabulary(200, next); // small vocabulary: the two texts look alike by word overlap
    const a = paragraphOf(20_000, vocab, next);
    const b = paragraphOf(20_000, vocab, next);
    const diff = diffVersions(a, b, { timeoutMs: 100 });
    expect(diff.timedOut).toBe(true);
    expect(diff.paragraphs).toEqual([
      {
        kind: 'changed',
        oldIndex: 0,
        newIndex: 0,
        cosmetic: false,
        words: [
          { kind: 'onlyA', text: a },
          { kind: 'onlyB', text: b },
        ],
      },
    ]);
  });
});

describe('helpers', () => {
  it('splits paragraphs on blank lines, ignoring empty blocks and CRLF', () => {
    expect(splitParagraphs('One.\r\n\r\nTwo\nlines.\n \n\n\nThree.')).toEqual([
      { index: 0, text: 'One.' },
      { index: 1, text: 'Two\nlines.' },
      { index: 2, text: 'Three.' },
    ]);
  });

  it('finds a longest increasing run', () => {
    expect(longestIncreasingRun([3, 0, 1, 4, 2, 5])).toEqual([1, 2, 4, 5]);
    expect(longestIncreasingRun([])).toEqual([]);
  });
});
