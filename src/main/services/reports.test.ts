import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/domain';
import type { Library } from '../db/library';
import { newId } from '../db/repositories/rows';
import { proposedArticle } from '../testing/proposedArticle';
import { saveNextVersion } from '../testing/nextVersion';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';
import { tempLibrary } from '../testing/tempLibrary';
import { createAnnotations } from './annotations';
import { createReport, libraryReportModel } from './reports';
import { saveArticles } from './saveArticles';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const noPdf = () => Promise.reject(new Error('no PDF in this test'));

/** The sample pair with a pair of annotations (sanctions), one alone on A, one carried over. */
async function annotatedSample() {
  const w = await sampleWorkspace();
  const { library, comparison, a, b, codes } = w;
  const [omission, wording] = [codes[0]!, codes[1]!];
  createAnnotations(library, {
    versionId: b.id,
    comparisonId: comparison.id,
    codeId: omission.id,
    note: 'Only CGTN mentions the same-day sanctions.',
    selectors: span(b, 'fresh sanctions'),
    pair: { versionId: a.id, selectors: span(a, 'a mistrust caused by the June aggression') },
  });
  createAnnotations(library, {
    versionId: a.id,
    comparisonId: comparison.id,
    codeId: wording.id,
    note: '“Aggression”: a loaded label.',
    selectors: span(a, 'June aggression'),
  });
  const stamp = new Date().toISOString();
  library.annotations.insert({
    id: newId(),
    versionId: b.id,
    comparisonId: comparison.id,
    codeId: null,
    note: 'Kept from the first capture.',
    selectors: span(b, 'shadow fleet vessels'),
    pairId: null,
    annotator: 'Ms Rahimi',
    createdAt: stamp,
    updatedAt: stamp,
    carriedFrom: { annotationId: newId(), versionId: newId(), method: 'fuzzy' },
  } satisfies Annotation);
  return { ...w, omission, wording };
}

async function reportText(
  library: Library,
  aVersionId: string,
  bVersionId: string,
  format: 'html' | 'md',
) {
  const file = await createReport(library, { aVersionId, bVersionId, format }, noPdf);
  return { ...file, text: Buffer.from(file.base64, 'base64').toString('utf8') };
}

