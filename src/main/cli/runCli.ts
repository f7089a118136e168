import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportProposal } from '../../shared/api';
import { IdSchema } from '../../shared/domain';
import { UserError } from '../../shared/result';
import { findAppRoot, samplesDir } from '../appRoot';
import { appVersion } from '../appVersion';
import { resolveDatabasePath } from '../dataLocation';
import {
  comparisonDocument,
  sideFromProposal,
  sideFromVersion,
  type ComparisonSide,
} from '../export/comparisonDocument';
import { comparisonHtml } from '../export/comparisonHtml';
import { comparisonMarkdown } from '../export/comparisonMarkdown';
import { proposeImport } from '../import/proposeImport';
import { readImportFile, readImportSource, type ReadSource } from '../import/readImportSource';
import { serveBrowserMode } from '../server/serveBrowserMode';
import { libraryOverview, versionView } from '../services/libraryQueries';
import { saveArticles } from '../services/saveArticles';
import { describeStorageError } from '../db/storageErrors';
import { AGREEMENT_USAGE, agreementCommand } from './agreementCommand';
import { BUNDLE_USAGE, bundleCommand } from './bundleCommand';
import { REPORT_USAGE, reportCommand } from './reportCommand';
import {
  EXCHANGE_USAGE,
  exportAnnotationsCommand,
  exportCodebookCommand,
  importAnnotationsCommand,
} from './exchangeCommands';
import { checkWritable, parse, withLibrary, writeOutput } from './cliSupport';
import { UsageError } from './usageError';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage: parallax <command> [options]

Commands:
  import FILE|URL... [--db PATH] [--outlet NAME] [--story TITLE] [--json]
      Add articles from .txt, .md, .html and .pdf files or web pages: cleaned, split into
      articles, versioned. All inputs are saved, or none.
  list [--db PATH] [--json]
      Stories, articles by outlet, and their versions.
  compare A B [--db PATH] [--format json|html|md] [--out FILE]
      Two versions side by side; A and B are version ids, files or web addresses.
${REPORT_USAGE}
  serve [--port N] [--db PATH]
      Serve the Parallax UI in browser mode on 127.0.0.1.
${EXCHANGE_USAGE}
${AGREEMENT_USAGE}
${BUNDLE_USAGE}

The library is --db PATH, else $PARALLAX_DB, else parallax.db in the app's data folder.`;

/** Runs one CLI command; returns the process exit code. Never exits the process itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await importCommand(rest, io);
      case 'list':
        return listCommand(rest, io);
      case 'compare':
        return await compareCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'export-annotations':
        return exportAnnotationsCommand(rest, io);
      case 'import-annotations':
        return importAnnotationsCommand(rest, io);
      case 'export-codebook':
        return exportCodebookCommand(rest, io);
      case 'agreement':
        return agreementCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'bundle':
        return bundleCommand(rest, io);
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
    // A full disk or a read-only library met outside a library transaction (which
    // names them itself): one line, no stack.
    const storage = describeStorageError(error);
    if (storage) {
      io.err(`parallax: ${storage.message}`);
      return 1;
    }
    io.err(`parallax: internal error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    outlet: { type: 'string' },
    story: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE or URL');
  // Read and clean every input before writing anything; then save all in one transaction.
  const proposals: ImportProposal[] = [];
  for (const input of positionals) {
    proposals.push(proposeImport(await readCliInput(input), { outlet: values.outlet }));
  }
  const saved = withLibrary(values.db, io, (library) =>
    library.transaction(() =>
      proposals.map((p) =>
        saveArticles(library, {
          articles: p.articles,
          story: values.story,
          rawInput: p.rawInput,
          sourceKind: p.sourceKind,
          sourceName: p.sourceName,
        }),
      ),
    ),
  );
  const warnings = proposals.flatMap((p) => p.warnings);
  if (values.json) {
    const articles = proposals.flatMap((p, i) =>
      p.articles.map((article, j) => {
        const result = saved[i]![j]!;
        return {
          id: result.articleId,
          versionId: result.versionId,
          outlet: result.outlet,
          headline: article.headline,
          text: article.paragraphs.join('\n\n'),
          captions: article.captions,
          created: result.created,
        };
      }),
    );
    io.out(JSON.stringify({ articles, warnings }, null, 2));
  } else {
    for (const result of saved.flat()) io.out(`${result.message} [version ${result.versionId}]`);
    for (const warning of warnings) io.err(`warning: ${warning}`);
  }
  return 0;
}

/** The lenses a new library starts with, for comparisons made without one. */
function defaultLenses(): { name: string; terms: string[] }[] {
  const file = join(samplesDir(findAppRoot()), 'lenses.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { name: string; terms: string[] }[];
}

/** A CLI argument as an import source: a web address (any scheme, refused unless http/https), or a file. */
async function readCliInput(input: string): Promise<ReadSource> {
  const isAddress = /^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[a-z]:[\\/]/i.test(input);
  return isAddress ? readImportSource({ kind: 'url', url: input }) : readImportFile(input);
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

async function compareCommand(args: string[], io: CliIo): Promise<number> {
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
  if (values.out) checkWritable(values.out);
  const sides: ComparisonSide[] = [];
  let lenses = defaultLenses();
  for (const arg of positionals) {
    if (IdSchema.safeParse(arg).success) {
      sides.push(
        withLibrary(values.db, io, (library) => {
          lenses = library.lenses.list();
          return sideFromVersion(versionView(library, arg));
        }),
      );
    } else {
      sides.push(sideFromProposal(proposeImport(await readCliInput(arg))));
    }
  }
  const doc = comparisonDocument(sides[0]!, sides[1]!, lenses);
  const output =
    format === 'json'
      ? JSON.stringify(doc, null, 2) + '\n'
      : format === 'html'
        ? comparisonHtml(doc)
        : comparisonMarkdown(doc);
  if (values.out) {
    writeOutput(values.out, output);
    io.err(`Wrote ${values.out}`);
  } else {
    io.out(output.trimEnd());
  }
  return 0;
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
