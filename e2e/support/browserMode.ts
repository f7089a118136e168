// Starts Parallax in browser mode the way `npm run serve` does — the built CLI
// with a fresh temporary database — and waits for its "running at" line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrowserModeApp {
  url: string;
  origin: string;
  token: string;
  databasePath: string;
  stop(): Promise<void>;
}

// The token is in the fragment (`/#token=…`): the page reads it, no request carries it.
const READY = /Parallax is running at (http:\/\/127\.0\.0\.1:\d+\/#token=([0-9a-f]+))/;

export async function startBrowserMode(): Promise<BrowserModeApp> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
  const databasePath = join(dir, 'library.db');
  const child: ChildProcess = spawn(
    process.execPath,
    ['out/main/cli.js', 'serve', '--port', '0', '--db', databasePath],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(READY);
      if (found) resolve(found);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`parallax serve exited with ${code}:\n${output}`)),
    );
  });
  const url = match[1]!;
  return {
    url,
    origin: new URL(url).origin,
    token: match[2]!,
    databasePath,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One call to browser mode's API, as the renderer makes it; a refusal throws with its message. */
export async function callApi<T>(
  app: BrowserModeApp,
  channel: string,
  request: object,
): Promise<T> {
  const response = await fetch(`${app.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Parallax-Token': app.token },
    body: JSON.stringify(request),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: string };
  if (!result.ok) throw new Error(`${channel}: ${result.error}`);
  return result.value;
}

/** What a new version needs of the sample's Tehran Times version it replaces. */
export interface SampleVersion {
  headline: string;
  deck: string | null;
  byline: string | null;
  publishedAt: string | null;
  captions: string[];
}

/**
 * Saves new text for the sample's Tehran Times article through import:commit, as a
 * reader's paste would: same outlet and headline, so it becomes its next version.
 */
export async function saveTehranTimesVersion(
  app: BrowserModeApp,
  version: SampleVersion,
  paragraphs: string[],
  deck: string | null = version.deck,
): Promise<{ versionId: string; created: boolean; message: string }> {
  const { saved } = await callApi<{
    saved: { versionId: string; created: boolean; message: string }[];
  }>(app, 'import:commit', {
    articles: [
      {
        headline: version.headline,
        headlineGuessed: false,
        deck,
        byline: version.byline,
        outlet: 'Tehran Times',
        outletDomain: 'tehrantimes.com',
        publishedAt: version.publishedAt,
        url: null,
        paragraphs,
        subheads: [],
        captions: version.captions,
      },
    ],
    rawInput: paragraphs.join('\n\n'),
    sourceKind: 'paste',
    sourceName: null,
  });
  return saved[0]!;
}
