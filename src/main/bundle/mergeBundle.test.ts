import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Selector, Version } from '../../shared/domain';
import type { Library } from '../db/library';
import { newId, now } from '../db/repositories/rows';
import { agreementReport } from '../services/agreement';
import { saveArticles, type ArticlesToSave } from '../services/saveArticles';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { updateSettings } from '../services/settings';
import { proposedArticle } from '../testing/proposedArticle';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';
import { sampleFolder, tempDir, tempLibrary } from '../testing/tempLibrary';
import { openedBundles } from './bundleFacts';
import { exportBundle } from './exportBundle';
import { mergeBundle, mergeBundles } from './mergeBundle';

const ASSIGNMENT = 'Mark what each outlet leaves out about the sanctions.';

function annotate(
  library: Library,
  version: Version,
  selectors: Selector[],
  codeId: string | null,
) {
  const annotator = library.meta.get('annotator_name') ?? '';
  const stamp = now();
  return library.annotations.insert({
    id: newId(),
    versionId: version.id,
    comparisonId: library.comparisons.list()[0]!.id,
    codeId,
    note: '',
    selectors,
    pairId: null,
    annotator,
    createdAt: stamp,
    updatedAt: stamp,
    carriedFrom: null,
  });
}

/** The comparison's two versions and the codebook's codes, as this library has them. */
function workspaceOf(library: Library) {
  const comparison = library.comparisons.list()[0]!;
  return {
    a: library.versions.get(comparison.aVersionId)!,
    b: library.versions.get(comparison.bVersionId)!,
    codes: library.codebooks.list()[0]!.codes,
  };
}

