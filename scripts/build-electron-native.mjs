// Builds better-sqlite3 for Electron's ABI into .electron-native/electron-<version>/,
// leaving node_modules' Node build untouched for tests, the CLI and browser mode.
// The Electron main process loads it via better-sqlite3's `nativeBinding` option
// (src/main/db/nativeBinding.ts). Needs the network once, to fetch Electron's headers.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, run, say } from './setup.mjs';

const require = createRequire(join(root, 'package.json'));

export function electronNativeTarget(electronVersion) {
  return join(root, '.electron-native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** node-gyp as npm ships it: npm names it when it runs a script; else it sits inside npm. */
function findNodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) {
    return process.env.npm_config_node_gyp;
  }
  const npmDir = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
  const bundled = join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (existsSync(bundled)) return bundled;
  throw new Error(
    'node-gyp was not found (it ships with npm); run this script through `npm start`.',
  );
}

export async function buildElectronNative() {
  const electronVersion = require('electron/package.json').version;
  const target = electronNativeTarget(electronVersion);
  if (existsSync(target)) return target;
  say(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'parallax-native-'));
  try {
    cpSync(source, work, {
      recursive: true,
      filter: (path) => !path.startsWith(join(source, 'build')),
    });
    const { code } = await run(
      process.execPath,
      [
        findNodeGyp(),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      // A configured nodedir would point node-gyp at Node's headers instead of Electron's.
      { env: { npm_config_nodedir: undefined }, cwd: work },
    );
    if (code !== 0)
      throw new Error(`Building better-sqlite3 for Electron ${electronVersion} failed; see above.`);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectronNative().then(
    (target) => say(`better-sqlite3 for Electron: ${target}`),
    (error) => {
      say(error.message);
      process.exit(1);
    },
  );
}
