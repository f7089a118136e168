// PDFs outside Electron (the CLI and browser mode): the report's HTML printed by a
// headless Chromium or Google Chrome already on the machine. Electron prints with
// webContents.printToPDF instead; both fit `(html) => Promise<Buffer>`.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../shared/result';

export type PrintPdf = (html: string) => Promise<Buffer>;

const PRINT_TIMEOUT_MS = 60_000;

export const NO_CHROMIUM_MESSAGE =
  'Making a PDF needs Chromium or Google Chrome; install one or set PARALLAX_CHROMIUM to its path.';

/** Where browsers are installed by default, in the order we try them. */
function knownPaths(env: NodeJS.ProcessEnv): string[] {
  const windows = (base: string | undefined, ...rest: string[]) =>
    base ? [win32.join(base, ...rest)] : [];
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    // Chrome installed for one user only, and Edge, which every Windows has.
    ...windows(env.LOCALAPPDATA, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ...windows(env['ProgramFiles(x86)'], 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ];
}

/** Playwright's own Chromium, when playwright-core and its browser are installed. */
function playwrightChromium(): string | null {
  try {
    const require = createRequire(__filename);
    const { chromium } = require('playwright-core') as {
      chromium: { executablePath(): string };
    };
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The browser to print with: $PARALLAX_CHROMIUM (which must exist), else the first
 * installed of the usual places, else Playwright's; null when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.PARALLAX_CHROMIUM?.trim();
  if (chosen) {
    if (!existsSync(chosen)) {
      throw new UserError(`PARALLAX_CHROMIUM is set to ${chosen}, which does not exist.`);
    }
    return chosen;
  }
  return knownPaths(env).find((path) => existsSync(path)) ?? playwrightChromium();
}

/** Ends the browser and every process it started (renderer, GPU, zygote); gone ones are ignored. */
function killProcessTree(pid: number): void {
  if (process.platform === 'win32') {
    execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true }, () => {});
    return;
  }
  try {
    // Detached, the browser leads its own process group: minus its pid names the group.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The whole group has already exited.
  }
}

/** Runs the browser; a browser still running after `timeoutMs` is killed with all its children. */
function run(file: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killProcessTree(child.pid);
    }, timeoutMs);
    const fail = (why: string) =>
      reject(new UserError(`Chromium (${file}) could not make the PDF: ${why}`));
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // Helpers the browser left behind would hold on to its profile in the temp folder.
      if (child.pid !== undefined && process.platform !== 'win32') killProcessTree(child.pid);
      if (timedOut) return fail(`it took longer than ${timeoutMs / 1000} seconds`);
      if (code === 0) return resolve();
      fail(
        stderr.trim().split('\n').slice(-3).join(' ') ||
          (signal ? `it was stopped (${signal})` : `it exited with code ${code}`),
      );
    });
  });
}

/** Whether the browser must run without its sandbox: as root it refuses to start otherwise. */
function needsNoSandbox(env: NodeJS.ProcessEnv): boolean {
  return process.getuid?.() === 0 || env.PARALLAX_CHROMIUM_NO_SANDBOX === '1';
}

/**
 * Prints `html` to PDF with a headless Chromium; everything it writes goes in a temp
 * folder, removed after, and a browser that hangs is killed after `timeoutMs`.
 */
export async function printPdf(
  html: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<Buffer> {
  const browser = findChromium(env);
  if (!browser) throw new UserError(NO_CHROMIUM_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    writeFileSync(page, html);
    await run(
      browser,
      [
        '--headless',
        ...(needsNoSandbox(env) ? ['--no-sandbox'] : []),
        // No --blink-settings=scriptEnabled=false as a second lock beside the page's CSP:
        // with it, headless Chromium (156) exits 0 without writing the PDF.
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-extensions',
        '--no-first-run',
        '--no-default-browser-check',
        // Its own profile, so a browser the user has open is neither used nor disturbed.
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        pathToFileURL(page).href,
      ],
      timeoutMs,
    );
    if (!existsSync(out)) throw new UserError(`Chromium (${browser}) did not write a PDF.`);
    const pdf = readFileSync(out);
    if (pdf.subarray(0, 4).toString('latin1') !== '%PDF') {
      throw new UserError(`Chromium (${browser}) wrote something that is not a PDF.`);
    }
    return pdf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
