import BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { migrations } from '../db/migrations';
import {
  escapeRegExp,
  firstVersion,
  libraryAndBundle,
  tamper,
  withoutAppendOnly,
} from '../testing/bundleFixtures';
import { mergeBundle, mergeBundles } from './mergeBundle';
import { libraryContents } from '../testing/libraryContents';

describe('opening a bundle refuses', () => {
  it('a file that is not a SQLite database', async () => {
    const { dir, library, before } = await libraryAndBundle();
    const notes = join(dir, 'notes.parallax');
    writeFileSync(notes, 'Dear class, please read both articles.');
    expect(() => mergeBundle(library, notes)).toThrow(`${notes} is not a SQLite database.`);
    expect(libraryContents(library)).toEqual(before);
  });

  it('a SQLite database that is not a bundle, such as a whole library', async () => {
    const { dir, library, before } = await libraryAndBundle();
    const other = join(dir, 'library.db');
    openLibrary(other).close();
    expect(() => mergeBundle(library, other)).toThrow(
      `${other} is not a Parallax bundle (no bundle facts).`,
    );
    expect(libraryContents(library)).toEqual(before);
  });

  it('a bundle from a newer Parallax', async () => {
    const { library, bundle, before } = await libraryAndBundle();
    const db = new BetterSqlite3(bundle);
    db.pragma('user_version = 99');
    db.close();
    expect(() => mergeBundle(library, bundle)).toThrow(
      `${bundle} was made by a newer Parallax (schema 99, this one reads up to ${migrations.length}); update Parallax to open it.`,
    );
    expect(libraryContents(library)).toEqual(before);
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
        `^${escapeRegExp(bundle)} is damaged \\(.+\\); ask for a new copy of the bundle\\.$`,
      ),
    );
    expect(libraryContents(library)).toEqual(before);
  });

  it('all the files of a merge when one of them is bad, and leaves the good one’s file untouched', async () => {
    const { dir, library, bundle, before } = await libraryAndBundle();
    const missing = join(dir, 'absent.parallax');
    const size = statSync(bundle).size;
    expect(() => mergeBundles(library, [{ path: bundle }, { path: missing }])).toThrow(
      `${missing}: no such file.`,
    );
    expect(libraryContents(library)).toEqual(before);
    expect(statSync(bundle).size).toBe(size);
  });

  it('a path it cannot read, saying why', async () => {
    const { library, bundle, before } = await libraryAndBundle();
    // A file taken for a folder: not missing, but not readable either.
    const inside = join(bundle, 'inside.parallax');
    expect(() => mergeBundle(library, inside)).toThrow(`${inside} cannot be read: ENOTDIR`);
    expect(libraryContents(library)).toEqual(before);
  });
});

describe('opening a bundle checks its rows and refuses, naming the file and the row,', () => {
  it('an annotation marking words its version does not have', async () => {
    const { library, bundle, before } = await libraryAndBundle();
    const version = firstVersion(bundle);
    const forged = randomUUID();
    tamper(bundle, (db) =>
      db
        .prepare(
          `INSERT INTO annotations (id, version_id, note, selectors, annotator, created_at, updated_at)
           VALUES (?, ?, '', ?, 'Ana', '2026-02-07T00:00:00.000Z', '2026-02-07T00:00:00.000Z')`,
        )
        .run(
          forged,
          version.id,
          JSON.stringify([{ type: 'TextQuoteSelector', exact: 'a nuclear test' }]),
        ),
    );
    expect(() => mergeBundle(library, bundle)).toThrow(
      `${bundle} cannot be merged: the annotation ${forged} by Ana on version 1 of "${version.headline}": ` +
        'The selection quotes "a nuclear test", which does not occur in the text.',
    );
    expect(libraryContents(library)).toEqual(before);
  });

  it('an annotation whose selectors are not W3C text selectors', async () => {
    const { library, bundle, before } = await libraryAndBundle();
    const version = firstVersion(bundle);
    const odd = randomUUID();
    tamper(bundle, (db) =>
      db
        .prepare(
          `INSERT INTO annotations (id, version_id, note, selectors, annotator, created_at, updated_at)
           VALUES (?, ?, '', '[{"type":"CssSelector","value":"p"}]', '', '2026-02-07', '2026-02-07')`,
        )
        .run(odd, version.id),
    );
    expect(() => mergeBundle(library, bundle)).toThrow(
      `${bundle} cannot be merged: the annotation ${odd} on version 1 of "${version.headline}" has selectors that are not W3C text selectors.`,
    );
    expect(libraryContents(library)).toEqual(before);
  });

  it('a code whose colour is not #rrggbb', async () => {
    const { library, bundle, before } = await libraryAndBundle();
    let name = '';
    tamper(bundle, (db) => {
      const code = db.prepare('SELECT id, name FROM codes LIMIT 1').get() as {
        id: string;
        name: string;
      };
      name = code.name;
      db.prepare('UPDATE codes SET color = ? WHERE id = ?').run('red; background: url(x)', code.id);
    });
    expect(() => mergeBundle(library, bundle)).toThrow(
      `${bundle} cannot be merged: the code "${name}": its colour "red; background: url(x)" is not written #rrggbb.`,
    );
    expect(libraryContents(library)).toEqual(before);
  });

  it('a version whose text no longer matches its SHA-256', async () => {
    const { library, bundle, before } = await libraryAndBundle();
    const version = firstVersion(bundle);
    // Versions are append-only in the app; a SQLite tool can lift that rule and put it back.
    tamper(bundle, (db) =>
      withoutAppendOnly(db, () =>
        db
          .prepare('UPDATE versions SET byline = ? WHERE id = ?')
          .run('By someone else', version.id),
      ),
    );
    expect(() => mergeBundle(library, bundle)).toThrow(
      `${bundle} cannot be merged: version 1 of "${version.headline}" does not match its SHA-256 (its text was changed after it was captured).`,
    );
    expect(libraryContents(library)).toEqual(before);
  });
});
