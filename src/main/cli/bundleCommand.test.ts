import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { newId, now } from '../db/repositories/rows';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { span } from '../testing/sampleWorkspace';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import { openedBundles } from '../bundle/bundleFacts';
import { bundleCommand } from './bundleCommand';
import type { CliIo } from './runCli';
import { UsageError } from './usageError';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = bundleCommand(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A student's library file, holding the assignment and one coded span signed with `name`. */
function annotateAs(db: string, name: string) {
  const library = openLibrary(db);
  const comparison = library.comparisons.list()[0]!;
  const b = library.versions.get(comparison.bVersionId)!;
  const stamp = now();
  library.annotations.insert({
    id: newId(),
    versionId: b.id,
    comparisonId: comparison.id,
    codeId: library.codebooks.list()[0]!.codes[0]!.id,
    note: '',
    selectors: span(b, 'fresh sanctions'),
    pairId: null,
    annotator: name,
    createdAt: stamp,
    updatedAt: stamp,
    carriedFrom: null,
  });
  library.close();
}

describe('parallax bundle', () => {
  it('exports an assignment, opens it in students’ libraries and merges their work back', async () => {
    const dir = tempDir();
    const teacher = join(dir, 'teacher.db');
    const library = openLibrary(teacher);
    await seedSampleCorpus(library, sampleFolder());
    const title = library.stories.list()[0]!.title;
    const codes = library.codebooks.list().flatMap((c) => c.codes).length;
    library.close();
    // The teacher's own coding (an answer key) stays home: bundles leave annotations out by default.
    annotateAs(teacher, 'Ms Rahimi');
    const assignmentFile = join(dir, 'assignment.txt');
    writeFileSync(assignmentFile, 'Mark each omission.');
    const bundle = join(dir, 'assignment.parallax');

    expect(
      run(
        'export',
        '--story',
        title.toUpperCase(),
        '--assignment-file',
        assignmentFile,
        '--out',
        bundle,
        '--db',
        teacher,
      ),
    ).toEqual({
      code: 0,
      out: `Wrote ${bundle}: 1 story, 3 versions, 1 comparison, ${codes} codes, 0 annotations.`,
      err: '',
    });

    const returned: string[] = [];
    for (const name of ['Ana', 'Ben']) {
      const db = join(dir, `${name}.db`);
      expect(run('import', bundle, '--db', db).out).toBe(
        `Opened "${title}": 1 story, 3 versions, 1 comparison, ${codes} codes, 0 annotations added; ` +
          '0 annotations already here. It holds no annotations (made without them).',
      );
      annotateAs(db, name);
      const file = join(dir, `${name}.parallax`);
      run('export', '--story', title, '--with-annotations', '--out', file, '--db', db);
      returned.push(file);
    }

    const merged = run('merge', ...returned, '--db', teacher);
    expect(merged.code).toBe(0);
    expect(merged.out.split('\n')).toEqual([
      `Opened "${title}": 0 stories, 0 versions, 0 comparisons, 0 codes, 1 annotation added; 0 annotations already here.`,
      `Opened "${title}": 0 stories, 0 versions, 0 comparisons, 0 codes, 1 annotation added; 0 annotations already here.`,
      'Total from 2 bundles: 0 stories, 0 versions, 0 comparisons, 0 codes, 2 annotations added; 0 annotations already here.',
    ]);
    expect(
      run('merge', ...returned, '--db', teacher)
        .out.split('\n')
        .at(-1),
    ).toBe(
      'Total from 2 bundles: 0 stories, 0 versions, 0 comparisons, 0 codes, 0 annotations added; 2 annotations already here.',
    );
    const reopened = openLibrary(teacher);
    const versions = reopened.versions.listAll().map((v) => v.id);
    expect(
      reopened.annotations
        .listByVersions(versions)
        .map((a) => a.annotator)
        .sort(),
    ).toEqual(['Ana', 'Ben', 'Ms Rahimi']);
    expect(openedBundles(reopened)).toHaveLength(2);
    reopened.close();
  });

  it('refuses to write the bundle over the library it is made from', async () => {
    const dir = tempDir();
    const teacher = join(dir, 'teacher.db');
    const library = openLibrary(teacher);
    await seedSampleCorpus(library, sampleFolder());
    const title = library.stories.list()[0]!.title;
    const versions = library.versions.count();
    library.close();
    expect(() => run('export', '--story', title, '--out', teacher, '--db', teacher)).toThrow(
      `${teacher} is the library itself (or a library in use); choose another file for the bundle.`,
    );
    const reopened = openLibrary(teacher);
    expect(reopened.versions.count()).toBe(versions);
    reopened.close();
  });

  it('says what is missing from a command line', () => {
    expect(() => run('export', '--story', 'x')).toThrow(
      new UsageError('bundle export needs --out FILE'),
    );
    expect(() => run('import')).toThrow(UsageError);
    expect(() => run('share')).toThrow(/unknown action "share"/);
  });

  it('names a story the library does not have', async () => {
    const dir = tempDir();
    expect(() =>
      run(
        'export',
        '--story',
        'Elections',
        '--out',
        join(dir, 'b.parallax'),
        '--db',
        join(dir, 'x.db'),
      ),
    ).toThrow('There is no story "Elections" in the library.');
  });

  it('refuses a bundle over 32 MB before reading it, even a sparse 3 GB file', () => {
    const dir = tempDir();
    const huge = join(dir, 'huge.parallax');
    writeFileSync(huge, 'SQLite format 3\u0000');
    truncateSync(huge, 3 * 1024 ** 3);
    const db = join(dir, 'library.db');
    expect(() => run('import', huge, '--db', db)).toThrow(
      `${huge} is 3072.0 MB, over the 32.0 MB a bundle may hold; ask for a bundle of fewer stories.`,
    );
  });
});
