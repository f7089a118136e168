// What the disk and the file system can refuse a write with, said to the user: a full
// disk, a library that cannot be written, a library another process keeps busy. Every
// write is one transaction (library.ts), so each of these leaves nothing half-written
// and the message can say so.
import { UserError } from '../../shared/result';

/**
 * How long a write waits for another Parallax process (the app, browser mode, a CLI
 * command) to finish its own before giving up. Writes take milliseconds to a second or
 * two (a 30-bundle merge, a big import); 20 s leaves room for a slow school desktop.
 */
export const BUSY_TIMEOUT_MS = 20_000;

export const DISK_FULL_MESSAGE =
  'The disk is full: free some space and try again; nothing was saved.';

/** "The library at PATH is read-only: …", for any write to a library Parallax cannot write. */
export function readOnlyLibrary(path: string): UserError {
  return new UserError(
    `The library at ${path} is read-only: allow writing to the file and its folder, or copy ` +
      'it to a folder you can write to and open that copy, then try again; nothing was saved.',
  );
}

function busyLibrary(path: string | undefined): UserError {
  const which = path === undefined ? 'The library' : `The library at ${path}`;
  return new UserError(
    `${which} is busy: another Parallax window or command has been writing to it for over ` +
      `${BUSY_TIMEOUT_MS / 1000} s; try again when it has finished; nothing was saved.`,
  );
}

/**
 * The user's message for an error a write ran into, or undefined when it is none of
 * these (a bug, reported as such). SQLite's extended codes (SQLITE_READONLY_DIRECTORY,
 * SQLITE_BUSY_SNAPSHOT, …) count with their primary code; ENOSPC and EDQUOT are a full
 * disk (or quota) met while writing a file, an export or a backup.
 */
export function describeStorageError(error: unknown, libraryPath?: string): UserError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserError(DISK_FULL_MESSAGE);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return libraryPath === undefined
      ? new UserError(
          'The library is read-only: allow writing to it and its folder, then try again; ' +
            'nothing was saved.',
        )
      : readOnlyLibrary(libraryPath);
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return busyLibrary(libraryPath);
  }
  return undefined;
}
