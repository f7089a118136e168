import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotations } from '../services/annotations';
import { createReport } from '../services/reports';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';
import { tempDir } from '../testing/tempLibrary';
import { findChromium, NO_CHROMIUM_MESSAGE, printPdf } from './chromiumPdf';

const PDFTOTEXT = '/usr/bin/pdftotext';
const chromium = findChromium();
const missing = [
  !chromium && 'no Chromium or Google Chrome',
  !existsSync(PDFTOTEXT) && `no ${PDFTOTEXT}`,
]
  .filter(Boolean)
  .join(' and ');
if (missing) console.warn(`Skipping the PDF report test: ${missing} on this machine.`);

describe('printPdf with a headless Chromium', () => {
  it.skipIf(Boolean(missing))(
    'prints the report with its headline, codes, notes and omissions',
    async () => {
      const { library, comparison, a, b, codes } = await sampleWorkspace();
      createAnnotations(library, {
        versionId: b.id,
        comparisonId: comparison.id,
        codeId: codes[0]!.id,
        note: 'Only CGTN mentions the same-day sanctions.',
        selectors: span(b, 'fresh sanctions'),
      });
      const file = await createReport(
        library,
        { aVersionId: a.id, bVersionId: b.id, format: 'pdf' },
        (html) => printPdf(html),
      );
      const pdf = Buffer.from(file.base64, 'base64');
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      const path = join(tempDir(), file.fileName);
      writeFileSync(path, pdf);
      // -raw keeps the page's reading order; the two-column parts would interleave otherwise.
      const text = execFileSync(PDFTOTEXT, ['-raw', path, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain("Iran, US agree to resume talks despite 'prevailing mistrust'");
      expect(text).toContain(codes[0]!.name);
      expect(text).toContain('Only CGTN mentions the same-day sanctions.');
      expect(text).toContain('announced new sanctions targeting 15 entities');
      expect(file.fileName).toMatch(/^tehran-times-vs-cgtn-[\d-]+\.pdf$/);
    },
    60_000,
  );

  it('says how to get a browser when none is there', async () => {
    const env = { PARALLAX_CHROMIUM: join(tempDir(), 'no-such-chrome') };
    await expect(printPdf('<p>x</p>', env)).rejects.toThrow(
      `PARALLAX_CHROMIUM is set to ${env.PARALLAX_CHROMIUM}, which does not exist.`,
    );
    expect(NO_CHROMIUM_MESSAGE).toBe(
      'Making a PDF needs Chromium or Google Chrome; install one or set PARALLAX_CHROMIUM to its path.',
    );
  });
});

/** Whether a process still runs (a zombie waiting to be reaped has finished). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** A shell script standing in for the browser; it records its arguments in `args`. */
function fakeBrowser(body: string) {
  const dir = tempDir();
  const path = join(dir, 'fake-chromium');
  const args = join(dir, 'args');
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$@" > '${args}'\n${body}\n`);
  chmodSync(path, 0o755);
  return {
    dir,
    env: { PARALLAX_CHROMIUM: path },
    args: () => readFileSync(args, 'utf8').split('\n'),
  };
}

describe.skipIf(process.platform === 'win32')('printPdf with a browser that misbehaves', () => {
  it('kills a browser that hangs, with the processes it started, and removes its temp folder', async () => {
    const fake = fakeBrowser(`sleep 30 &\necho $! > '${'${DIR}'}/child'\nsleep 30`);
    const script = readFileSync(fake.env.PARALLAX_CHROMIUM, 'utf8').replace('${DIR}', fake.dir);
    writeFileSync(fake.env.PARALLAX_CHROMIUM, script);
    const started = Date.now();
    await expect(printPdf('<p>x</p>', fake.env, 500)).rejects.toThrow(
      `Chromium (${fake.env.PARALLAX_CHROMIUM}) could not make the PDF: it took longer than 0.5 seconds`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    const child = Number(readFileSync(join(fake.dir, 'child'), 'utf8'));
    expect(child).toBeGreaterThan(0);
    // SIGKILL is delivered at once, but give the kernel a moment to tear the process down.
    for (let i = 0; i < 20 && running(child); i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(running(child)).toBe(false);
    const profile = fake.args().find((a) => a.startsWith('--user-data-dir='))!;
    expect(existsSync(profile.slice('--user-data-dir='.length, -'/profile'.length))).toBe(false);
  });

  it('returns the PDF the browser writes', async () => {
    const fake = fakeBrowser(
      `for arg in "$@"; do case "$arg" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > "\${arg#--print-to-pdf=}";; esac; done`,
    );
    const pdf = await printPdf('<p>x</p>', { ...fake.env, PARALLAX_CHROMIUM_NO_SANDBOX: '1' });
    expect(pdf.toString('latin1')).toBe('%PDF-1.4 fake');
    expect(fake.args()).toContain('--headless');
    // The sandbox is only turned off when asked to, or as root (where Chromium needs it off).
    expect(fake.args()).toContain('--no-sandbox');
    await printPdf('<p>x</p>', fake.env);
    expect(fake.args().includes('--no-sandbox')).toBe(process.getuid?.() === 0);
  });

  it('reports what a failing browser said', async () => {
    const fake = fakeBrowser(
      `echo 'first line' >&2\necho 'ERROR: cannot open display' >&2\nexit 3`,
    );
    await expect(printPdf('<p>x</p>', fake.env)).rejects.toThrow(
      `Chromium (${fake.env.PARALLAX_CHROMIUM}) could not make the PDF: first line ERROR: cannot open display`,
    );
  });
});
