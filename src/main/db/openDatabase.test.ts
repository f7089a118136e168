import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { tempDir } from '../testing/tempLibrary';
import { openDatabase } from './openDatabase';

describe('openDatabase', () => {
  it('creates the folder and the file, in WAL mode with foreign keys on', () => {
    const path = join(tempDir(), 'nested', 'folder', 'parallax.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('refuses a file that is not a database with a message naming it', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'These are my notes, not a database. '.repeat(200));
    expect(() => openDatabase(path)).toThrow(UserError);
    expect(() => openDatabase(path)).toThrow(`Cannot open the library at ${path}`);
  });
});
