import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../shared/result';

/**
 * better-sqlite3 is a native addon, and Node and Electron need builds for
 * different ABIs. The Node build stays where npm put it (tests, CLI, browser
 * mode); `scripts/build-electron-native.mjs` builds a copy for Electron into
 * `.electron-native/electron-<version>/`, and the Electron main process loads that
 * one through better-sqlite3's `nativeBinding` option. Nobody swaps builds by hand.
 */
export function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, '.electron-native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** The `nativeBinding` to pass to better-sqlite3 in this runtime, or undefined for the Node default. */
export function chooseNativeBinding(
  appRoot: string,
  versions: NodeJS.ProcessVersions = process.versions,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const electronVersion = versions.electron;
  if (!electronVersion) return undefined;
  const path = electronNativeBindingPath(appRoot, electronVersion);
  if (!exists(path)) {
    throw new UserError(
      `better-sqlite3 has no build for Electron ${electronVersion} (looked for ${path}). ` +
        'Run `npm start`, which builds it, or `node scripts/build-electron-native.mjs`.',
    );
  }
  return path;
}
