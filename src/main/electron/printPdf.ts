// Reports as PDF in the desktop app: Electron's own Chromium prints them, so no
// second browser is needed. The report page has no script and loads nothing, and
// the window that prints it is hidden, sandboxed and has JavaScript off.
import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function printPdfWithElectron(html: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-report-'));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true },
  });
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    await window.loadFile(file);
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
  } finally {
    window.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
