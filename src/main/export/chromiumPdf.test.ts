import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
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
