// The report's rows carry the app's three kinds of link, with their confidence,
// evidence and contrast reasons; possible links are questions, never findings.
import { describe, expect, it } from 'vitest';
import type { SentenceLink } from '../../core/engine/types';
import type { ComparisonDocument, ComparisonSide } from './comparisonDocument';
import { reportHtml } from './reportHtml';
import { reportMarkdown } from './reportMarkdown';
import { reportModel } from './reportModel';
import { sharedEvidence, spanOf } from '../../shared/testing/linkFixtures';

const side = (outlet: string, paragraphs: string[]): ComparisonSide => ({
  source: 'file',
  versionId: null,
  outlet,
  headline: `${outlet} headline`,
  deck: null,
  byline: null,
  publishedAt: null,
  capturedAt: null,
  paragraphs,
  captions: [],
});

const sentencesOf = (texts: string[]) => {
  let at = 0;
  return texts.map((text, id) => {
    const s = { id, text, start: at, end: at + text.length, paragraph: id };
    at += text.length + 2;
    return s;
  });
};

const A = [
  'Araghchi called the talks in Muscat a good start.',
  'The timing of the next round will be determined in subsequent consultations.',
  'Iran stressed that any talks must take place without threats.',
  'Tehran wants the <b>sanctions</b> lifted.',
];
const B = [
  'Araghchi said the talks in Muscat were a good start.',
  'Trump said talks will continue early next week.',
  'The Iranian delegation said refraining from threat is a prerequisite.',
  'Washington announced fresh sanctions on the same day.',
];

const links: SentenceLink[] = [
  {
    a: 0,
    b: 0,
    kind: 'same',
    score: 0.8,
    confidence: 0.93,
    evidence: [
      sharedEvidence('name', A[0]!, B[0]!, 'Araghchi'),
      sharedEvidence('quote', A[0]!, B[0]!, 'a good start'),
    ],
  },
  {
    a: 1,
    b: 1,
    kind: 'contrast',
    score: 0.4,
    confidence: 0.72,
    evidence: [],
    contrast: {
      slot: 'time',
      a: 'in subsequent consultations',
      b: 'early next week',
      aSpan: spanOf(A[1]!, 'in subsequent consultations'),
      bSpan: spanOf(B[1]!, 'early next week'),
    },
  },
  {
    a: 2,
    b: 2,
    kind: 'possible',
    score: 0.3,
    confidence: 0.41,
    evidence: [sharedEvidence('paraphrase', A[2]!, B[2]!, 'threats', 'threat')],
  },
];

const doc: ComparisonDocument = {
  title: 'Tehran Times vs CGTN',
  a: { ...side('Tehran Times', A), sentences: sentencesOf(A) },
  b: { ...side('CGTN', B), sentences: sentencesOf(B) },
  links,
  onlyA: [3],
  onlyB: [3],
  maybeA: [2],
  maybeB: [2],
  lenses: [],
  voices: { a: [], b: [], onlyA: [], onlyB: [] },
};

describe('the report’s rows and the three kinds of link', () => {
  const model = reportModel(doc);

  it('gives each linked row its kind and links, and counts a possible match apart from findings', () => {
    expect(model.rows.map((r) => r.kind)).toEqual([
      'same',
      'contrast',
      'possible',
      'onlyA',
      'onlyB',
    ]);
    expect(model.rows[0]!.links.map((l) => [l.kind, l.confidence])).toEqual([['same', 0.93]]);
    expect(model.counts).toEqual({ same: 1, contrast: 1, possible: 1, onlyA: 1, onlyB: 1 });
  });

  it('does not list a sentence that is maybe in the other outlet as an omission', () => {
    expect(model.omissions.a.map((s) => s.id)).toEqual([3]);
    expect(model.omissions.b.map((s) => s.id)).toEqual([3]);
    expect(model.maybe.a.map((s) => s.id)).toEqual([2]);
  });

  it('in HTML: the kinds with their confidence, the contrast’s reason, the evidence, escaped', () => {
    const html = reportHtml(model);
    expect(html).toContain('<tr class="row possible">');
    expect(html).toContain(
      '? Possibly the same claim — check<span class="confidence">41% confidence</span>',
    );
    expect(html).toContain('= Same claim<span class="confidence">93% confidence</span>');
    expect(html).toContain(
      '<p>Timing differs: “in subsequent consultations” vs “early next week”</p>',
    );
    expect(html).toContain('Why linked: Shared names: Araghchi; Quoted words: “a good start”');
    expect(html).toContain('What they share: Paraphrases: “threats” ≈ “threat”');
    // The summary counts findings; the possible match is counted apart, as a question.
    expect(html).toContain('<li>1 claim both outlets report the same way</li>');
    expect(html).toContain('<li>1 point both raise with a different claim</li>');
    expect(html).toContain('<li>1 sentence only in Tehran Times</li>');
    expect(html).toContain('<li>1 possible match to check (not counted as findings)</li>');
    expect(html).toContain('Not listed: 1 sentence possibly in CGTN (rows marked “?”), to check.');
    expect(html).toContain('Tehran wants the &lt;b&gt;sanctions&lt;/b&gt; lifted.');
  });

  it('in Markdown: the same, in the relation column', () => {
    const md = reportMarkdown(model);
    expect(md).toContain(
      '| ≠ Different claim (72% confidence) · Timing differs: “in subsequent consultations” vs “early next week” |',
    );
    expect(md).toContain('| ? Possibly the same claim — check (41% confidence) · What they share:');
    expect(md).toContain('- 1 possible match to check (not counted as findings)');
    expect(md).toMatch(/### Only in Tehran Times \(not in CGTN\)\n\n1\. Tehran wants/);
    expect(md).not.toMatch(/### Only in Tehran Times[^#]*Iran stressed/);
  });

  it('never counts a possible link as a finding, however many there are', () => {
    const onlyPossible = reportModel({
      ...doc,
      links: links.map((l) => ({ ...l, kind: 'possible' as const, contrast: undefined })),
      onlyA: [3],
      onlyB: [3],
      maybeA: [0, 1, 2],
      maybeB: [0, 1, 2],
    });
    expect(onlyPossible.counts).toMatchObject({ same: 0, contrast: 0, possible: 3 });
    expect(onlyPossible.omissions.a).toHaveLength(1);
  });

  it('names a contrast inside a row of another kind, and a partner that is only maybe', () => {
    const mixed = reportModel({
      ...doc,
      links: [links[0]!, { ...links[1]!, a: 0, b: 1 }, { ...links[2]!, a: 0, b: 2 }],
      onlyA: [1, 2, 3],
      onlyB: [3],
      maybeA: [],
      maybeB: [2],
    });
    const md = reportMarkdown(mixed);
    expect(md).toContain(
      '≠ Different claim in “Trump said talks will continue early…”: Timing differs:',
    );
    expect(md).toContain(
      '? Possibly also the same claim as “The Iranian delegation said refraining from…” (41% confidence) — check',
    );
    expect(mixed.counts).toMatchObject({ same: 1, contrast: 0, possible: 1 });
  });
});
