import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../shared/result';
import { findAppRoot, samplesDir } from '../appRoot';
import { startDailyBackup } from '../db/backups';
import { openLibrary } from '../db/library';
import { createHandlers } from '../services/handlers';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { appVersion } from '../appVersion';
import { startBrowserServer, type RunningServer } from './browserServer';

/** Opens the library (seeding a new one) and serves it in browser mode until the process ends. */
export async function serveBrowserMode(options: {
  databasePath: string;
  port?: number;
}): Promise<RunningServer> {
  const appRoot = findAppRoot();
  const rendererDir = join(appRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new UserError(
      'The user interface is not built yet: run `npm run build` (or `npm start`, which builds it).',
    );
  }
  const library = openLibrary(options.databasePath);
  await seedSampleCorpus(library, samplesDir(appRoot));
  // Not awaited: start-up never waits on the backup, and a failed one is only a warning.
  void startDailyBackup(library);
  const handlers = createHandlers(library, { mode: 'browser', appVersion: appVersion(appRoot) });
  const server = await startBrowserServer({ handlers, rendererDir, port: options.port ?? 0 });
  const stop = (): void => {
    void server.close().then(() => {
      library.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
