// The `parallax compare --format json` contract other tools rely on (issue 4):
// {"a":{"sentences":[{"id","text"}]},"b":{…},"links":[{"a","b","kind","score"}], …}
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleFolder } from '../testing/tempLibrary';
import { runCli } from './runCli';

async function compareJson(a: string, b: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['compare', a, b, '--format', 'json'], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
  });
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

describe('parallax compare --format json', () => {
  it('prints sentences and links whose ids index the sentence arrays', async () => {
    const doc = await compareJson(
      join(sampleFolder(), 'tehran-times-page.txt'),
      join(sampleFolder(), 'cgtn-article.txt'),
    );
    for (const side of [doc.a, doc.b]) {
      side.sentences.forEach((s: { id: number; text: string }, i: number) => {
        expect(s.id).toBe(i);
        expect(typeof s.text).toBe('string');
      });
    }
    expect(doc.links.length).toBeGreaterThan(5);
    for (const link of doc.links) {
      expect(doc.a.sentences[link.a]).toBeDefined();
      expect(doc.b.sentences[link.b]).toBeDefined();
      expect(['same', 'related']).toContain(link.kind);
      expect(link.score).toBeGreaterThan(0);
      expect(link.score).toBeLessThanOrEqual(1);
    }
  });

  it('compares a file of several articles as one text, bodies only, captions apart', async () => {
    const doc = await compareJson(
      join(sampleFolder(), 'tehran-times-page.txt'),
      join(sampleFolder(), 'cgtn-article.txt'),
    );
    const textA = doc.a.sentences.map((s: { text: string }) => s.text).join(' ');
    expect(textA).toContain('Aliyev'); // the second article of the page is in
    expect(textA).toContain('The Kremlin said'); // and the third
    expect(textA).not.toContain('● IRNA');
    const textB = doc.b.sentences.map((s: { text: string }) => s.text).join(' ');
    expect(textB).not.toContain('/VCG');
  });

  it('reports lens coverage: Sanctions absent from Tehran Times, present in CGTN', async () => {
    const doc = await compareJson(
      join(sampleFolder(), 'tehran-times-page.txt'),
      join(sampleFolder(), 'cgtn-article.txt'),
    );
    const sanctions = doc.lenses.find((l: { name: string }) => l.name === 'Sanctions');
    expect(sanctions.a.absent).toBe(true);
    expect(sanctions.b.absent).toBe(false);
    expect(sanctions.b.sentences.length).toBeGreaterThan(1);
  });
});
