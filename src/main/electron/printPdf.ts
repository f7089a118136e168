// Reports as PDF in the desktop app: Electron's own Chromium prints them, so no
// second browser is needed. The report page has no script and loads nothing, and
// the window that prints it is hidden, sandboxed, has JavaScript off and a session
// of its own, in memory, so it shares no cookies, cache or storage with the app
// (printWindowWebPreferences in securityPolicy.ts). It loads the report from a
// private temp folder by file://: it is not the app's page, and the report's own
// CSP (default-src 'none') lets it load nothing.
import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../shared/result';
import { printWindowWebPreferences } from './security';

const PRINT_TIMEOUT_MS = 60_000;

/** Rejects after `ms` unless `work` settles first; the timer never outlives it. */
function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UserError(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function printPdfWithElectron(html: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-report-'));
  const window = new BrowserWindow({ show: false, webPreferences: printWindowWebPreferences() });
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const print = async () => {
      await window.loadFile(file);
      return window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
    };
    return await withTimeout(
      print(),
      PRINT_TIMEOUT_MS,
      `Making the PDF took longer than ${PRINT_TIMEOUT_MS / 1000} seconds; try HTML and print it from a browser.`,
    );
  } finally {
    window.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
