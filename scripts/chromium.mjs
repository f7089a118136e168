// Finds a Chromium for the e2e tests, or gets one: CHROMIUM_PATH, then a system
// Chromium/Chrome, then Playwright's own; where none is present, Playwright's
// download, and where that fails (offline) Debian's `chromium` package as root.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root, run, runBin, say } from './setup.mjs';

const require = createRequire(join(root, 'package.json'));

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function playwrightChromium() {
  try {
    const path = require('playwright-core').chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** A Chromium already on this machine, or null. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path)) ?? playwrightChromium();
}

/** A Chromium for the e2e tests, installing one if needed; says what it does. */
export async function ensureChromium() {
  const found = findChromium();
  if (found) {
    say(`Chromium for e2e: ${found}`);
    return found;
  }
  say("No Chromium found: trying Playwright's download (npx playwright install chromium)…");
  const download = await runBin('playwright', 'playwright', ['install', 'chromium'], {
    capture: true,
    quiet: true,
  });
  if (download.code === 0 && playwrightChromium()) return playwrightChromium();
  say("Playwright's download failed (offline?).");
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    say("Installing Debian's chromium package (apt-get install -y chromium)…");
    await run('apt-get', ['update', '-qq']);
    const apt = await run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (apt.code === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'No Chromium for the e2e tests: install one (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH.',
  );
}
