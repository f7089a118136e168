// PDFs outside Electron (the CLI and browser mode): the report's HTML printed by a
// headless Chromium or Google Chrome already on the machine. Electron prints with
// webContents.printToPDF instead; both fit `(html) => Promise<Buffer>`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../shared/result';

export type PrintPdf = (html: string) => Promise<Buffer>;

const PRINT_TIMEOUT_MS = 60_000;

export const NO_CHROMIUM_MESSAGE =
  'Making a PDF needs Chromium or Google Chrome; install one or set PARALLAX_CHROMIUM to its path.';

/** Where browsers are installed by default, in the order we try them. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

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
  return KNOWN_PATHS.find((path) => existsSync(path)) ?? playwrightChromium();
}

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: PRINT_TIMEOUT_MS, windowsHide: true }, (error, _out, err) => {
      if (!error) return resolve();
      const why = error.killed
        ? `it took longer than ${PRINT_TIMEOUT_MS / 1000} seconds`
        : String(err).trim().split('\n').slice(-3).join(' ') || error.message;
      reject(new UserError(`Chromium (${file}) could not make the PDF: ${why}`));
    });
  });
}

/** Prints `html` to PDF with a headless Chromium; everything it writes goes in a temp folder, removed after. */
export async function printPdf(
  html: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  const browser = findChromium(env);
  if (!browser) throw new UserError(NO_CHROMIUM_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    writeFileSync(page, html);
    await run(browser, [
      '--headless',
      '--no-sandbox',
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
    ]);
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
