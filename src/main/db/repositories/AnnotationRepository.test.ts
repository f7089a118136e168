import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/domain';
import { proposedArticle } from '../../testing/proposedArticle';
import { tempLibrary } from '../../testing/tempLibrary';
import { saveArticles } from '../../services/saveArticles';

function libraryWithVersion() {
  const library = tempLibrary();
  const [saved] = saveArticles(library, {
    articles: [
      proposedArticle({ headline: 'Talks', paragraphs: ['Iran and the US met in Muscat.'] }),
    ],
    rawInput: 'Iran and the US met in Muscat.',
    sourceKind: 'paste',
    sourceName: null,
  });
  return { library, versionId: saved!.versionId };
}

const annotation = (versionId: string, fields: Partial<Annotation> = {}): Annotation => ({
  id: randomUUID(),
  versionId,
  comparisonId: null,
  codeId: null,
  note: 'a note',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'Muscat', prefix: 'met in ', suffix: '.' },
    { type: 'TextPositionSelector', start: 23, end: 29 },
  ],
  pairId: randomUUID(),
  annotator: 'coder 1',
  createdAt: '2026-02-06T10:00:00.000Z',
  updatedAt: '2026-02-06T11:00:00.000Z',
  carriedFrom: null,
  ...fields,
});

describe('AnnotationRepository', () => {
  it('reads back exactly what it wrote: selectors, pair, annotator and timestamps', () => {
    const { library, versionId } = libraryWithVersion();
    const written = annotation(versionId);
    library.annotations.insert(written);
    expect(library.annotations.get(written.id)).toEqual(written);
  });

  it('lists oldest first, and annotations of one moment in the order they were written', () => {
    const { library, versionId } = libraryWithVersion();
    const later = annotation(versionId, { createdAt: '2026-02-07T00:00:00.000Z' });
    const first = annotation(versionId);
    const second = annotation(versionId);
    for (const a of [later, first, second]) library.annotations.insert(a);
    expect(library.annotations.listByVersions([versionId]).map((a) => a.id)).toEqual([
      first.id,
      second.id,
      later.id,
    ]);
    expect(library.annotations.listByVersions([randomUUID()])).toEqual([]);
  });

  it('reads back where a copy was carried from, and lists orphans of the versions asked for', () => {
    const { library, versionId } = libraryWithVersion();
    const saveAgain = (text: string) =>
      saveArticles(library, {
        articles: [proposedArticle({ headline: 'Talks', paragraphs: [text] })],
        rawInput: text,
        sourceKind: 'paste',
        sourceName: null,
      })[0]!.versionId;
    const v2 = saveAgain('Iran and the US met in Oman.');
    const v3 = saveAgain('Iran and the US met.');
    const copy = annotation(v2, {
      carriedFrom: { annotationId: randomUUID(), versionId, method: 'exact-quote' },
    });
    library.annotations.insert(copy);
    expect(library.annotations.get(copy.id)).toEqual(copy);

    const later = annotation(versionId, { createdAt: '2026-02-06T12:00:00.000Z' });
    const earlier = annotation(versionId);
    library.annotations.insert(later);
    library.annotations.insert(earlier);
    const orphanedAt = '2026-02-08T00:00:00.000Z';
    library.annotations.insertOrphan({
      annotationId: later.id,
      versionId: v2,
      oldText: 'Muscat',
      orphanedAt,
    });
    library.annotations.insertOrphan({
      annotationId: earlier.id,
      versionId: v3,
      oldText: 'Muscat',
      orphanedAt,
    });
    expect(library.annotations.listOrphansByVersions([v2, v3])).toEqual([
      { annotation: earlier, versionId: v3, oldText: 'Muscat' },
      { annotation: later, versionId: v2, oldText: 'Muscat' },
    ]);
    expect(library.annotations.listOrphansByVersions([v3]).map((o) => o.annotation.id)).toEqual([
      earlier.id,
    ]);
    expect(library.annotations.listOrphansByVersions([])).toEqual([]);
  });

  it("tells whether a copy is on a version, lists orphan records, and changes a copy's placing", () => {
    const { library, versionId } = libraryWithVersion();
    const [saved] = saveArticles(library, {
      articles: [proposedArticle({ headline: 'Talks', paragraphs: ['Iran and the US met.'] })],
      rawInput: 'Iran and the US met.',
      sourceKind: 'paste',
      sourceName: null,
    });
    const v2 = saved!.versionId;
    const original = library.annotations.insert(annotation(versionId));
    const copy = library.annotations.insert(
      annotation(v2, {
        carriedFrom: { annotationId: original.id, versionId, method: 'fuzzy' },
      }),
    );
    expect(library.annotations.hasCopyOn(original.id, v2)).toBe(true);
    expect(library.annotations.hasCopyOn(original.id, versionId)).toBe(false);
    // One copy per version: a second is refused by the library itself.
    expect(() => library.annotations.insert({ ...copy, id: randomUUID() })).toThrow(/UNIQUE/);

    library.annotations.insertOrphan({
      annotationId: original.id,
      versionId: v2,
      oldText: 'Muscat',
      orphanedAt: '2026-02-08T00:00:00.000Z',
    });
    expect(library.annotations.listOrphanRecords(original.id)).toEqual([
      { versionId: v2, oldText: 'Muscat' },
    ]);
    expect(library.annotations.listOrphanRecords(copy.id)).toEqual([]);
    expect(library.annotations.hasOrphanOn(original.id, v2)).toBe(true);
    expect(library.annotations.hasOrphanOn(copy.id, v2)).toBe(false);

    const fields = { codeId: null, note: 'seen', updatedAt: '2026-02-09T00:00:00.000Z' };
    expect(library.annotations.update(copy.id, fields)?.carriedFrom?.method).toBe('fuzzy');
    expect(
      library.annotations.update(copy.id, { ...fields, anchorMethod: 'exact-quote' })?.carriedFrom,
    ).toEqual({ annotationId: original.id, versionId, method: 'exact-quote' });
  });
});
