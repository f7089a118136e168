// A teacher's merge of a class's bundles killed half-way (a crash, a power cut, the
// task manager): the library is as it was, and no copy of a student's file is left in
// the temporary folder. The merging process kills itself when every row is written
// and nothing committed (mergeBundlesChild.ts), so the moment does not depend on timing.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { findAppRoot } from '../appRoot';
import { libraryAndBundle } from '../testing/bundleFixtures';
import { libraryContents } from '../testing/libraryContents';

const STUDENTS = 30;

describe('a merge killed half-way', () => {
  it('leaves the library as it was and nothing in the temporary folder', async () => {
    const setup = await libraryAndBundle();
    const root = findAppRoot();
    const bundles = Array.from({ length: STUDENTS }, (_, i) => {
      const copy = join(setup.dir, `student-${i + 1}.parallax`);
      copyFileSync(setup.bundle, copy);
      return copy;
    });
    const temp = join(setup.dir, 'tmp');
    mkdirSync(temp);
    // A library the bundles are all new to, so the merge has everything to write.
    const teacherPath = join(setup.dir, 'teacher.db');
    const teacher = openLibrary(teacherPath);
    const before = libraryContents(teacher);
    teacher.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main/testing/mergeBundlesChild.ts', teacherPath, ...bundles],
      { cwd: root, env: { ...process.env, TMPDIR: temp }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, killedBy) => resolve(killedBy)),
    );
    expect(signal, `the merge was not killed: ${output}`).toBe('SIGKILL');
    expect(output).not.toContain('merged');

    // tsx, which runs the child from source, keeps its own cache there.
    expect(readdirSync(temp).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
    const library = openLibrary(teacherPath);
    try {
      expect(libraryContents(library)).toEqual(before);
    } finally {
      library.close();
    }
  }, 60_000);
});
