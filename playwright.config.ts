import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// `npm test` sets CHROMIUM_PATH (scripts/chromium.mjs finds or installs one);
// run directly, Playwright uses Debian's Chromium when present, else its own.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.test-results/e2e-artifacts',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  reporter: [['list'], ['json']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      // The flags a headless Chromium needs as root on an offline machine.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
