// What every CLI command needs: its options parsed strictly, the library opened
// (and closed again) at --db PATH, $PARALLAX_DB or the default place, and --out files
// written with a plain message when they cannot be.
import {
  accessSync,
  constants,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../shared/result';
import { resolveDatabasePath } from '../dataLocation';
import { openLibrary, type Library } from '../db/library';
import type { CliIo } from './runCli';
import { UsageError } from './usageError';

/** The command's options and positionals; an unknown or malformed option is a UsageError. */
export function parse<const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs `work` on the library and closes it, whatever happens. */
export function withLibrary<T>(
  dbFlag: string | undefined,
  io: CliIo,
  work: (library: Library) => T,
): T {
  const library = openLibrary(resolveDatabasePath({ flag: dbFlag, env: io.env }));
  try {
    return work(library);
  } finally {
    library.close();
  }
}

/** Why `path` cannot be written, in words, from the error the file system gave. */
function cannotWrite(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = dirname(resolve(path));
  const why =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? `the folder ${folder} does not exist.`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied.'
        : code === 'EISDIR'
          ? 'it is a folder.'
          : code === 'ENOSPC' || code === 'EDQUOT'
            ? 'the disk is full; free some space and try again.'
            : `${(error as Error).message}.`;
  return new UserError(`Cannot write ${path}: ${why}`);
}

/**
 * Fails early, before slow work (a PDF takes seconds), when `path` cannot be written:
 * its folder is missing or not writable, or it is itself a folder.
 */
export function checkWritable(path: string): void {
  const folder = dirname(resolve(path));
  try {
    if (!statSync(folder).isDirectory()) {
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    }
    accessSync(folder, constants.W_OK);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    }
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/**
 * Writes an output file; a failure is one clear line for the user, not a stack. The
 * bytes go to a temporary file beside it, renamed over `path` once all are written: a
 * full disk leaves no half-written report, and an older file of that name as it was.
 */
export function writeOutput(path: string, data: string | Uint8Array): void {
  let temp: string | undefined;
  try {
    const existing = statSync(path, { throwIfNoEntry: false });
    // A device or a pipe (--out /dev/stdout) is written to, not replaced.
    if (existing && !existing.isFile()) return writeFileSync(path, data);
    // Through a symlink, the file it points to is the one replaced.
    const target = existing ? realpathSync(path) : resolve(path);
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
    writeFileSync(temp, data);
    renameSync(temp, target);
  } catch (error) {
    if (temp) rmSync(temp, { force: true });
    throw cannotWrite(path, error);
  }
}
