import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readPlainTextArticle } from '../../core/plainTextArticle';
import { IdSchema } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { findAppRoot } from '../appRoot';
import { appVersion } from '../appVersion';
import { resolveDatabasePath } from '../dataLocation';
import { openLibrary, type Library } from '../db/library';
import {
  comparisonDocument,
  sideFromText,
  sideFromVersion,
  type ComparisonSide,
} from '../export/comparisonDocument';
import { comparisonHtml } from '../export/comparisonHtml';
import { comparisonMarkdown } from '../export/comparisonMarkdown';
import { readTextFile } from '../import/readTextFile';
import { serveBrowserMode } from '../server/serveBrowserMode';
import { importArticle, type ImportOutcome } from '../services/importArticle';
import { libraryOverview, versionView } from '../services/libraryQueries';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage: parallax <command> [options]

Commands:
  import FILE... [--db PATH] --outlet NAME [--story TITLE] [--json]
      Add .txt/.md articles to the library (all files or none). The first line is the headline.
  list [--db PATH] [--json]
      Stories, articles by outlet, and their versions.
  compare A B [--db PATH] [--format json|html|md] [--out FILE]
      Two versions side by side; A and B are version ids or .txt/.md files.
  serve [--port N] [--db PATH]
      Serve the Parallax UI in browser mode on 127.0.0.1.

The library is --db PATH, else $PARALLAX_DB, else parallax.db in the app's data folder.`;

/** Thrown for a malformed command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

/** Runs one CLI command; returns the process exit code. Never exits the process itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return importCommand(rest, io);
      case 'list':
        return listCommand(rest, io);
      case 'compare':
        return compareCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case '--version':
      case '-v':
        io.out(appVersion(findAppRoot()));
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`parallax: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UserError) {
      io.err(`parallax: ${error.message}`);
      return 1;
    }
    io.err(`parallax: internal error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

function parse<const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function withLibrary<T>(dbFlag: string | undefined, io: CliIo, work: (library: Library) => T): T {
  const library = openLibrary(resolveDatabasePath({ flag: dbFlag, env: io.env }));
  try {
    return work(library);
  } finally {
    library.close();
  }
}

function importCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    outlet: { type: 'string' },
    story: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
  if (!values.outlet?.trim()) {
    throw new UserError(
      'Name the outlet with --outlet NAME: Parallax cannot tell it from a text file.',
    );
  }
  // Read and check every file before writing anything.
  const texts = positionals.map((path) => ({ path, text: readTextFile(path) }));
  const outcomes: ImportOutcome[] = withLibrary(values.db, io, (library) =>
    library.transaction(() =>
      texts.map(({ path, text }) =>
        importArticle(library, {
          text,
          outlet: values.outlet!,
          story: values.story,
          sourceKind: 'file',
          sourceName: basename(path),
        }),
      ),
    ),
  );
  if (values.json) {
    const articles = outcomes.map((o) => ({
      id: o.articleId,
      versionId: o.versionId,
      outlet: o.outlet,
      headline: o.headline,
      text: o.body,
      captions: o.captions,
      created: o.created,
    }));
    io.out(JSON.stringify({ articles, warnings: [] }, null, 2));
  } else {
    for (const o of outcomes) io.out(`${o.message} [version ${o.versionId}]`);
  }
  return 0;
}

function listCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0)
    throw new UsageError(`list takes no arguments (got "${positionals[0]}")`);
  const overview = withLibrary(values.db, io, libraryOverview);
  if (values.json) {
    io.out(JSON.stringify(overview, null, 2));
    return 0;
  }
  const groups = [
    ...overview.stories.map((s) => ({ title: s.story.title, articles: s.articles })),
    ...(overview.unfiled.length ? [{ title: '(no story)', articles: overview.unfiled }] : []),
  ];
  if (groups.length === 0)
    io.out('The library is empty: add articles with `parallax import FILE --outlet NAME`.');
  for (const group of groups) {
    io.out(group.title);
    for (const { outlet, versions } of group.articles) {
      const latest = versions[versions.length - 1];
      io.out(`  ${outlet.name}: ${latest?.headline ?? '(no versions)'}`);
      for (const v of versions) {
        io.out(
          `    v${v.seq}  ${v.id}  captured ${v.capturedAt.slice(0, 16).replace('T', ' ')}  ${v.wordCount} words`,
        );
      }
    }
  }
  return 0;
}

function compareCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
  });
  if (positionals.length !== 2)
    throw new UsageError('compare needs exactly two arguments, A and B');
  const format = values.format;
  if (format !== 'json' && format !== 'html' && format !== 'md') {
    throw new UsageError(`--format must be json, html or md (got "${format}")`);
  }
  const needsLibrary = positionals.some((arg) => IdSchema.safeParse(arg).success);
  const sides = needsLibrary
    ? withLibrary(values.db, io, (library) => positionals.map((arg) => resolveSide(arg, library)))
    : positionals.map((arg) => resolveSide(arg, undefined));
  const doc = comparisonDocument(sides[0]!, sides[1]!);
  const output =
    format === 'json'
      ? JSON.stringify(doc, null, 2) + '\n'
      : format === 'html'
        ? comparisonHtml(doc)
        : comparisonMarkdown(doc);
  if (values.out) {
    writeFileSync(values.out, output);
    io.err(`Wrote ${values.out}`);
  } else {
    io.out(output.trimEnd());
  }
  return 0;
}

/** A version id from the library, or else a text file read for this comparison only. */
function resolveSide(arg: string, library: Library | undefined): ComparisonSide {
  if (library && IdSchema.safeParse(arg).success) {
    return sideFromVersion(versionView(library, arg));
  }
  const text = readTextFile(arg);
  const { headline, body } = readPlainTextArticle(text);
  if (body === '') throw new UserError(`${arg} is empty: there is no article text to compare.`);
  return sideFromText(basename(arg), headline, body);
}

async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    port: { type: 'string', default: '0' },
  });
  if (positionals.length > 0)
    throw new UsageError(`serve takes no arguments (got "${positionals[0]}")`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0–65535 (got "${values.port}")`);
  const server = await serveBrowserMode({
    databasePath: resolveDatabasePath({ flag: values.db, env: io.env }),
    port,
  });
  io.out(`Parallax is running at ${server.url}`);
  return 0;
}
