import { describe, expect, it } from 'vitest';
import type { Annotation, Selector, Version } from '../../shared/domain';
import type { Library } from '../db/library';
import { proposedArticle } from '../testing/proposedArticle';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';
import { saveArticles } from './saveArticles';

// Three spans of the Tehran Times report: one left alone by the edit, one whose
// sentence is reworded slightly, one whose paragraph is deleted.
const UNCHANGED = 'Adm. Brad Cooper, commander of US Central Command';
const REWORDED = 'a mistrust that has developed after strikes by the US and Israel on Iran in June';
const REWORDING =
  'a mistrust that had developed after the strikes by the US and Israel on Iran in June';
const DELETED_PARAGRAPH =
  'In a separate interview with IRNA, he underlined that the discussions were exclusively focused on the nuclear issue and they are not addressing any other subject.';
const DELETED = 'exclusively focused on the nuclear issue';

/** Saves `body` as the next version of `version`'s article, through the import path. */
function saveNextVersion(
  library: Library,
  version: Version,
  body: string,
): Version & { message: string } {
  const outlet = library.outlets.get(library.articles.get(version.articleId)!.outletId)!;
  const [saved] = saveArticles(library, {
    articles: [
      proposedArticle({
        outlet: outlet.name,
        headline: version.headline,
        paragraphs: body.split('\n\n'),
        captions: version.captions,
      }),
    ],
    rawInput: body,
    sourceKind: 'paste',
    sourceName: null,
  });
  expect(saved).toMatchObject({ created: true, articleId: version.articleId });
  return { ...library.versions.get(saved!.versionId)!, message: saved!.message };
}

/** The text a copy's selectors point at in its version. */
function markedText(version: Version, selectors: Selector[]): string {
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (position?.type !== 'TextPositionSelector' || quote?.type !== 'TextQuoteSelector') {
    throw new Error('a carried copy has both selectors');
  }
  expect(version.body.slice(position.start, position.end)).toBe(quote.exact);
  return quote.exact;
}

async function annotatedV1() {
  const ws = await sampleWorkspace();
  const { ok, a, b, comparison, codes, library } = ws;
  expect(a.body).toContain(UNCHANGED);
  expect(a.body).toContain(REWORDED);
  expect(a.body).toContain(DELETED_PARAGRAPH);
  await ok('settings:update', { annotatorName: 'Zoë' });
  const create = async (selectors: Selector[], note: string, pair?: Selector[]) =>
    (
      await ok('annotation:create', {
        versionId: a.id,
        comparisonId: comparison.id,
        codeId: codes[0]!.id,
        note,
        selectors,
        ...(pair ? { pair: { versionId: b.id, selectors: pair } } : {}),
      })
    ).annotations[0]!;
  const unchanged = await create(span(a, UNCHANGED), 'Military presence named', span(b, 'Oman'));
  const reworded = await create(span(a, REWORDED), 'Blames the June strikes');
  const deleted = await create(span(a, DELETED), 'Nuclear only');
  const v2Body = a.body.replace(REWORDED, REWORDING).replace(`${DELETED_PARAGRAPH}\n\n`, '');
  expect(v2Body).not.toContain(DELETED);
  return { ...ws, library, unchanged, reworded, deleted, v2Body };
}

describe('carrying annotations to a new version', () => {
  it('copies what it finds onto the new version, marks the fuzzy one, and lists the orphan', async () => {
    const { library, ok, a, b, unchanged, reworded, deleted, v2Body } = await annotatedV1();
    const v2 = saveNextVersion(library, a, v2Body);
    expect(v2.message).toMatch(
      /^Added version 2 of ".*" from Tehran Times \(\+\d+ \/ −\d+ words\)\. 2 annotations carried over \(1 by a close match, worth a check\), 1 could not be placed\.$/,
    );

    const { annotations, orphans } = await ok('annotation:list', {
      aVersionId: v2.id,
      bVersionId: b.id,
    });
    const copies = annotations.filter((x) => x.versionId === v2.id);
    expect(copies.map((x) => markedText(v2, x.selectors))).toEqual([UNCHANGED, REWORDING]);
    const [first, second] = copies as [Annotation, Annotation];
    expect(first).toEqual({
      ...unchanged,
      id: expect.not.stringMatching(unchanged.id),
      versionId: v2.id,
      comparisonId: null,
      selectors: first.selectors,
      carriedFrom: { annotationId: unchanged.id, versionId: a.id, method: 'exact-quote' },
    });
    expect(first.annotator).toBe('Zoë');
    expect(second).toMatchObject({
      note: reworded.note,
      codeId: reworded.codeId,
      createdAt: reworded.createdAt,
      carriedFrom: { annotationId: reworded.id, versionId: a.id, method: 'fuzzy' },
    });
    // The pair still shows in a comparison of the new version: its other half is on b.
    const otherHalf = annotations.find((x) => x.versionId === b.id);
    expect(otherHalf?.pairId).toBe(first.pairId);

    expect(orphans).toEqual([{ annotation: deleted, versionId: v2.id, oldText: DELETED }]);
    // The annotations of version 1 stay where they were.
    expect(library.annotations.listByVersions([a.id])).toEqual([unchanged, reworded, deleted]);
  });

  it('carries the copies on to a third version, and places an orphan whose words come back', async () => {
    const { library, ok, a, b, unchanged, deleted, v2Body } = await annotatedV1();
    const v2 = saveNextVersion(library, a, v2Body);
    const [copyOfUnchanged] = library.annotations.listByVersions([v2.id]);
    const v3Body = `${v2Body}\n\n${DELETED_PARAGRAPH}`;
    const v3 = saveNextVersion(library, v2, v3Body);
    expect(v3.message).toMatch(/\. 3 annotations carried over\.$/);

    const { annotations, orphans } = await ok('annotation:list', {
      aVersionId: v3.id,
      bVersionId: b.id,
    });
    const copies = annotations.filter((x) => x.versionId === v3.id);
    expect(copies.map((x) => markedText(v3, x.selectors))).toEqual([UNCHANGED, REWORDING, DELETED]);
    expect(copies.map((x) => x.carriedFrom)).toEqual([
      { annotationId: copyOfUnchanged!.id, versionId: v2.id, method: 'exact-position' },
      expect.objectContaining({ versionId: v2.id, method: 'exact-position' }),
      // Placed again from the original on version 1, where it was made.
      { annotationId: deleted.id, versionId: a.id, method: 'exact-quote' },
    ]);
    expect(copies.every((x) => x.pairId === null || x.pairId === unchanged.pairId)).toBe(true);
    expect(orphans).toEqual([]);
    // The orphan stays recorded on version 2, where its words were missing.
    expect(
      (await ok('annotation:list', { aVersionId: v2.id, bVersionId: b.id })).orphans,
    ).toHaveLength(1);
  });

  it('says nothing about annotations when the article had none', async () => {
    const { library, a } = await sampleWorkspace();
    const v2 = saveNextVersion(library, a, a.body.replace(REWORDED, REWORDING));
    expect(v2.message).toMatch(
      /^Added version 2 of ".*" from Tehran Times \(\+\d+ \/ −\d+ words\)\.$/,
    );
  });
});
