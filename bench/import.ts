// `npm run bench` (part 1): how much Parallax's import (cleanup + save) costs over a bare
// database, measured against a baseline in the same run (ratios, not absolute
// targets). Usage: npm run bench -- [--versions N]
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openLibrary } from '../src/main/db/library';
import { hashSnapshot } from '../src/main/db/repositories/VersionRepository';
import { proposeImport } from '../src/main/import/proposeImport';
import { plainDocument } from '../src/main/import/readImportSource';
import { saveArticles } from '../src/main/services/saveArticles';

const { values } = parseArgs({ options: { versions: { type: 'string', default: '10000' } } });
const count = Number(values.versions);

/** Synthetic articles: 20 outlets, each article re-captured a few times with small edits. */
function syntheticArticles(n: number): { outlet: string; text: string }[] {
  const sentence = (i: number, j: number) =>
    `Officials in capital ${i % 97} said on day ${j} that talks on point ${(i * 7 + j) % 31} would continue.`;
  return Array.from({ length: n }, (_, i) => {
    const article = Math.floor(i / 4);
    const paragraphs = Array.from({ length: 12 }, (_, p) =>
      Array.from({ length: 4 }, (_, s) => sentence(article + p, s + (i % 4))).join(' '),
    );
    return {
      outlet: `Outlet ${article % 20}`,
      text: `Headline number ${article}\n\n${paragraphs.join('\n\n')}`,
    };
  });
}

function time(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
try {
  const articles = syntheticArticles(count);

  // Baseline: the same rows written straight into a bare table in one transaction.
  const raw = new BetterSqlite3(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.exec('CREATE TABLE versions (id INTEGER PRIMARY KEY, outlet TEXT, body TEXT, sha256 TEXT)');
  const insert = raw.prepare('INSERT INTO versions (outlet, body, sha256) VALUES (?, ?, ?)');
  const rawMs = time(() =>
    raw.transaction(() => {
      for (const a of articles) {
        insert.run(
          a.outlet,
          a.text,
          hashSnapshot({ headline: '', deck: null, byline: null, body: a.text, captions: [] }),
        );
      }
    })(),
  );
  raw.close();

  // Parallax: each import cleaned, then saved in its own transaction, with
  // de-duplication, FTS indexing, history and the size of change from the last version.
  const library = openLibrary(join(dir, 'library.db'));
  let proposals: ReturnType<typeof proposeImport>[] = [];
  const cleanupMs = time(() => {
    proposals = articles.map((a) =>
      proposeImport(
        {
          document: plainDocument(a.text),
          format: 'text',
          rawInput: a.text,
          sourceKind: 'paste',
          sourceName: null,
        },
        { outlet: a.outlet },
      ),
    );
  });
  const saveMs = time(() => {
    for (const p of proposals) {
      saveArticles(library, {
        articles: p.articles,
        rawInput: p.rawInput,
        sourceKind: 'paste',
        sourceName: null,
      });
    }
  });
  const libraryMs = cleanupMs + saveMs;
  const stored = library.versions.count();
  const searchMs = time(() => library.versions.search('talks continue capital', 50));
  library.close();

  const perSecond = (ms: number) => Math.round((count / ms) * 1000);
  console.log(`versions: ${count} (${stored} stored)`);
  console.log(
    `raw better-sqlite3 insert, one transaction: ${rawMs.toFixed(0)} ms  (${perSecond(rawMs)}/s)`,
  );
  console.log(
    `Parallax import, one transaction each: ${libraryMs.toFixed(0)} ms  (${perSecond(libraryMs)}/s)` +
      `  [cleanup ${cleanupMs.toFixed(0)} ms, save ${saveMs.toFixed(0)} ms]`,
  );
  console.log(`ratio import/raw: ${(libraryMs / rawMs).toFixed(1)}x`);
  console.log(`full-text search over ${stored} versions: ${searchMs.toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
