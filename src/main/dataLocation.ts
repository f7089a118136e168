import { homedir } from 'node:os';
import { join } from 'node:path';

/** The name Electron derives its userData folder from (package.json productName). */
export const APP_NAME = 'Parallax';
export const DATABASE_FILE = 'parallax.db';

/**
 * Electron's `appData` folder, computed without Electron so the CLI and browser
 * mode find the same library the desktop app uses.
 */
export function appDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

/**
 * Where the library lives: `--db PATH` first, then `PARALLAX_DB`, then
 * `parallax.db` in the userData folder (Electron's own when given).
 */
export function resolveDatabasePath(options: {
  flag?: string | undefined;
  env?: NodeJS.ProcessEnv;
  userDataDir?: string | undefined;
}): string {
  const env = options.env ?? process.env;
  if (options.flag) return options.flag;
  if (env.PARALLAX_DB) return env.PARALLAX_DB;
  return join(
    options.userDataDir ?? join(appDataDir(process.platform, env), APP_NAME),
    DATABASE_FILE,
  );
}