describe('comparison report of two library versions', () => {
  it('holds the sources, aligned claims, omissions, lenses, voices and annotations', async () => {
    const { library, a, b, omission, wording } = await annotatedSample();
    const model = libraryReportModel(library, { aVersionId: a.id, bVersionId: b.id });
    expect(model.sources.a).toMatchObject({
      label: 'A',
      outlet: 'Tehran Times',
      seq: 1,
      versionId: a.id,
    });
    expect(model.sources.b).toMatchObject({ label: 'B', outlet: 'CGTN', headline: b.headline });
    expect(model.rows.some((r) => r.kind === 'same' && r.a.length && r.b.length)).toBe(true);
    // The next round's timing: asked about, with what differs ("subsequent consultations" /
    // "early next week"); the engine is not sure enough to assert it.
    const timing = model.rows.find((r) =>
      r.a.some((s) => s.text.includes('timing and way of the next round')),
    )!;
    expect(timing.links.some((l) => l.kind === 'possible' && l.contrast?.slot === 'time')).toBe(
      true,
    );
    // Every linked row says how sure the engine is; omissions carry no links.
    for (const row of model.rows) {
      expect(row.links.length > 0).toBe(row.kind !== 'onlyA' && row.kind !== 'onlyB');
      for (const link of row.links) expect(link.confidence).toBeGreaterThan(0);
    }
    // Every sentence of both texts is in the table once, in order of A.
    const shown = (side: 'a' | 'b') =>
      model.rows.flatMap((r) => r[side].filter((s) => s.repeatOfRow === null).map((s) => s.id));
    const upTo = (n: number) => [...Array(n).keys()];
    expect(shown('a')).toEqual(upTo(shown('a').length));
    expect([...shown('b')].sort((x, y) => x - y)).toEqual(upTo(shown('b').length));
    expect(model.omissions.b.map((s) => s.text)).toContainEqual(
      expect.stringMatching(/announced new sanctions targeting 15 entities/),
    );
    expect(model.lenses.map((l) => l.name)).toEqual(['Next round timing', 'Sanctions']);
    const sanctions = model.lenses.find((l) => l.name === 'Sanctions')!;
    expect(sanctions.a.absent).toBe(true);
    expect(sanctions.b.absent).toBe(false);
    expect(sanctions.b.mentions).toBeGreaterThan(0);
    expect(model.voices.a.map((v) => v.speaker)).toContainEqual(expect.stringMatching(/Araghchi/));

    const pairHalf = model.annotations.find((x) => x.quote === 'fresh sanctions')!;
    expect(pairHalf).toMatchObject({ side: 'b', code: { name: omission.name }, placed: true });
    const partner = model.annotations.find((x) => x.ref === pairHalf.pairRef)!;
    expect(partner).toMatchObject({ side: 'a', quote: 'a mistrust caused by the June aggression' });
    expect(partner.pairRef).toBe(pairHalf.ref);
    expect(model.annotations.find((x) => x.annotator === 'Ms Rahimi')).toMatchObject({
      code: null,
      carriedOver: 'fuzzy',
      pairRef: null,
    });
    // The overlapping annotations on A are both marked in the sentence that holds them.
    const marked = model.rows.flatMap((r) => r.a).find((s) => s.marks.length === 2)!;
    expect(marked.marks.map((m) => marked.text.slice(m.start, m.end)).sort()).toEqual([
      'June aggression',
      'a mistrust caused by the June aggression',
    ]);
    expect(model.legend.map((c) => [c.name, c.countA, c.countB])).toEqual([
      [omission.name, 1, 1],
      [wording.name, 1, 0],
    ]);
  });

  it('as HTML: one self-contained page with the claims, omissions, lenses, voices and marked annotations', async () => {
    const { library, a, b, omission, wording } = await annotatedSample();
    const { text: html, fileName, mimeType } = await reportText(library, a.id, b.id, 'html');
    expect(fileName).toMatch(/^tehran-times-vs-cgtn-\d{4}-\d{2}-\d{2}\.html$/);
    expect(mimeType).toBe('text/html; charset=utf-8');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('A · Tehran Times');
    expect(html).toContain('B · CGTN');
    expect(html).toMatch(/<tr class="row same">/);
    expect(html).toContain('? Possibly the same claim — check');
    expect(html).toContain(
      'If so, timing differs: “subsequent consultations” vs “early next week”',
    );
    expect(html).toContain('∅ Not in Tehran Times');
    expect(html).toMatch(/Only in CGTN[\s\S]*announced new sanctions targeting 15 entities/);
    expect(html).toContain(
      '<th scope="row">Sanctions</th><td class="absent"><strong>⚠ Not in Tehran Times</strong></td><td>9 mentions,',
    );
    expect(html).toContain('Araghchi');
    expect(html).toMatch(
      /<mark class="ann[^"]*" style="--c:#[0-9a-f]{6}">fresh sanctions<\/mark>/i,
    );
    expect(html).toContain(`B1 ${omission.name}`.replace(/&/g, '&amp;'));
    expect(html).toContain('Only CGTN mentions the same-day sanctions.');
    expect(html).toContain(wording.name.replace(/&/g, '&amp;'));
    expect(html).toContain('carried over from an earlier version');
    expect(html).toContain('Codebook legend');
    // Headings go down one level at a time.
    const levels = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => i && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));
  });

  it('as Markdown: the same sections, with tables', async () => {
    const { library, a, b, omission, wording } = await annotatedSample();
    const { text: md, fileName } = await reportText(library, a.id, b.id, 'md');
    expect(fileName).toMatch(/^tehran-times-vs-cgtn-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md).toContain('## A: Tehran Times');
    expect(md).toContain('## B: CGTN');
    expect(md).toContain('| # | A: Tehran Times | Relation | B: CGTN |');
    expect(md).toMatch(/\| = Same claim \(\d+% confidence\)/);
    expect(md).toMatch(
      /### Only in CGTN[^\n]*\n\n(\d+\. .*\n)*\d+\. .*announced new sanctions targeting 15 entities/,
    );
    expect(md).toMatch(/\| Sanctions \| .* \| \d+ mentions?, /);
    expect(md).toContain('Araghchi');
    expect(md).toContain(`**fresh sanctions** \\[B1 ${omission.name}\\]`);
    expect(md).toContain('Note: Only CGTN mentions the same\\-day sanctions.'.replace('\\-', '-'));
    // Overlapping spans: one bold run, then both labels.
    expect(md).toContain(
      `**a mistrust caused by the June aggression** \\[A1 ${omission.name}\\] \\[A2 ${wording.name}\\]`,
    );
    expect(md).not.toContain('****');
    expect(md).toContain('### Paired across the two outlets');
    expect(md).toContain('## Codebook legend');
  });

  it('escapes hostile text from imported articles, notes and code names', async () => {
    const library = tempLibrary();
    const save = (outlet: string) =>
      saveArticles(library, {
        articles: [
          proposedArticle({
            outlet,
            headline: `Talks ${HOSTILE}`,
            byline: HOSTILE,
            paragraphs: [`Talks resumed in Muscat ${HOSTILE} on Friday.`, 'Sanctions followed.'],
          }),
        ],
        rawInput: HOSTILE,
        sourceKind: 'paste',
        sourceName: null,
      })[0]!;
    const [a, b] = [save(`Outlet ${HOSTILE}`), save('CGTN')];
    const codebook = library.codebooks.create(HOSTILE, '', [
      { name: `Label ${HOSTILE}`, description: HOSTILE, color: '#aa3300', group: HOSTILE },
    ]);
    const body = library.versions.get(a.versionId)!.body;
    createAnnotations(library, {
      versionId: a.versionId,
      comparisonId: null,
      codeId: codebook.codes[0]!.id,
      note: `Note ${HOSTILE}\n# not a heading\n- not a list`,
      selectors: span(library.versions.get(a.versionId)!, '<img src=x onerror=alert(2)>'),
    });
    expect(body).toContain('<script>');
    const { text: html } = await reportText(library, a.versionId, b.versionId, 'html');
    expect(html).not.toMatch(/<(script|img)|<[^>]*onerror/i);
    expect(html).toContain('Label &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Note &lt;script&gt;');
    const { text: md } = await reportText(library, a.versionId, b.versionId, 'md');
    expect(md).not.toMatch(/(?<!\\)<(script|img)/i);
    expect(md).toContain('Talks \\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('\\- not a list');
  });

  it('refuses a version that is not in the library, or the same version twice', async () => {
    const { library, a } = await sampleWorkspace();
    const missing = newId();
    await expect(
      createReport(library, { aVersionId: a.id, bVersionId: missing, format: 'html' }, noPdf),
    ).rejects.toThrow(`There is no version ${missing} in this library.`);
    await expect(
      createReport(library, { aVersionId: a.id, bVersionId: a.id, format: 'md' }, noPdf),
    ).rejects.toThrow('A report compares two different versions; A and B are the same version.');
  });

  it('hands the report’s HTML to the PDF printer it is given', async () => {
    const { library, a, b } = await sampleWorkspace();
    const printed: string[] = [];
    const file = await createReport(
      library,
      { aVersionId: a.id, bVersionId: b.id, format: 'pdf' },
      (html) => {
        printed.push(html);
        return Promise.resolve(Buffer.from('%PDF-1.7 test'));
      },
    );
    expect(printed[0]).toContain('<h1>Tehran Times vs CGTN</h1>');
    expect(file).toMatchObject({
      mimeType: 'application/pdf',
      fileName: expect.stringMatching(/\.pdf$/),
    });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.7 test');
  });

  it('lists the sample’s photo captions under each source, in HTML and Markdown', async () => {
    const { library, a, b } = await sampleWorkspace();
    expect(a.captions.length).toBeGreaterThan(0);
    const { text: html } = await reportText(library, a.id, b.id, 'html');
    expect(html).toContain('<h4 id="captions-a">Captions</h4>');
    expect(html).toContain('<h4 id="captions-b">Captions</h4>');
    expect(html).toContain(
      '<li dir="auto">Iran&#39;s Foreign Minister Abbas Araghchi (C) speaks to Iranian media',
    );
    expect(html).toContain('U.S. special envoy Steve Witkoff (C) shakes hands');
    const { text: md } = await reportText(library, a.id, b.id, 'md');
    expect(md).toMatch(
      /## A: Tehran Times[\s\S]*#### Captions\n\n- Iran's Foreign Minister Abbas Araghchi \(C\)[\s\S]*## B: CGTN/,
    );
    expect(md).toMatch(/## B: CGTN[\s\S]*#### Captions\n\n- In this photo released by the Iranian/);
  });
});

