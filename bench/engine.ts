// `npm run bench` (part 2): what the comparison engine costs, stage by stage,
// on the seed pair and on generated 1k/5k/20k-word pairs, against baselines in
// the same run on the same texts: jsdiff `diffWords` and diff-match-patch in
// word mode over the whole texts, and `git diff --no-index --word-diff` for
// version diffs. Prints ratios; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffWords } from 'diff';
import DiffMatchPatch from 'diff-match-patch';
import { z } from 'zod';
import { alignSentences } from '../src/core/engine/align';
import { compareTexts } from '../src/core/engine/compareTexts';
import { compareLens, type Lens } from '../src/core/engine/lenses';
import { segmentSentences } from '../src/core/engine/sentences';
import type { Sentence, SentenceLink } from '../src/core/engine/types';
import { diffVersions, splitParagraphs } from '../src/core/engine/versionDiff';
import { findQuotes, summarizeVoices } from '../src/core/engine/voices';
import { countWords, diffWordsInPair } from '../src/core/engine/wordDiff';
import { wordVectors } from '../src/main/engine/wordVectorsFile';
import { articleVersions, loadSeedPair, outletPair, type TextPair } from './corpus';
import { formatMs, formatRatio, machineNote, measure, printTable, type Timing } from './measure';

/** Generated sizes, in words per side. */
const SIZES = [1_000, 5_000, 20_000];
/**
 * jsdiff over two whole 20k-word texts in different orders runs for minutes
 * (its O(ND) search meets a D in the tens of thousands); past this it gives up
 * and the table shows a lower bound.
 */
const JSDIFF_TIMEOUT_MS = 20_000;
/** 0 = no limit: diff-match-patch finishes every diff, so its time is the full cost. */
const DMP_TIMEOUT_S = 0;

const LensesSchema = z.array(z.object({ name: z.string(), terms: z.array(z.string()) }));

