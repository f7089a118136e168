// `npm run lint:security`: Electronegativity over the sources (it parses
// TypeScript 5.9 here), without its one online check, and ESLint's
// no-unsanitized rules over the renderer and preload. Exits non-zero on any
// finding that SECURITY.md does not justify, and on a justification that no
// longer matches a finding (so the list below stays exactly what is true).
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

/** Electronegativity's only check that goes online (it fetches Electron's release list). */
const ONLINE_CHECK = 'AvailableSecurityFixesGlobalCheck';

/**
 * Findings reviewed and justified in SECURITY.md ("Electronegativity findings"):
 * check id + file under src/. A new finding, even of the same check in another
 * file, still fails.
 */
export const JUSTIFIED = [
  // Asks for a manual review of any CSP; ours is the strict one the checklist asks for.
  { id: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html' },
  // These read only a webPreferences literal in the same file as `new BrowserWindow`;
  // both windows take theirs from securityPolicy.ts's builders (sandbox, contextIsolation
  // and disableBlinkFeatures 'Auxclick' set there, and unit-tested).
  { id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/electron/window.ts' },
  { id: 'SANDBOX_JS_CHECK', file: 'main/electron/window.ts' },
  { id: 'AUXCLICK_JS_CHECK', file: 'main/electron/window.ts' },
  { id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/electron/printPdf.ts' },
  { id: 'SANDBOX_JS_CHECK', file: 'main/electron/printPdf.ts' },
  { id: 'AUXCLICK_JS_CHECK', file: 'main/electron/printPdf.ts' },
  // Flags any shell.openExternal; ours passes only externalUrlToOpen's http(s) URLs.
  { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/electron/security.ts' },
];

const isJustified = (finding) =>
  JUSTIFIED.some((entry) => entry.id === finding.id && entry.file === finding.file);

async function electronegativityFindings() {
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  // It prints translation and version notices through console.log; keep the report readable.
  const log = console.log;
  console.log = () => {};
  let result;
  try {
    result = await run(
      {
        input: join(root, 'src'),
        excludeFromScan: [ONLINE_CHECK],
        electronVersionOverride: electronVersion,
        isRelative: true,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
  const unparsed = result.errors.filter((error) => !error.tolerable);
  return {
    checks: result.globalChecks + result.atomicChecks,
    unparsed: unparsed.map((error) => `${relative(root, error.file)}: ${error.message}`),
    findings: result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file.split('\\').join('/'),
      where: `${issue.location.line}:${issue.location.column}`,
      description: issue.description,
    })),
  };
}

async function unsanitizedFindings() {
  const eslint = new ESLint({ cwd: root });
  const results = await eslint.lintFiles(['src/renderer/**/*.{ts,tsx}', 'src/preload/**/*.ts']);
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId?.startsWith('no-unsanitized/'))
      .map((message) => ({
        id: message.ruleId,
        file: relative(root, result.filePath),
        where: `${message.line}:${message.column}`,
        description: message.message,
      })),
  );
}

const problems = [];
const scan = await electronegativityFindings();
for (const line of scan.unparsed) problems.push(`Electronegativity could not parse ${line}`);
const unjustified = scan.findings.filter((finding) => !isJustified(finding));
for (const f of unjustified) problems.push(`${f.id} src/${f.file}:${f.where} — ${f.description}`);
for (const entry of JUSTIFIED) {
  if (!scan.findings.some((f) => f.id === entry.id && f.file === entry.file)) {
    problems.push(
      `Stale justification: ${entry.id} in src/${entry.file} is no longer found; remove it here and in SECURITY.md.`,
    );
  }
}
const unsanitized = await unsanitizedFindings();
for (const f of unsanitized) problems.push(`${f.id} ${f.file}:${f.where} — ${f.description}`);

console.log(
  `Electronegativity: ${scan.checks} checks (without ${ONLINE_CHECK}), ` +
    `${scan.findings.length} findings, ${scan.findings.length - unjustified.length} justified in SECURITY.md.`,
);
console.log(`no-unsanitized: ${unsanitized.length} findings in the renderer and preload.`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ${problem}`);
  console.error(`lint:security failed: ${problems.length} problem(s).`);
  process.exit(1);
}
console.log('lint:security passed.');