describe('reports across versions of one article', () => {
  const DELETED_PARAGRAPH =
    'In a separate interview with IRNA, he underlined that the discussions were exclusively focused on the nuclear issue and they are not addressing any other subject.';
  const DELETED = 'exclusively focused on the nuclear issue';
  const PAIRED = 'Adm. Brad Cooper, commander of US Central Command';

  /** On Tehran Times v1: X paired with Y on CGTN, and a note on a paragraph v2 drops. */
  async function editedSample() {
    const w = await sampleWorkspace();
    const { library, comparison, a, b, codes } = w;
    createAnnotations(library, {
      versionId: a.id,
      comparisonId: comparison.id,
      codeId: codes[0]!.id,
      note: 'Names the US commander',
      selectors: span(a, PAIRED),
      pair: { versionId: b.id, selectors: span(b, 'Oman') },
    });
    createAnnotations(library, {
      versionId: a.id,
      comparisonId: comparison.id,
      codeId: codes[1]!.id,
      note: 'Nuclear only',
      selectors: span(a, DELETED),
    });
    const v2 = saveNextVersion(library, a, a.body.replace(`${DELETED_PARAGRAPH}\n\n`, ''));
    expect(v2.body).not.toContain(DELETED);
    return { ...w, v2 };
  }

  it('lists an annotation whose words a later version dropped, as no longer in it', async () => {
    const { library, b, v2 } = await editedSample();
    const model = libraryReportModel(library, { aVersionId: v2.id, bVersionId: b.id });
    const orphan = model.annotations.find((x) => x.note === 'Nuclear only')!;
    expect(orphan).toMatchObject({ side: 'a', quote: DELETED, placed: false, pairRef: null });
    // Listed, not marked: no sentence of v2 carries its ref.
    const marked = model.rows.flatMap((r) => r.a).flatMap((s) => s.marks.map((m) => m.ref));
    expect(marked).not.toContain(orphan.ref);
    expect(
      model.legend.find((c) => c.name === library.codebooks.list()[0]!.codes[1]!.name),
    ).toMatchObject({
      countA: 1,
    });
    const { text: html } = await reportText(library, v2.id, b.id, 'html');
    expect(html).toMatch(
      /exclusively focused on the nuclear issue<\/blockquote>[\s\S]*?its words are no longer in this version/,
    );
    const { text: md } = await reportText(library, v2.id, b.id, 'md');
    expect(md).toContain('**its words are no longer in this version**');
  });

  it('keeps a carried pair across the outlets, but pairs nothing between two versions of one article', async () => {
    const { library, a, b, v2 } = await editedSample();
    // v2 vs CGTN: the carried copy of X still pairs with Y.
    const across = libraryReportModel(library, { aVersionId: v2.id, bVersionId: b.id });
    const x = across.annotations.find((n) => n.side === 'a' && n.quote === PAIRED)!;
    expect(across.annotations.find((n) => n.ref === x.pairRef)).toMatchObject({
      side: 'b',
      quote: 'Oman',
    });
    // v1 vs v2 of Tehran Times: X and its carried copy share a pairId but are not a pair.
    const history = libraryReportModel(library, { aVersionId: a.id, bVersionId: v2.id });
    const copies = history.annotations.filter((n) => n.quote === PAIRED);
    expect(copies.map((n) => n.side)).toEqual(['a', 'b']);
    expect(history.annotations.every((n) => n.pairRef === null)).toBe(true);
    const { text: html } = await reportText(library, a.id, v2.id, 'html');
    expect(html).not.toContain('Paired across the two outlets');
    const { text: md } = await reportText(library, a.id, v2.id, 'md');
    expect(md).not.toContain('Paired across the two outlets');
  });
});
