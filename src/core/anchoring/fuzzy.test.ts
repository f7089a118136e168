import { describe, expect, it } from 'vitest';
import { editDistance, findApproximate } from './fuzzy';

/** The textbook O(n·m) table: fewest edits of `pattern` against a substring ending at each j. */
function bestEndingAt(text: string, pattern: string): number[] {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 1; j <= text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = text[j - 1] === pattern[i - 1] ? 0 : 1;
      cur[i] = Math.min(prev[i - 1]! + cost, prev[i]! + 1, cur[i - 1]! + 1);
    }
    out.push(cur[pattern.length]!);
    prev = cur;
  }
  return out;
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('findApproximate', () => {
  it('finds a reworded phrase and where it starts', () => {
    const text = 'Iran and the United States agreed to continue negotiations on Friday.';
    const [match] = findApproximate(text, 'agreed to resume negotiations', 8);
    expect(match).toBeDefined();
    expect(text.slice(match!.start, match!.end)).toBe('agreed to continue negotiations');
    expect(match!.errors).toBe(
      editDistance('agreed to resume negotiations', 'agreed to continue negotiations'),
    );
  });

  it('agrees with the textbook table for short and multi-block patterns', () => {
    const rand = seeded(7);
    const letters = 'abcd ';
    for (const m of [5, 31, 32, 33, 64, 70, 100]) {
      const text = Array.from({ length: 400 }, () => letters[Math.floor(rand() * 5)]).join('');
      const pattern = Array.from({ length: m }, () => letters[Math.floor(rand() * 5)]).join('');
      const table = bestEndingAt(text, pattern);
      const best = Math.min(...table);
      const found = findApproximate(text, pattern, best);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.errors).toBe(best);
      for (const f of found) {
        expect(table[f.end - 1]).toBe(f.errors);
        expect(editDistance(text.slice(f.start, f.end), pattern)).toBe(f.errors);
      }
    }
  });

  it('finds nothing when every candidate needs more edits than allowed', () => {
    expect(findApproximate('completely unrelated words', 'negotiations', 2)).toEqual([]);
  });
});
