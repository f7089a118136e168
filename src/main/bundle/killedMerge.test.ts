// A teacher's merge of a class's bundles killed half-way (a crash, a power cut, the
// task manager): the library is as it was, and no copy of a student's file is left in
// the temporary folder.
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
    setup.library.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main/testing/mergeBundlesChild.ts', setup.library.path, ...bundles],
      { cwd: root, env: { ...process.env, TMPDIR: temp }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exit = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('merging')) resolve();
      });
      child.on('exit', () => reject(new Error(`the merge ended before it began: ${stderr}`)));
    });
    // Opening 30 bundles takes a while: the kill lands while they are open.
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGKILL');
    expect(await exit, 'the merge finished before it could be killed').toBe('SIGKILL');
    expect(stdout).not.toContain('merged');

    // tsx, which runs the child from source, keeps its own cache there.
    expect(readdirSync(temp).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
    const library = openLibrary(setup.library.path);
    try {
      expect(libraryContents(library)).toEqual(setup.before);
    } finally {
      library.close();
    }
  }, 60_000);
});
