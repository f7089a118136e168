// The `parallax compare --format json` contract other tools rely on (issue 4):
// {"a":{"sentences":[{"id","text"}]},"b":{…},
//  "links":[{"a","b","kind","score","confidence","evidence":[…],"contrast"?}],
//  "onlyA","onlyB","maybeA","maybeB","lenses","voices"}
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextComparisonSchema } from '../../shared/engine';
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
      expect(['same', 'possible', 'contrast']).toContain(link.kind);
      expect(link.score).toBeGreaterThan(0);
      expect(link.score).toBeLessThanOrEqual(1);
      expect(link.confidence).toBeGreaterThanOrEqual(0);
      expect(link.confidence).toBeLessThanOrEqual(1);
      expect(Array.isArray(link.evidence)).toBe(true);
    }
  });

  it('carries each link’s kind, confidence, evidence and contrast in the shared schema', async () => {
    const doc = await compareJson(
      join(sampleFolder(), 'tehran-times-page.txt'),
      join(sampleFolder(), 'cgtn-article.txt'),
    );
    // The API's own schema reads it: the JSON is the app's comparison, field for field.
    const parsed = TextComparisonSchema.parse(doc);
    const within = (text: string, span: { start: number; end: number }) =>
      span.start >= 0 && span.start < span.end && span.end <= text.length;
    for (const link of parsed.links) {
      const a = parsed.a.sentences[link.a]!.text;
      const b = parsed.b.sentences[link.b]!.text;
      // Spans are offsets into each sentence's own text.
      for (const evidence of link.evidence) {
        expect(within(a, evidence.aSpan) && within(b, evidence.bSpan)).toBe(true);
      }
      if (link.contrast) {
        expect(link.kind).not.toBe('same'); // a contrast, or a question's reading
        if (link.contrast.aSpan) expect(within(a, link.contrast.aSpan)).toBe(true);
        if (link.contrast.bSpan) expect(within(b, link.contrast.bSpan)).toBe(true);
      }
    }
    // onlyA: no link of any kind; maybeA: only possible links. Neither holds a linked finding.
    for (const side of ['a', 'b'] as const) {
      const only = side === 'a' ? parsed.onlyA : parsed.onlyB;
      const maybe = side === 'a' ? parsed.maybeA : parsed.maybeB;
      const linksOf = (id: number) => parsed.links.filter((l) => l[side] === id);
      for (const id of only) expect(linksOf(id)).toEqual([]);
      for (const id of maybe) {
        expect(linksOf(id).length).toBeGreaterThan(0);
        expect(linksOf(id).every((l) => l.kind === 'possible')).toBe(true);
      }
      const findings = new Set(
        parsed.links.filter((l) => l.kind !== 'possible').map((l) => l[side]),
      );
      const rest = parsed[side].sentences.filter(
        (s) => !only.includes(s.id) && !maybe.includes(s.id),
      );
      expect(rest.every((s) => findings.has(s.id))).toBe(true);
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
