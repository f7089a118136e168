// The CLI commands that carry annotations and codebooks between libraries and tools:
// export-annotations, import-annotations and export-codebook.
import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../../shared/result';
import { exportAnnotations, exportCodebook, importWebAnnotations } from '../services/exchange';
import type { CliIo } from './runCli';
import { checkWritable, parse, withLibrary, writeOutput } from './cliSupport';
import { UsageError } from './usageError';

export const EXCHANGE_USAGE = `  export-annotations [--format csv|jsonld] [--db PATH] [--out FILE]
      Every annotation, as CSV for spreadsheets or W3C Web Annotation JSON-LD.
  import-annotations FILE [--db PATH]
      Annotations from W3C Web Annotation JSON-LD, onto versions and codes the library
      has. All are imported, or none; ones already in the library are skipped.
  export-codebook [--format csv|qdc] [--codebook NAME|ID] [--db PATH] [--out FILE]
      The codebook as CSV or as a REFI-QDA codebook (.qdc) for QDA tools.`;

function noPositionals(command: string, positionals: string[]) {
  if (positionals.length > 0) {
    throw new UsageError(`${command} takes no arguments (got "${positionals[0]}")`);
  }
}

function oneOf<const T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be ${allowed.join(' or ')} (got "${value}")`);
  }
  return value as T;
}

/** Writes an export to --out (exactly as made) or to standard output. */
function deliver(output: string, outFile: string | undefined, io: CliIo) {
  if (outFile) {
    writeOutput(outFile, output);
    io.err(`Wrote ${outFile}`);
  } else {
    io.out(output.replace(/\r?\n$/, ''));
  }
}

/** `parallax export-annotations [--format csv|jsonld] [--db PATH] [--out FILE]` */
export function exportAnnotationsCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    out: { type: 'string' },
  });
  noPositionals('export-annotations', positionals);
  const format = oneOf('--format', values.format, ['csv', 'jsonld']);
  if (values.out) checkWritable(values.out);
  deliver(
    withLibrary(values.db, io, (library) => exportAnnotations(library, format)),
    values.out,
    io,
  );
  return 0;
}

/** `parallax import-annotations FILE [--db PATH]` */
export function importAnnotationsCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { db: { type: 'string' } });
  if (positionals.length !== 1) {
    throw new UsageError('import-annotations needs exactly one FILE');
  }
  const file = positionals[0]!;
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new UserError(`${file} is not a file.`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: no such file.`);
  }
  if (/\.csv$/i.test(file)) {
    throw new UserError(
      `${file} is CSV; import-annotations reads W3C Web Annotation JSON-LD (export it with --format jsonld).`,
    );
  }
  const result = withLibrary(values.db, io, (library) => importWebAnnotations(library, text));
  const skipped = result.duplicates ? `; ${result.duplicates} already in the library, skipped` : '';
  io.out(`Imported ${result.imported} annotation${result.imported === 1 ? '' : 's'}${skipped}.`);
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  return 0;
}

/** `parallax export-codebook [--format csv|qdc] [--codebook NAME|ID] [--db PATH] [--out FILE]` */
export function exportCodebookCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    codebook: { type: 'string' },
    out: { type: 'string' },
  });
  noPositionals('export-codebook', positionals);
  const format = oneOf('--format', values.format, ['csv', 'qdc']);
  if (values.out) checkWritable(values.out);
  deliver(
    withLibrary(values.db, io, (library) => exportCodebook(library, format, values.codebook)),
    values.out,
    io,
  );
  return 0;
}
