// Test support: a real SQLite library file in its own temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { findAppRoot, samplesDir } from '../appRoot';
import { openLibrary, type Library } from '../db/library';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new, empty library file in a temporary folder, closed after the test. */
export function tempLibrary(): Library {
  const library = openLibrary(join(tempDir(), 'library.db'));
  cleanups.unshift(() => library.db.open && library.close());
  return library;
}

export const sampleFolder = (): string => samplesDir(findAppRoot());
