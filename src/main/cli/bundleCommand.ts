// `parallax bundle export|import|merge`: classroom bundles from the command line, over
// the same bundle module as the app.
import { readFileSync } from 'node:fs';
import type { BundleMerge } from '../../shared/api';
import { UserError } from '../../shared/result';
import { findAppRoot } from '../appRoot';
import { appVersion } from '../appVersion';
import { exportBundle } from '../bundle/exportBundle';
import { mergeBundles } from '../bundle/mergeBundle';
import type { Library } from '../db/library';
import { parse, withLibrary } from './cliSupport';
import type { CliIo } from './runCli';
import { UsageError } from './usageError';
import { plural } from '../../core/text';

export const BUNDLE_USAGE = `  bundle export --story ID|TITLE... [--assignment TEXT | --assignment-file FILE]
                [--with-annotations] --out FILE [--db PATH]
      A classroom bundle in one file: the stories with every version, their comparisons,
      the codebooks and lenses, and the assignment; with --with-annotations, the
      annotations too (a student handing work back; a teacher's stay home by default).
  bundle import FILE [--db PATH]
      Open a bundle into the library; what the library already has is not added twice.
  bundle merge FILE... [--db PATH]
      Merge bundles handed back, all in one transaction, keeping every annotator's work.`;

/** Runs `parallax bundle ARGS`; returns the exit code. */
export function bundleCommand(args: string[], io: CliIo): number {
  const [action, ...rest] = args;
  switch (action) {
    case 'export':
      return bundleExport(rest, io);
    case 'import':
      return bundleMerge('import', rest, io);
    case 'merge':
      return bundleMerge('merge', rest, io);
    case undefined:
      throw new UsageError('bundle needs an action: export, import or merge');
    default:
      throw new UsageError(`bundle: unknown action "${action}" (use export, import or merge)`);
  }
}

/** A story by id, or by title (any case). */
function findStory(library: Library, idOrTitle: string): string {
  const stories = library.stories.list();
  const story =
    stories.find((s) => s.id === idOrTitle) ??
    stories.find((s) => s.title.toLowerCase() === idOrTitle.toLowerCase());
  if (!story) throw new UserError(`There is no story "${idOrTitle}" in the library.`);
  return story.id;
}

function readAssignment(values: { assignment?: string; 'assignment-file'?: string }): string {
  const file = values['assignment-file'];
  if (values.assignment !== undefined && file !== undefined) {
    throw new UsageError(
      'give the assignment as --assignment TEXT or --assignment-file FILE, not both',
    );
  }
  if (file === undefined) return values.assignment ?? '';
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`Cannot read the assignment file ${file}.`);
  }
}

function bundleExport(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    story: { type: 'string', multiple: true },
    assignment: { type: 'string' },
    'assignment-file': { type: 'string' },
    'with-annotations': { type: 'boolean', default: false },
    out: { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`bundle export takes no arguments (got "${positionals[0]}")`);
  }
  if (!values.story?.length) throw new UsageError('bundle export needs at least one --story');
  if (!values.out) throw new UsageError('bundle export needs --out FILE');
  const out = values.out;
  const assignment = readAssignment(values);
  const contents = withLibrary(values.db, io, (library) =>
    exportBundle(
      library,
      {
        storyIds: values.story!.map((s) => findStory(library, s)),
        assignment,
        includeAnnotations: values['with-annotations'],
        appVersion: appVersion(findAppRoot()),
      },
      out,
    ),
  );
  const { counts } = contents;
  io.out(
    `Wrote ${out}: ${plural(counts.stories, 'story', 'stories')}, ${plural(counts.versions, 'version')}, ` +
      `${plural(counts.comparisons, 'comparison')}, ${plural(counts.codes, 'code')}, ` +
      `${plural(counts.annotations, 'annotation')}.`,
  );
  return 0;
}

function bundleMerge(action: 'import' | 'merge', args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { db: { type: 'string' } });
  if (action === 'import' && positionals.length !== 1) {
    throw new UsageError('bundle import needs exactly one FILE (use bundle merge for several)');
  }
  if (positionals.length === 0) throw new UsageError('bundle merge needs at least one FILE');
  const results = withLibrary(values.db, io, (library) =>
    mergeBundles(
      library,
      positionals.map((path) => ({ path })),
    ),
  );
  for (const result of results) io.out(result.message);
  if (results.length > 1) io.out(totalLine(results));
  return 0;
}

function totalLine(results: BundleMerge[]): string {
  const sum = (pick: (r: BundleMerge) => number) => results.reduce((n, r) => n + pick(r), 0);
  return (
    `Total from ${results.length} bundles: ` +
    `${plural(
      sum((r) => r.added.stories),
      'story',
      'stories',
    )}, ` +
    `${plural(
      sum((r) => r.added.versions),
      'version',
    )}, ` +
    `${plural(
      sum((r) => r.added.comparisons),
      'comparison',
    )}, ` +
    `${plural(
      sum((r) => r.added.codes),
      'code',
    )}, ` +
    `${plural(
      sum((r) => r.added.annotations),
      'annotation',
    )} added; ` +
    `${plural(
      sum((r) => r.skippedAnnotations),
      'annotation',
    )} already here.`
  );
}
