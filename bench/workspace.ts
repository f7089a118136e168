// The comparison workspace in real Chromium, on a 20,000-word pair: how long
// the aligned view takes to open, how long the main thread is blocked, how
// smoothly it scrolls, and how much DOM it keeps. Baseline in the same run: the
// Reading mode of the same two texts (plain paragraphs, no alignment, nothing
// virtualized): what the browser alone costs for that much text.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../scripts/chromium.mjs';
import { ensureBuilt, root } from '../scripts/setup.mjs';
import { loadSeedPair, outletPair } from './corpus';
import { formatMs, formatRatio, machineNote, printTable, type Timing } from './measure';

const once = (ms: number): Timing => ({ ms, runs: 1 });

const WORDS = 20_000;
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

interface ModeResult {
  /** From navigation to the first sentence (aligned) or paragraph (reading) on screen. */
  openMs: number;
  /** Longest main-thread task while opening and scrolling. */
  longestTaskMs: number;
  /** Sum of tasks over 50 ms (the blocking the reader feels). */
  blockedMs: number;
  /** 95th percentile of frame intervals while scrolling top to bottom. */
  frameP95Ms: number;
  domNodes: number;
}

async function startServer(dbPath: string): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn('node', ['out/main/cli.js', 'serve', '--port', '0', '--db', dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const match = /https?:\/\/\S+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return { url, server };
}

// Runs in the page, with the token the page took from its address. A string, not a
// function: tsx would wrap named inner functions in a helper the page lacks.
const IMPORT_PAIR = `async ({ a, b }) => {
  const call = async (channel, request) => {
    const response = await fetch('/api/' + channel, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-parallax-token': sessionStorage.getItem('parallax.token'),
      },
      body: JSON.stringify(request),
    });
    const result = await response.json();
    if (!result.ok) throw new Error(channel + ': ' + result.error);
    return result.value;
  };
  const save = async (text, outlet) => {
    const proposal = await call('import:preview', {
      source: { kind: 'text', text, name: outlet + '.txt' },
      outlet,
    });
    // The commit takes the proposal as previewed, minus what was only for the reader to check.
    const { changes, warnings, ...rest } = proposal;
    const article = { ...proposal.articles[0], headline: outlet + ': a long report' };
    const { saved } = await call('import:commit', { ...rest, articles: [article] });
    return saved[0].versionId;
  };
  const aVersionId = await save(a, 'Long Outlet A');
  const bVersionId = await save(b, 'Long Outlet B');
  await call('comparison:open', { aVersionId, bVersionId });
}`;

/** Imports the two texts through the API and opens them as a comparison (the app then lands on it). */
async function importPair(page: Page, a: string, b: string): Promise<void> {
  await page.evaluate(`(${IMPORT_PAIR})(${JSON.stringify({ a, b })})`);
}

async function measureMode(
  page: Page,
  url: string,
  mode: 'Aligned' | 'Reading',
): Promise<ModeResult> {
  await page.goto('about:blank');
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: number[] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const start = Date.now();
  await page.goto(url);
  if (mode === 'Reading') {
    await page.getByRole('tab', { name: 'Reading' }).click();
    await page.getByTestId('body-b').waitFor();
  } else {
    await page.locator('.sentence-text').first().waitFor();
  }
  const openMs = Date.now() - start;
  const frames = await page.evaluate(async () => {
    // Scroll whatever scrolls: the aligned view's own container, else the page.
    const scroller =
      [...document.querySelectorAll<HTMLElement>('*')].find(
        (el) =>
          el.scrollHeight > el.clientHeight + 200 &&
          /auto|scroll/.test(getComputedStyle(el).overflowY),
      ) ?? document.scrollingElement!;
    const intervals: number[] = [];
    let last = performance.now();
    const steps = 120;
    for (let i = 1; i <= steps; i++) {
      scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * i) / steps;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      intervals.push(now - last);
      last = now;
    }
    return intervals.sort((x, y) => x - y);
  });
  const { tasks, domNodes } = await page.evaluate(() => ({
    tasks: (window as unknown as { __tasks: number[] }).__tasks,
    domNodes: document.getElementsByTagName('*').length,
  }));
  return {
    openMs,
    longestTaskMs: Math.max(0, ...tasks),
    blockedMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    frameP95Ms: frames[Math.floor(frames.length * 0.95)] ?? 0,
    domNodes,
  };
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('\n== Workspace benchmark ==\nskipped: no Chromium here (npm test installs one).');
    return;
  }
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-ui-'));
  const { url, server } = await startServer(join(dir, 'library.db'));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pair = outletPair(loadSeedPair(), WORDS, 11);
    await page.goto(url);
    await importPair(page, pair.a, pair.b);
    const reading = await measureMode(page, url, 'Reading');
    const aligned = await measureMode(page, url, 'Aligned');
    console.log('\n== Workspace benchmark ==');
    console.log(machineNote());
    console.log(`A ${WORDS.toLocaleString('en')}-word pair in Chromium, 1440×900; one run each.\n`);
    const row = (label: string, r: ModeResult) => [
      label,
      formatMs(once(r.openMs)),
      formatMs(once(r.longestTaskMs)),
      formatMs(once(r.blockedMs)),
      formatMs(once(r.frameP95Ms)),
      r.domNodes.toLocaleString('en'),
    ];
    printTable(
      ['mode', 'open', 'longest task', 'blocked >50ms', 'frame p95 (scroll)', 'DOM nodes'],
      [
        row('Reading (baseline)', reading),
        row('Aligned', aligned),
        [
          'Aligned / Reading',
          formatRatio(once(aligned.openMs), once(reading.openMs)),
          formatRatio(once(aligned.longestTaskMs), once(Math.max(reading.longestTaskMs, 1))),
          '',
          formatRatio(once(aligned.frameP95Ms), once(reading.frameP95Ms)),
          formatRatio(once(aligned.domNodes), once(reading.domNodes)),
        ],
      ],
    );
    console.log(
      'open = navigation to text on screen (Aligned includes the engine run on a worker thread);\n' +
        'frame p95 = 95th percentile of frame intervals while scrolling top to bottom in 120 steps.',
    );
  } finally {
    await browser.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
