import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { MAX_IMPORT_CHARS } from '../../shared/api';
import { UserError } from '../../shared/result';

/** File types Parallax reads as article text today. */
export const TEXT_EXTENSIONS = ['.txt', '.md'];

/**
 * Reads a .txt or .md file as UTF-8 text, refusing with one clear message what
 * it cannot read: a missing file, a folder, an unsupported type, over 20 MB,
 * or bytes that are not UTF-8.
 */
export function readTextFile(path: string): string {
  const name = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UserError(`${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path}: no such file.`);
  }
  const ext = extname(path).toLowerCase();
  if (!TEXT_EXTENSIONS.includes(ext)) {
    throw new UserError(
      `${name}: Parallax cannot import ${ext || 'files without an extension'} files yet; use .txt or .md.`,
    );
  }
  if (size > MAX_IMPORT_CHARS)
    throw new UserError(`${name} is over 20 MB; split it before importing.`);
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UserError(`${name} is not UTF-8 text; save it as UTF-8 and import it again.`);
  }
}
