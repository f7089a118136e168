// What every CLI command needs: its options parsed strictly, and the library opened
// (and closed again) at --db PATH, $PARALLAX_DB or the default place.
import { parseArgs, type ParseArgsConfig } from 'node:util';
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
