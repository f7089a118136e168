// `npm test`: everything CI checks, on a fresh clone with nothing installed.
// Set-up (install, build, a Chromium), then typecheck, lint, security lint, unit and e2e tests,
// and one closing line counting the tests: "N passed, N failed, N skipped".
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureBuilt, ensureInstalled, root, run, runBin, say } from './setup.mjs';

const resultsDir = join(root, '.test-results');
const failures = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

async function step(name, work) {
  say(`— ${name}`);
  try {
    const code = await work();
    if (code !== 0) failures.push(name);
  } catch (error) {
    say(`${name}: ${error.message}`);
    failures.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  } catch {
    return null;
  }
}

function countVitest(report) {
  if (!report) return;
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(report) {
  if (!report) return;
  counts.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  counts.failed += report.stats.unexpected ?? 0;
  counts.skipped += report.stats.skipped ?? 0;
}

try {
  await ensureInstalled();
  await ensureBuilt();
} catch (error) {
  say(error.message);
  process.exit(1);
}
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

await step('typecheck', async () => {
  for (const project of ['tsconfig.core.json', 'tsconfig.node.json', 'tsconfig.web.json']) {
    const { code } = await runBin('typescript', 'tsc', [
      '-p',
      project,
      '--noEmit',
      '--composite',
      'false',
    ]);
    if (code !== 0) return code;
  }
  return 0;
});
await step('lint', async () => {
  const eslint = await runBin('eslint', 'eslint', ['.', '--max-warnings', '0']);
  const prettier = await runBin('prettier', 'prettier', ['--check', '.', '--log-level', 'warn']);
  return eslint.code || prettier.code;
});
await step('security lint (Electronegativity, no-unsanitized)', async () => {
  const { code } = await run(process.execPath, [join(root, 'scripts', 'lint-security.mjs')]);
  return code;
});
await step('unit tests (vitest)', async () => {
  const { code } = await runBin('vitest', 'vitest', [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(resultsDir, 'unit.json')}`,
  ]);
  countVitest(readJson('unit.json'));
  return code;
});
await step('e2e tests (playwright)', async () => {
  const chromium = await ensureChromium();
  const { code } = await runBin('@playwright/test', 'playwright', ['test'], {
    env: { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: join(resultsDir, 'e2e.json') },
  });
  countPlaywright(readJson('e2e.json'));
  return code;
});

say(
  failures.length ? `failed: ${failures.join(', ')}` : 'typecheck, lint, unit and e2e all passed',
);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
