import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Annotation, Selector, Version } from '../../shared/domain';
import { saveNextVersion } from '../testing/nextVersion';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';
import { IdSchema } from '../../shared/domain';
import { carryAnnotations, carriedCopyId } from './carryAnnotations';

// Three spans of the Tehran Times report: one left alone by the edit, one whose
// sentence is reworded slightly, one whose paragraph is deleted.
const UNCHANGED = 'Adm. Brad Cooper, commander of US Central Command';
const REWORDED = 'a mistrust that has developed after strikes by the US and Israel on Iran in June';
const REWORDING =
  'a mistrust that had developed after the strikes by the US and Israel on Iran in June';
const DELETED_PARAGRAPH =
  'In a separate interview with IRNA, he underlined that the discussions were exclusively focused on the nuclear issue and they are not addressing any other subject.';
const DELETED = 'exclusively focused on the nuclear issue';

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
      id: carriedCopyId(unchanged.id, v2.sha256),
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
    // The reworded span was placed by a close match on version 2 and no one has checked it.
    expect(v3.message).toMatch(
      /\. 3 annotations carried over \(1 by a close match, worth a check\)\.$/,
    );

    const { annotations, orphans } = await ok('annotation:list', {
      aVersionId: v3.id,
      bVersionId: b.id,
    });
    const copies = annotations.filter((x) => x.versionId === v3.id);
    expect(copies.map((x) => markedText(v3, x.selectors))).toEqual([UNCHANGED, REWORDING, DELETED]);
    expect(copies.map((x) => x.carriedFrom)).toEqual([
      { annotationId: copyOfUnchanged!.id, versionId: v2.id, method: 'exact-position' },
      expect.objectContaining({ versionId: v2.id, method: 'fuzzy' }),
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

  it('gives a copy an id made from the original and the new text, the same in every library', async () => {
    const { library, a, unchanged, v2Body } = await annotatedV1();
    const id = carriedCopyId(unchanged.id, 'a'.repeat(64));
    expect(IdSchema.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(carriedCopyId(unchanged.id, 'a'.repeat(64))).toBe(id);
    expect(carriedCopyId(unchanged.id, 'b'.repeat(64))).not.toBe(id);
    expect(carriedCopyId(a.id, 'a'.repeat(64))).not.toBe(id);

    const v2 = saveNextVersion(library, a, v2Body);
    const copies = library.annotations.listByVersions([v2.id]);
    expect(copies.map((x) => x.id)).toEqual(
      copies.map((x) => carriedCopyId(x.carriedFrom!.annotationId, v2.sha256)),
    );
    // Carrying again (say, after a merge brought the same copies) adds nothing.
    expect(carryAnnotations(library, v2)).toEqual({ carried: 0, fuzzy: 0, orphaned: 0 });
    expect(library.annotations.listByVersions([v2.id])).toEqual(copies);
  });

  it('keeps a close-match copy flagged down the versions until a reader saves it', async () => {
    const { library, ok, a, reworded, v2Body } = await annotatedV1();
    const v2 = saveNextVersion(library, a, v2Body);
    const v3 = saveNextVersion(library, v2, `${v2Body}\n\nA closing line.`);
    const onV3 = () =>
      library.annotations.listByVersions([v3.id]).find((x) => x.note === reworded.note)!;
    expect(onV3().carriedFrom?.method).toBe('fuzzy');

    // Saving it, even unchanged, confirms the span: the flag goes, the rest stays.
    const { annotation: saved } = await ok('annotation:update', {
      id: onV3().id,
      note: reworded.note,
    });
    expect(saved.carriedFrom).toEqual({ ...onV3().carriedFrom, method: 'exact-quote' });
    expect(saved.note).toBe(reworded.note);
    const v4 = saveNextVersion(library, v3, `${v3.body}\n\nAnother closing line.`);
    expect(v4.message).toMatch(/\. 2 annotations carried over, 1 could not be placed\.$/);
    // An annotation made where it is has no flag to clear.
    const [original] = library.annotations.listByVersions([a.id]);
    const { annotation: renoted } = await ok('annotation:update', { id: original!.id, note: 'x' });
    expect(renoted.carriedFrom).toBeNull();
  });

  it('undoes a delete with its orphan records, so a later version still places it', async () => {
    const { library, ok, a, b, deleted, v2Body } = await annotatedV1();
    const v2 = saveNextVersion(library, a, v2Body);
    const removed = await ok('annotation:delete', { id: deleted.id });
    expect(removed).toEqual({
      annotation: deleted,
      orphanedOn: [{ versionId: v2.id, oldText: DELETED }],
    });
    await ok('annotation:restore', removed);
    expect((await ok('annotation:list', { aVersionId: v2.id, bVersionId: b.id })).orphans).toEqual([
      { annotation: deleted, versionId: v2.id, oldText: DELETED },
    ]);
    const v3 = saveNextVersion(library, v2, `${v2Body}\n\n${DELETED_PARAGRAPH}`);
    const placed = library.annotations
      .listByVersions([v3.id])
      .find((x) => x.carriedFrom?.annotationId === deleted.id);
    expect(placed && markedText(v3, placed.selectors)).toBe(DELETED);

    // A record on a version that is gone is skipped; the annotation itself comes back.
    const again = await ok('annotation:delete', { id: deleted.id });
    await ok('annotation:restore', {
      ...again,
      orphanedOn: [...again.orphanedOn, { versionId: randomUUID(), oldText: DELETED }],
    });
    expect(library.annotations.listOrphanRecords(deleted.id)).toEqual(again.orphanedOn);
  });

  it('carries an annotation made on an older version later on, but not a copy a reader deleted', async () => {
    const { library, ok, a, codes, unchanged, v2Body } = await annotatedV1();
    const v2 = saveNextVersion(library, a, v2Body);
    const LATE = 'the timing and way of the next round of talks will be determined';
    const { annotations } = await ok('annotation:create', {
      versionId: a.id,
      comparisonId: null,
      codeId: codes[1]!.id,
      note: 'Made on version 1 after version 2 came',
      selectors: span(a, LATE),
    });
    const late = annotations[0]!;
    const copyOfUnchanged = library.annotations
      .listByVersions([v2.id])
      .find((x) => x.carriedFrom?.annotationId === unchanged.id)!;
    await ok('annotation:delete', { id: copyOfUnchanged.id });

    const v3 = saveNextVersion(library, v2, `${v2Body}\n\nA closing line.`);
    const onV3 = library.annotations.listByVersions([v3.id]);
    const carriedLate = onV3.find((x) => x.carriedFrom?.annotationId === late.id);
    expect(carriedLate).toMatchObject({ note: late.note, carriedFrom: { versionId: a.id } });
    expect(markedText(v3, carriedLate!.selectors)).toBe(LATE);
    expect(onV3.some((x) => x.note === unchanged.note)).toBe(false);
    // From there on it follows the article like the others.
    const v4 = saveNextVersion(library, v3, `${v3.body}\n\nAnother closing line.`);
    expect(
      library.annotations
        .listByVersions([v4.id])
        .filter((x) => x.note === late.note)
        .map((x) => x.carriedFrom?.annotationId),
    ).toEqual([carriedLate!.id]);
  });

  it('lists an annotation lost on both versions of a comparison once, on the newer', async () => {
    const { library, ok, a, deleted, v2Body } = await annotatedV1();
    const v2 = saveNextVersion(library, a, v2Body);
    const v3 = saveNextVersion(library, v2, `${v2Body}\n\nA closing line.`);
    const expected = [{ annotation: deleted, versionId: v3.id, oldText: DELETED }];
    expect((await ok('annotation:list', { aVersionId: v2.id, bVersionId: v3.id })).orphans).toEqual(
      expected,
    );
    expect((await ok('annotation:list', { aVersionId: v3.id, bVersionId: v2.id })).orphans).toEqual(
      expected,
    );
  });
});