function loadLenses(): Lens[] {
  const file = join(__dirname, '../resources/samples/lenses.json');
  return LensesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

// ---- Cross-outlet comparison ---------------------------------------------------

interface Case {
  label: string;
  pair: TextPair;
}

interface ComparisonRow {
  label: string;
  words: [number, number];
  sentences: [number, number];
  links: number;
  stages: Record<'segment' | 'align' | 'pairDiffs' | 'lenses' | 'voices' | 'total', Timing>;
  jsdiff: Timing;
  dmp: Timing;
}

/** The word diff the UI shows for every link: what the two outlets share inside a pair. */
function diffLinkedPairs(a: Sentence[], b: Sentence[], links: readonly SentenceLink[]): void {
  for (const link of links) diffWordsInPair(a[link.a]!.text, b[link.b]!.text);
}

function measureComparison({ label, pair }: Case, lenses: readonly Lens[]): ComparisonRow {
  const a = segmentSentences(pair.a);
  const b = segmentSentences(pair.b);
  const links = alignSentences(a, b, { vectors: wordVectors() });
  const textA = { sentences: a, body: pair.a };
  const textB = { sentences: b, body: pair.b };
  return {
    label,
    words: [countWords(pair.a), countWords(pair.b)],
    sentences: [a.length, b.length],
    links: links.length,
    stages: {
      segment: measure(() => [segmentSentences(pair.a), segmentSentences(pair.b)]),
      align: measure(() => alignSentences(a, b, { vectors: wordVectors() })),
      pairDiffs: measure(() => diffLinkedPairs(a, b, links)),
      lenses: measure(() => lenses.map((lens) => compareLens(lens, textA, textB))),
      voices: measure(() => [
        summarizeVoices(findQuotes(a, pair.a)),
        summarizeVoices(findQuotes(b, pair.b)),
      ]),
      total: measure(() => {
        const comparison = compareTexts(pair.a, pair.b, lenses, { vectors: wordVectors() });
        diffLinkedPairs(comparison.a.sentences, comparison.b.sentences, comparison.links);
      }),
    },
    jsdiff: measureJsdiff(pair),
    dmp: measure(() => dmpWordDiff(pair.a, pair.b)),
  };
}

function measureJsdiff(pair: TextPair): Timing {
  let gaveUp = false;
  const timing = measure(() => {
    // With `timeout`, jsdiff returns undefined instead of a diff when it gives up.
    gaveUp = diffWords(pair.a, pair.b, { timeout: JSDIFF_TIMEOUT_MS }) === undefined;
  });
  return { ...timing, gaveUp };
}

/** Words, runs of whitespace, and single punctuation marks: the tokens jsdiff's diffWords sees too. */
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

/**
 * diff-match-patch's documented line-mode trick applied to words: each distinct
 * token becomes one character, the character strings are diffed, and the
 * characters are mapped back to tokens.
 */
function dmpWordDiff(a: string, b: string): DiffMatchPatch.Diff[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = DMP_TIMEOUT_S;
  // Index 0 stays unused, as in diff_linesToChars_, so no token becomes "\0".
  const tokens = [''];
  const codes = new Map<string, number>();
  const encode = (text: string): string => {
    const chars: string[] = [];
    for (const [token] of text.matchAll(TOKEN)) {
      let code = codes.get(token);
      if (code === undefined) {
        code = tokens.push(token) - 1;
        codes.set(token, code);
      }
      chars.push(String.fromCharCode(code));
    }
    return chars.join('');
  };
  const encodedA = encode(a);
  const encodedB = encode(b);
  if (tokens.length > 0xffff) throw new Error('word mode: more than 65,535 distinct tokens');
  const diffs = dmp.diff_main(encodedA, encodedB, false);
  dmp.diff_charsToLines_(diffs, tokens);
  return diffs;
}

function printComparison(rows: readonly ComparisonRow[]): void {
  console.log('\nCross-outlet comparison, per stage (ms)');
  printTable(
    [
      'pair',
      'words A/B',
      'sentences A/B',
      'links',
      'segment',
      'align',
      'pair diffs',
      'lenses',
      'voices',
      'total',
    ],
    rows.map((r) => [
      r.label,
      `${r.words[0]}/${r.words[1]}`,
      `${r.sentences[0]}/${r.sentences[1]}`,
      String(r.links),
      ...(['segment', 'align', 'pairDiffs', 'lenses', 'voices', 'total'] as const).map((stage) =>
        formatMs(r.stages[stage]),
      ),
    ]),
  );
  console.log(
    'total = compareTexts (segment + align + lenses + voices) + a word diff of every link.',
  );
  console.log('\nCross-outlet comparison against whole-text word diffs (ms)');
  printTable(
    ['pair', 'Parallax total', 'jsdiff', 'dmp', 'total/jsdiff', 'total/dmp'],
    rows.map((r) => [
      r.label,
      formatMs(r.stages.total),
      withRuns(r.jsdiff),
      withRuns(r.dmp),
      formatRatio(r.stages.total, r.jsdiff),
      formatRatio(r.stages.total, r.dmp),
    ]),
  );
  console.log(
    `jsdiff = diffWords(a, b) over the whole texts, timeout ${JSDIFF_TIMEOUT_MS / 1000} s ` +
      '(">" = it gave up, so the ratio is an upper bound).\n' +
      'dmp = diff-match-patch diff_main in word mode (each distinct token mapped to one char),\n' +
      `Diff_Timeout = ${DMP_TIMEOUT_S} (no limit). Below 1x, Parallax is faster.`,
  );
}

/** Slow baselines are timed once; mark them so a reader knows there is no median. */
function withRuns(timing: Timing): string {
  return timing.runs === 1 ? `${formatMs(timing)} (1 run)` : formatMs(timing);
}

// ---- Version diff ------------------------------------------------------------

interface VersionRow {
  label: string;
  words: number;
  paragraphs: [number, number];
  changes: string;
  timedOut: boolean;
  parallax: Timing;
  git: Timing | null;
}

/** Whether `git` can be run at all; the git column is left empty otherwise. */
function gitAvailable(): boolean {
  return spawnSync('git', ['--version']).status === 0;
}

/** One `git diff --no-index --word-diff=porcelain` process, start to exit. */
function gitWordDiff(oldFile: string, newFile: string): void {
  const result = spawnSync(
    'git',
    ['diff', '--no-index', '--no-ext-diff', '--word-diff=porcelain', oldFile, newFile],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  // --no-index exits 1 when the files differ: that is the diff we asked for.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`git diff failed (${result.status}): ${result.stderr.toString()}`);
  }
}

function measureVersions(label: string, pair: TextPair, dir: string, git: boolean): VersionRow {
  const diff = diffVersions(pair.a, pair.b);
  const { changed, added, removed, moved } = diff.stats;
  const oldFile = join(dir, `${label}-old.txt`);
  const newFile = join(dir, `${label}-new.txt`);
  writeFileSync(oldFile, pair.a);
  writeFileSync(newFile, pair.b);
  return {
    label,
    words: countWords(pair.a),
    paragraphs: [splitParagraphs(pair.a).length, splitParagraphs(pair.b).length],
    changes: `${changed}/${added}/${removed}/${moved}`,
    timedOut: diff.timedOut,
    parallax: measure(() => diffVersions(pair.a, pair.b)),
    git: git ? measure(() => gitWordDiff(oldFile, newFile)) : null,
  };
}

/** The floor under every git row: starting a process that diffs two identical one-line files. */
function measureGitStart(dir: string): Timing {
  const file = join(dir, 'tiny.txt');
  const copy = join(dir, 'tiny-copy.txt');
  writeFileSync(file, 'Talks will continue.\n');
  writeFileSync(copy, 'Talks will continue.\n');
  return measure(() => gitWordDiff(file, copy));
}

function printVersions(rows: readonly VersionRow[], gitStart: Timing | null): void {
  console.log('\nVersion diff of one article (ms)');
  printTable(
    [
      'article',
      'words',
      'paragraphs old/new',
      'changed/added/removed/moved',
      'timed out',
      'diffVersions',
      'git word-diff',
      'Parallax/git',
    ],
    rows.map((r) => [
      r.label,
      String(r.words),
      `${r.paragraphs[0]}/${r.paragraphs[1]}`,
      r.changes,
      r.timedOut ? 'yes' : 'no',
      formatMs(r.parallax),
      r.git ? formatMs(r.git) : 'n/a',
      r.git ? formatRatio(r.parallax, r.git) : 'n/a',
    ]),
  );
  if (gitStart === null) {
    console.log('git is not installed here: the git column is empty.');
    return;
  }
  console.log(
    'git word-diff = `git diff --no-index --word-diff=porcelain old.txt new.txt`, wall time of the\n' +
      'whole process (spawnSync), start-up included; diffVersions runs in-process.\n' +
      `git process start alone (two identical one-line files): ${formatMs(gitStart)} ms`,
  );
}

// ---- Run -----------------------------------------------------------------------

function main(): void {
  console.log(`\n== Engine benchmark ==\n${machineNote()}`);
  console.log('Each time: median of 3-7 runs after a warm-up; runs over 2 s are timed once.');
  const seed = loadSeedPair();
  const lenses = loadLenses();
  const label = (words: number) => `${words / 1000}k words`;

  const cases: Case[] = [
    { label: 'seed pair', pair: seed },
    ...SIZES.map((words) => ({ label: label(words), pair: outletPair(seed, words, words) })),
  ];
  printComparison(cases.map((c) => measureComparison(c, lenses)));

  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-engine-'));
  try {
    const git = gitAvailable();
    const rows = SIZES.map((words) =>
      measureVersions(label(words), articleVersions(seed, words, words + 1), dir, git),
    );
    printVersions(rows, git ? measureGitStart(dir) : null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
