// Set-up shared by `npm start` and `npm test` on a fresh clone: install what is
// missing, then build what is stale. Plain Node, no dependencies: it runs before
// anything is installed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

export function say(message) {
  console.log(`[parallax] ${message}`);
}

/** Runs a command, echoing its output; resolves with its exit code and captured output. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    // An env value of undefined removes that variable for the child.
    const env = Object.fromEntries(
      Object.entries({ ...process.env, ...options.env }).filter(([, value]) => value !== undefined),
    );
    const child = spawn(command, args, {
      cwd: options.cwd ?? root,
      env,
      stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      shell: process.platform === 'win32',
    });
    let output = '';
    if (options.capture) {
      const echo = (stream) => (chunk) => {
        output += chunk;
        if (!options.quiet) stream.write(chunk);
      };
      child.stdout.on('data', echo(process.stdout));
      child.stderr.on('data', echo(process.stderr));
    }
    child.on('error', (error) => resolvePromise({ code: 127, output: output + String(error) }));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

/** Runs a dependency's command-line tool with this Node, without relying on PATH or npx. */
export function runBin(pkg, bin, args, options) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = require(manifestPath);
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin];
  return run(process.execPath, [join(dirname(manifestPath), relative), ...args], options);
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Installs dependencies when node_modules is missing or older than the lockfile.
 * Electron's package downloads its binary at install time; where that fails
 * (offline machines, CI), the install is retried without it and Parallax runs
 * in browser mode instead.
 */
export async function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lockfile = join(root, 'package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(lockfile)) return;
  const args = existsSync(lockfile) ? ['ci'] : ['install'];
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  say(`Installing dependencies (npm ${args[0]})…`);
  const first = await run(npm, args, { capture: true });
  if (first.code === 0) return;
  if (!/electron/i.test(first.output) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    throw new Error(`npm ${args[0]} failed (exit ${first.code}); see the output above.`);
  }
  say(
    "Electron's binary could not be downloaded; retrying the install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 " +
      '(Parallax will run in browser mode).',
  );
  const second = await run(npm, args, { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (second.code !== 0) throw new Error(`npm ${args[0]} failed again (exit ${second.code}).`);
}

const BUILD_INPUTS = [
  'src',
  'resources',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
];
const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/cli.js',
  'out/preload/index.js',
  'out/renderer/index.html',
];
const BUILD_STAMP = join(root, 'out', '.build-stamp');

/** Builds main, preload and renderer when any output is missing or older than its sources. */
export async function ensureBuilt({ force = false } = {}) {
  const complete = BUILD_OUTPUTS.every((file) => existsSync(join(root, file)));
  const sourcesChanged =
    Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(root, p)))) > mtime(BUILD_STAMP);
  if (!force && complete && !sourcesChanged) return;
  say('Building Parallax (electron-vite build)…');
  const { code } = await runBin('electron-vite', 'electron-vite', ['build']);
  if (code !== 0) throw new Error('The build failed; see the output above.');
  writeFileSync(BUILD_STAMP, new Date().toISOString());
}

/** The Electron binary's path when it is installed, or null with the reason. */
export function findElectronBinary() {
  try {
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { path, reason: null };
  } catch {
    // electron/index.js throws when the install skipped or failed the binary download.
  }
  return { path: null, reason: 'its download was skipped or failed at install time' };
}
