// `npm start`: set up what a fresh clone lacks, then open Parallax — in Electron
// where its binary is installed, otherwise in browser mode on 127.0.0.1.
// `npm run serve` (this script with --serve) always uses browser mode.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildElectronNative } from './build-electron-native.mjs';
import { ensureBuilt, ensureInstalled, findElectronBinary, root, say } from './setup.mjs';

const args = process.argv.slice(2);
const serveOnly = args.includes('--serve');
const appArgs = args.filter((arg) => arg !== '--serve');

function launch(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code) => process.exit(code ?? 0));
}

/** Why Electron cannot open a window here, or null when it can. */
function electronUnavailableReason() {
  const electron = findElectronBinary();
  if (!electron.path) return `Electron's binary is not installed here (${electron.reason})`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display for an Electron window';
  }
  return null;
}

try {
  await ensureInstalled();
  await ensureBuilt();
  const reason = serveOnly ? null : electronUnavailableReason();
  if (!serveOnly && reason === null) {
    await buildElectronNative();
    launch(findElectronBinary().path, ['.', ...appArgs]);
  } else {
    if (reason) say(`${reason}: serving Parallax in browser mode instead.`);
    launch(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve', ...appArgs]);
  }
} catch (error) {
  say(error.message);
  process.exit(1);
}
