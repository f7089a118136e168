// A second Parallax process for twoWriters.test.ts, run with `node --import tsx`:
// `importer` runs `parallax import` (the CLI's own runCli, one library open per run,
// as separate invocations do) again and again; `annotator` writes annotations and
// the annotator's name through the API's dispatch, as browser mode does, until told
// to stop. Each says "ready" once loaded, starts on "go" and ends with one JSON line
// of what it wrote and what failed.
import { createInterface } from 'node:readline';
import { runCli } from '../cli/runCli';
import { dispatch } from '../services/dispatch';
import { createHandlers } from '../services/handlers';
import { openLibrary } from '../db/library';

const [role = '', libraryPath = '', ...rest] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin });
const said = (word: string) =>
  new Promise<void>((resolve) => lines.on('line', (line) => line === word && resolve()));
// Between writes: let stdin's "stop" through, and leave the other process a gap.
const breathe = () => new Promise((resolve) => setImmediate(resolve));

async function importer(files: string[]) {
  const saved: string[] = [];
  const failures: string[] = [];
  const perRun = 2;
  for (let i = 0; i < files.length; i += perRun) {
    let out = '';
    let err = '';
    const code = await runCli(
      ['import', ...files.slice(i, i + perRun), '--db', libraryPath, '--outlet', 'Wire', '--json'],
      { out: (text) => (out += text), err: (text) => (err += text), env: {} },
    );
    if (code === 0) {
      const answer = JSON.parse(out) as { articles: { versionId: string }[] };
      saved.push(...answer.articles.map((a) => a.versionId));
    } else failures.push(err);
    await breathe();
  }
  return { saved, failures };
}

async function annotator() {
  const library = openLibrary(libraryPath);
  const handlers = createHandlers(library, { mode: 'browser', appVersion: '0.0.0' });
  const comparison = library.comparisons.list()[0]!;
  const a = library.versions.get(comparison.aVersionId)!;
  const codeId = library.codebooks.list()[0]!.codes[0]!.id;
  const oman = a.body.indexOf('Oman');
  let stop = false;
  void said('stop').then(() => (stop = true));
  const saved: string[] = [];
  const failures: string[] = [];
  let names = 0;
  for (let i = 0; !stop; i++) {
    const created = await dispatch(handlers, 'annotation:create', {
      versionId: a.id,
      comparisonId: comparison.id,
      codeId,
      note: `note ${i}`,
      selectors: [
        { type: 'TextQuoteSelector', exact: 'Oman' },
        { type: 'TextPositionSelector', start: oman, end: oman + 'Oman'.length },
      ],
    });
    if (created.ok) {
      saved.push(
        ...(created.value as { annotations: { id: string }[] }).annotations.map((x) => x.id),
      );
    } else failures.push(created.error);
    const named = await dispatch(handlers, 'settings:update', { annotatorName: `Coder ${i}` });
    if (named.ok) names = i;
    else failures.push(named.error);
    await breathe();
  }
  library.close();
  return { saved, failures, lastName: `Coder ${names}` };
}

async function main() {
  process.stdout.write('ready\n');
  await said('go');
  const result = role === 'importer' ? await importer(rest) : await annotator();
  // Exit once the answer is out: a pipe may not take it all at once.
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0));
}

void main();
