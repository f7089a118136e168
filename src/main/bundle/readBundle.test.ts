import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../db/library';
import { openLibrary } from '../db/library';
import { migrations } from '../db/migrations';
import { sampleWorkspace } from '../testing/sampleWorkspace';
import { tempDir } from '../testing/tempLibrary';
import { exportBundle } from './exportBundle';
import { mergeBundle, mergeBundles } from './mergeBundle';

/** Everything a merge could change, to show a refused one changed nothing. */
const snapshot = (library: Library) =>
  [
    'outlets',
    'stories',
    'articles',
    'versions',
    'comparisons',
    'codes',
    'annotations',
    'app_meta',
  ].map((table) => library.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());

async function libraryAndBundle() {
  const dir = tempDir();
  const { library } = await sampleWorkspace();
  const bundle = join(dir, 'good.parallax');
  exportBundle(
    library,
    {
      storyIds: [library.stories.list()[0]!.id],
      assignment: 'Read both.',
      includeAnnotations: true,
      appVersion: '1',
    },
    bundle,
  );
  return { dir, library, bundle, before: snapshot(library) };
}

describe('opening a bundle refuses', () => {
  it('a file that is not a SQLite database', async () => {
    const { dir, library, before } = await libraryAndBundle();
    const notes = join(dir, 'notes.parallax');
    writeFileSync(notes, 'Dear class, please read both articles.');
    expect(() => mergeBundle(library, notes)).toThrow(`${notes} is not a SQLite database.`);
    expect(snapshot(library)).toEqual(before);
  });

  it('a SQLite database that is not a bundle, such as a whole library', async () => {
    const { dir, library, before } = await libraryAndBundle();
    const other = join(dir, 'library.db');
    openLibrary(other).close();
    expect(() => mergeBundle(library, other)).toThrow(
      `${other} is not a Parallax bundle (no bundle facts).`,
    );
    expect(snapshot(library)).toEqual(before);
  });

  it('a bundle from a newer Parallax', async () => {
    const { library, bundle, before } = await libraryAndBundle();
    const db = new BetterSqlite3(bundle);
    db.pragma('user_version = 99');
    db.close();
    expect(() => mergeBundle(library, bundle)).toThrow(
      `${bundle} was made by a newer Parallax (schema 99, this one reads up to ${migrations.length}); update Parallax to open it.`,
    );
    expect(snapshot(library)).toEqual(before);
  });

  it('a damaged bundle', async () => {
    const { library, bundle, before } = await libraryAndBundle();
    const bytes = readFileSync(bundle);
    // Scribble over the middle of the file, leaving the header intact.
    const start = Math.floor(bytes.length / 2);
    bytes.fill(0x5a, start, start + 8192);
    writeFileSync(bundle, bytes);
    expect(() => mergeBundle(library, bundle)).toThrow(
      new RegExp(
        `^${bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(.+\\); ask for a new copy of the bundle\\.$`,
      ),
    );
    expect(snapshot(library)).toEqual(before);
  });

  it('all the files of a merge when one of them is bad, and leaves the good one’s file untouched', async () => {
    const { dir, library, bundle, before } = await libraryAndBundle();
    const missing = join(dir, 'absent.parallax');
    const size = statSync(bundle).size;
    expect(() => mergeBundles(library, [{ path: bundle }, { path: missing }])).toThrow(
      `${missing}: no such file.`,
    );
    expect(snapshot(library)).toEqual(before);
    expect(statSync(bundle).size).toBe(size);
  });
});
