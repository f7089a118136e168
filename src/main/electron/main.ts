// Electron main process: a thin shell around the same services browser mode and
// the CLI use. Everything testable lives outside this folder.
import { app, BrowserWindow, dialog, session } from 'electron';
import { findAppRoot, samplesDir } from '../appRoot';
import { resolveDatabasePath } from '../dataLocation';
import { openLibrary } from '../db/library';
import { chooseNativeBinding } from '../db/nativeBinding';
import { createHandlers } from '../services/handlers';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { bindIpc } from './ipc';
import { printPdfWithElectron } from './printPdf';
import { rendererDir } from './rendererLocation';
import { applyAppSecurity, isTrustedIpcSender, registerAppSchemeBeforeReady } from './security';
import { devServerUrl } from './securityPolicy';
import { createMainWindow } from './window';
import { startDailyBackup } from '../db/backups';

// Only under `electron-vite dev`; a packaged app never trusts a URL from the environment.
const devServer = devServerUrl(process.env, app.isPackaged);
registerAppSchemeBeforeReady();

function dbFlag(argv: string[]): string | undefined {
  const index = argv.indexOf('--db');
  if (index !== -1) return argv[index + 1];
  return argv.find((arg) => arg.startsWith('--db='))?.slice('--db='.length);
}

async function start(): Promise<void> {
  await app.whenReady();
  applyAppSecurity({ rendererDir: rendererDir(), devServer, session: session.defaultSession });
  const appRoot = findAppRoot();
  try {
    const library = openLibrary(
      resolveDatabasePath({ flag: dbFlag(process.argv), userDataDir: app.getPath('userData') }),
      { nativeBinding: chooseNativeBinding(appRoot) },
    );
    await seedSampleCorpus(library, samplesDir(appRoot));
    // Not awaited: a backup never holds up the window, and a failure is only a warning.
    void startDailyBackup(library);
    const context = {
      mode: 'electron' as const,
      appVersion: app.getVersion(),
      printPdf: printPdfWithElectron,
    };
    bindIpc(createHandlers(library, context), (event) => isTrustedIpcSender(event, devServer));
    app.on('will-quit', () => library.close());
  } catch (error) {
    dialog.showErrorBox('Parallax cannot open its library', (error as Error).message);
    app.exit(1);
    return;
  }
  createMainWindow(devServer);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(devServer);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void start();
