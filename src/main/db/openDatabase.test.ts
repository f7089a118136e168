// Opening real library files, sound and damaged: what each one gets, and that a
// refused file is left byte for byte as it was.
import BetterSqlite3 from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seededRandom';
import { UserError } from '../../shared/result';
import { tempDir } from '../testing/tempLibrary';
import { listBackups, startDailyBackup } from './backups';
import { openLibrary } from './library';
import { openDatabase } from './openDatabase';

/** A closed library file of `versions` versions of ~2,000 words each: a few hundred pages. */
function filledLibrary(versions = 40): string {
  const path = join(tempDir(), 'parallax.db');
  const library = openLibrary(path);
  const random = seededRandom(42);
  const words = ['talks', 'Muscat', 'sanctions', 'envoy', 'round', 'Oman', 'trust', 'week'];
  library.transaction(() => {
    const outlet = library.outlets.findOrCreate('Crash Wire');
    for (let v = 0; v < versions; v++) {
      const article = library.articles.create({ outletId: outlet.id, storyId: null, url: null });
      const body = Array.from({ length: 2000 }, () => words[Math.floor(random() * 8)]).join(' ');
      library.versions.append(article.id, {
        headline: `Article ${v}`,
        deck: null,
        byline: null,
        publishedAt: null,
        body,
        subheads: [],
        captions: [],
        rawInput: body,
        sourceKind: 'paste',
        sourceName: null,
      });
    }
  });
  library.close();
  return path;
}

function openError(path: string): UserError {
  try {
    openDatabase(path).close();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`${path} opened`);
}

/** Overwrites the page in the middle of the file with seeded garbage. */
function garbleMiddlePage(path: string): void {
  const pageSize = 4096;
  const pages = statSync(path).size / pageSize;
  const random = seededRandom(7);
  const garbage = Buffer.from(Array.from({ length: pageSize }, () => Math.floor(random() * 256)));
  const fd = openSync(path, 'r+');
  writeSync(fd, garbage, 0, pageSize, Math.floor(pages / 2) * pageSize);
  closeSync(fd);
}

describe('openDatabase', () => {
  it('creates the folder and the file, in WAL mode with foreign keys on', () => {
    const path = join(tempDir(), 'nested', 'folder', 'parallax.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('refuses a text file named .db as not a Parallax library, leaving it as it was', () => {
    const path = join(tempDir(), 'notes.db');
    const text = 'These are my notes, not a database. '.repeat(200);
    writeFileSync(path, text);
    expect(openError(path).message).toBe(
      `${path} is not a Parallax library (not a SQLite database).`,
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("refuses another program's SQLite database instead of writing into it", () => {
    const path = join(tempDir(), 'places.sqlite');
    const other = new BetterSqlite3(path);
    other.exec('CREATE TABLE bookmarks (url TEXT)');
    other.close();
    const before = readFileSync(path);
    expect(openError(path).message).toBe(
      `${path} is not a Parallax library (a SQLite database of another program). Nothing was changed.`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a truncated library, suggesting .recover when there is no backup', () => {
    const path = filledLibrary();
    truncateSync(path, Math.floor(statSync(path).size / 2 / 4096) * 4096);
    const before = readFileSync(path);
    const message = openError(path).message;
    expect(message).toMatch(
      new RegExp(`^The library at ${escape(path)} is damaged \\(first problem: .+\\)\\. `),
    );
    expect(message).toContain('There are no backups of it in');
    expect(message).toContain(`sqlite3 "${path}" ".recover" | sqlite3 recovered.db`);
    expect(message).toMatch(/Nothing was changed\.$/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a library with a garbled page, naming the newest backup; restoring it works', async () => {
    const path = filledLibrary();
    const library = openLibrary(path);
    const backup = await startDailyBackup(library, new Date(2026, 1, 6, 9, 30));
    library.close();
    expect(backup).toBeDefined();
    garbleMiddlePage(path);
    const before = readFileSync(path);

    const message = openError(path).message;
    expect(message).toMatch(
      new RegExp(`^The library at ${escape(path)} is damaged \\(first problem: .+\\)\\. `),
    );
    expect(message).toContain(
      `Your backups are in ${join(dirname(path), 'backups')}: the newest is parallax-2026-02-06.db (2026-02-06 09:30).`,
    );
    expect(message).toContain(
      `To restore: close Parallax, copy it over ${path}, and delete ${path}-wal and ${path}-shm if they exist. Nothing was changed.`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);

    // Following the message gives the library back.
    copyFileSync(listBackups(path)[0]!.path, path);
    for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
    const restored = openLibrary(path);
    expect(restored.versions.count()).toBe(40);
    restored.close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