const count = (library: Library, table: string) =>
  (library.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A changed capture of the version's article, appended there. */
function recapture(library: Library, version: Version, extra: string) {
  return library.versions.append(version.articleId, {
    headline: version.headline,
    deck: version.deck,
    byline: version.byline,
    publishedAt: version.publishedAt,
    body: `${version.body}\n\n${extra}`,
    subheads: version.subheads,
    captions: version.captions,
    rawInput: `${version.rawInput}\n\n${extra}`,
    sourceKind: 'paste',
    sourceName: null,
  });
}

/** The next capture of the version's article, as an import (which carries annotations). */
function nextCapture(library: Library, version: Version): ArticlesToSave {
  const article = library.articles.get(version.articleId)!;
  return {
    articles: [
      proposedArticle({
        outlet: library.outlets.get(article.outletId)!.name,
        url: article.url,
        headline: version.headline,
        deck: version.deck,
        byline: version.byline,
        publishedAt: version.publishedAt,
        captions: version.captions,
        paragraphs: [...version.body.split('\n\n'), 'Update: the next round is set for Monday.'],
      }),
    ],
    rawInput: 'the updated page',
    sourceKind: 'paste',
    sourceName: null,
  };
}

describe('classroom bundles', () => {
  it('go out to three students and come back with every student’s annotations, once', async () => {
    const dir = tempDir();
    const teacher = await sampleWorkspace();
    updateSettings(teacher.library, { annotatorName: 'Ms Rahimi' });
    // The teacher's own note does not go out with a fresh assignment.
    annotate(teacher.library, teacher.b, span(teacher.b, 'fresh sanctions'), null);
    const story = teacher.library.stories.list()[0]!;
    const assignmentFile = join(dir, 'assignment.parallax');
    const exported = exportBundle(
      teacher.library,
      {
        storyIds: [story.id],
        assignment: ASSIGNMENT,
        includeAnnotations: false,
        appVersion: '9.9.9',
      },
      assignmentFile,
    );
    expect(exported.counts).toMatchObject({ stories: 1, articles: 3, versions: 3, comparisons: 1 });
    expect(exported.counts.annotations).toBe(0);
    const codeCount = count(teacher.library, 'codes');

    // Ana and Ben start from empty libraries; Cy's app had seeded the samples itself.
    const students = ['Ana', 'Ben', 'Cy'].map((name) => ({ name, library: tempLibrary() }));
    await seedSampleCorpus(students[2]!.library, sampleFolder());
    const opened = students.map(({ library }) => mergeBundle(library, assignmentFile));
    expect(opened[0]!.message).toBe(
      `Opened "${story.title}" (bundle by Ms Rahimi): 1 story, 3 versions, 1 comparison, ` +
        `${codeCount} codes, 0 annotations added; 0 annotations already here. ` +
        'It holds no annotations (made without them).',
    );
    expect(opened[0]!.assignment).toBe(ASSIGNMENT);
    // The samples Cy already had are the same story, texts and codes: nothing twice.
    expect(opened[2]!.added).toEqual({
      stories: 0,
      versions: 0,
      comparisons: 0,
      codes: 0,
      annotations: 0,
    });
    expect(count(students[2]!.library, 'stories')).toBe(1);
    expect(openedBundles(students[0]!.library)).toMatchObject([
      { bundleId: exported.facts.bundleId, assignment: ASSIGNMENT, author: 'Ms Rahimi' },
    ]);

    const returned: string[] = [];
    for (const { name, library } of students) {
      updateSettings(library, { annotatorName: name });
      const { a, b, codes } = workspaceOf(library);
      const omission = codes.find((c) => c.name === teacher.codes[0]!.name)!;
      if (name === 'Cy') annotate(library, a, span(a, 'Oman'), codes[1]!.id);
      else annotate(library, b, span(b, 'fresh sanctions'), omission.id);
      const file = join(dir, `${name}.parallax`);
      exportBundle(
        library,
        {
          storyIds: [library.stories.list()[0]!.id],
          assignment: ASSIGNMENT,
          includeAnnotations: true,
          appVersion: '9.9.9',
        },
        file,
      );
      returned.push(file);
    }

    const before = count(teacher.library, 'versions');
    const merged = mergeBundles(
      teacher.library,
      returned.map((path) => ({ path })),
    );
    expect(merged.map((m) => m.added)).toEqual(
      ['Ana', 'Ben', 'Cy'].map(() => ({
        stories: 0,
        versions: 0,
        comparisons: 0,
        codes: 0,
        annotations: 1,
      })),
    );
    expect(count(teacher.library, 'stories')).toBe(1);
    expect(count(teacher.library, 'outlets')).toBe(2);
    expect(count(teacher.library, 'versions')).toBe(before);
    expect(count(teacher.library, 'codes')).toBe(codeCount);
    const annotations = teacher.library.annotations.listByVersions([teacher.a.id, teacher.b.id]);
    expect(annotations.map((a) => a.annotator).sort()).toEqual(['Ana', 'Ben', 'Cy', 'Ms Rahimi']);
    const [ana, ben] = ['Ana', 'Ben'].map((n) => annotations.find((a) => a.annotator === n)!);
    expect(ana!.versionId).toBe(teacher.b.id);
    expect(ben!.selectors).toEqual(ana!.selectors);
    expect(ben!.id).not.toBe(ana!.id);
    expect(annotations.find((a) => a.annotator === 'Cy')!.versionId).toBe(teacher.a.id);
    expect(agreementReport(teacher.library).coders).toEqual(['Ana', 'Ben', 'Cy']);

    // Merging the same bundle again adds nothing.
    const again = mergeBundle(teacher.library, returned[0]!);
    expect(again.added).toEqual({
      stories: 0,
      versions: 0,
      comparisons: 0,
      codes: 0,
      annotations: 0,
    });
    expect(again.skippedAnnotations).toBe(1);
    expect(again.message).toMatch(/0 annotations added; 1 annotation already here\.$/);
  });

  it('appends a version a student captured after the teacher’s own next capture, with the next seq', async () => {
    const dir = tempDir();
    const teacher = await sampleWorkspace();
    const file = join(dir, 'assignment.parallax');
    const storyIds = [teacher.library.stories.list()[0]!.id];
    exportBundle(
      teacher.library,
      { storyIds, assignment: '', includeAnnotations: false, appVersion: '1' },
      file,
    );
    const student = tempLibrary();
    mergeBundle(student, file);
    const { b } = workspaceOf(student);
    const theirs = recapture(student, b, 'Update: the student found a correction.');
    const mine = recapture(teacher.library, teacher.b, 'Update: the teacher found another.');
    expect([theirs.seq, mine.seq]).toEqual([2, 2]);
    const back = join(dir, 'back.parallax');
    exportBundle(
      student,
      { storyIds, assignment: '', includeAnnotations: true, appVersion: '1' },
      back,
    );

    expect(mergeBundle(teacher.library, back).added.versions).toBe(1);
    const history = teacher.library.versions.listByArticle(teacher.b.articleId);
    expect(history.map((v) => [v.id, v.seq])).toEqual([
      [teacher.b.id, 1],
      [mine.id, 2],
      [theirs.id, 3],
    ]);
    // Its change counts are against the version now before it, the teacher's capture
    // ("Update: the … found" is in both), no longer against the first.
    expect([theirs.wordsAdded, theirs.wordsRemoved]).toEqual([6, 0]);
    expect(history.at(-1)).toMatchObject({ wordsAdded: 3, wordsRemoved: 2 });
  });

  it('takes the copies both libraries carried onto the same new version as one annotation', async () => {
    const dir = tempDir();
    const teacher = await sampleWorkspace();
    const storyIds = [teacher.library.stories.list()[0]!.id];
    const x = annotate(
      teacher.library,
      teacher.b,
      span(teacher.b, 'Washington announced fresh sanctions on the same day'),
      teacher.codes[0]!.id,
    );
    const file = join(dir, 'with-x.parallax');
    exportBundle(
      teacher.library,
      { storyIds, assignment: '', includeAnnotations: true, appVersion: '1' },
      file,
    );
    const student = tempLibrary();
    mergeBundle(student, file);
    // Both import the same update of the article; each carries X onto it.
    const update = nextCapture(teacher.library, teacher.b);
    const [mine] = saveArticles(teacher.library, update);
    const [theirs] = saveArticles(student, update);
    const carriedCopy = (library: Library, versionId: string) =>
      library.annotations
        .listByVersions([versionId])
        .filter((a) => a.carriedFrom?.annotationId === x.id);
    expect(carriedCopy(teacher.library, mine!.versionId)).toHaveLength(1);
    const [studentsCopy] = carriedCopy(student, theirs!.versionId);
    // The student recodes the copy later; that edit comes back with it. The copy has an
    // id of its own, as copies made by Parallax before carried ids were derived do.
    student.db
      .prepare('UPDATE annotations SET id = ?, note = ?, updated_at = ? WHERE id = ?')
      .run(newId(), 'Recoded', '2999-01-01T00:00:00.000Z', studentsCopy!.id);
    const back = join(dir, 'back.parallax');
    exportBundle(
      student,
      { storyIds, assignment: '', includeAnnotations: true, appVersion: '1' },
      back,
    );

    const result = mergeBundle(teacher.library, back);
    expect(result.added).toMatchObject({ versions: 0, annotations: 0 });
    expect(result.message).toContain(
      '0 annotations added, 1 updated with a later edit; 1 annotation already here.',
    );
    const copies = carriedCopy(teacher.library, mine!.versionId);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.note).toBe('Recoded');
    // Merging it again changes nothing.
    expect(mergeBundle(teacher.library, back).message).toContain(
      '0 annotations added; 2 annotations already here.',
    );
    expect(carriedCopy(teacher.library, mine!.versionId)).toHaveLength(1);
  });

  it('keeps the later edit of an annotation both libraries hold', async () => {
    const dir = tempDir();
    const teacher = await sampleWorkspace();
    const storyIds = [teacher.library.stories.list()[0]!.id];
    const note = annotate(
      teacher.library,
      teacher.b,
      span(teacher.b, 'fresh sanctions'),
      teacher.codes[0]!.id,
    );
    const file = join(dir, 'with-note.parallax');
    exportBundle(
      teacher.library,
      { storyIds, assignment: '', includeAnnotations: true, appVersion: '1' },
      file,
    );
    const student = tempLibrary();
    mergeBundle(student, file);
    student.db
      .prepare('UPDATE annotations SET note = ?, updated_at = ? WHERE id = ?')
      .run('Edited later', '2999-01-01T00:00:00.000Z', note.id);
    const back = join(dir, 'back.parallax');
    exportBundle(
      student,
      { storyIds, assignment: '', includeAnnotations: true, appVersion: '1' },
      back,
    );

    const result = mergeBundle(teacher.library, back);
    expect(result.message).toContain(
      '0 annotations added, 1 updated with a later edit; 0 annotations already here.',
    );
    expect(teacher.library.annotations.listByVersions([teacher.b.id])[0]!.note).toBe(
      'Edited later',
    );
    // The older copy coming back does not undo it.
    mergeBundle(teacher.library, file);
    expect(teacher.library.annotations.listByVersions([teacher.b.id])[0]!.note).toBe(
      'Edited later',
    );
  });

  it('carries the columns and tables newer migrations add: carried annotations and orphans', async () => {
    const dir = tempDir();
    const teacher = await sampleWorkspace();
    const storyIds = [teacher.library.stories.list()[0]!.id];
    const file = join(dir, 'assignment.parallax');
    exportBundle(
      teacher.library,
      { storyIds, assignment: '', includeAnnotations: false, appVersion: '1' },
      file,
    );
    const student = tempLibrary();
    mergeBundle(student, file);
    const { b, codes } = workspaceOf(student);
    const original = annotate(student, b, span(b, 'fresh sanctions'), codes[0]!.id);
    const next = recapture(student, b, 'A correction.');
    const copy = annotate(student, next, span(next, 'fresh sanctions'), codes[0]!.id);
    student.db
      .prepare(
        "UPDATE annotations SET carried_from = ?, carried_from_version = ?, anchor_method = 'exact-quote' WHERE id = ?",
      )
      .run(original.id, b.id, copy.id);
    student.db
      .prepare(
        'INSERT INTO annotation_orphans (annotation_id, version_id, old_text, orphaned_at) VALUES (?, ?, ?, ?)',
      )
      .run(original.id, next.id, 'fresh sanctions', now());
    const back = join(dir, 'back.parallax');
    exportBundle(
      student,
      { storyIds, assignment: '', includeAnnotations: true, appVersion: '1' },
      back,
    );

    mergeBundle(teacher.library, back);
    expect(
      teacher.library.db
        .prepare(
          'SELECT carried_from, carried_from_version, anchor_method FROM annotations WHERE id = ?',
        )
        .get(copy.id),
    ).toEqual({
      carried_from: original.id,
      carried_from_version: teacher.b.id,
      anchor_method: 'exact-quote',
    });
    expect(
      teacher.library.db
        .prepare('SELECT annotation_id, version_id, old_text FROM annotation_orphans')
        .all(),
    ).toEqual([{ annotation_id: original.id, version_id: next.id, old_text: 'fresh sanctions' }]);
  });
});
