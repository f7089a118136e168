import type { Download, Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { violations } from './support/axe';
import { expect, test } from './support/fixtures';
import { selectPhrase } from './support/selectPhrase';

// axe in both themes, a report in three formats, and a PDF printed by a headless Chromium.
test.describe.configure({ timeout: 90_000 });

// The headline's first line in the PDF's narrow column (pdftotext reads the two columns line by line).
const HEADLINE_START = 'Iran, US agree to resume talks despite';
const NOTE = 'Sanctions put in the lead sentence by CGTN only.';
const PDFTOTEXT = '/usr/bin/pdftotext';

/** The comparison bar's Report button and the dialog it opens. */
class Reporting {
  readonly button: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('comparison').getByRole('button', { name: 'Report' });
    this.dialog = page.getByRole('dialog', { name: 'Save a report' });
  }

  async ready(): Promise<void> {
    await expect(this.page.locator('.sentence-text[data-side="b"]').first()).toBeVisible({
      timeout: 20_000,
    });
  }

  /** Picks a format, saves, and returns the downloaded file's bytes and name. */
  async save(format: RegExp): Promise<{ name: string; bytes: Buffer }> {
    await this.dialog.getByRole('radio', { name: format }).check();
    const download: Promise<Download> = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Save report' }).click();
    const file = await download;
    const name = file.suggestedFilename();
    await expect(this.dialog.getByRole('status')).toHaveText(`Report ready: ${name}`);
    return { name, bytes: readFileSync(await file.path()) };
  }

  /** Selects a phrase of CGTN with the mouse, codes it and writes a note. */
  async annotateCgtn(phrase: string, filter: string, code: string, note: string): Promise<void> {
    await selectPhrase(this.page, 'b', phrase);
    const popover = this.page.getByRole('dialog', { name: /^Annotate/ });
    await expect(popover).toBeVisible();
    await popover.getByRole('combobox', { name: 'Code' }).fill(filter);
    await expect(popover.getByRole('option', { name: code, selected: true })).toBeVisible();
    await popover.getByLabel('Note').fill(note);
    await popover.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popover).toBeHidden();
    await expect(this.page.getByTestId('annotation-item')).toContainText(note);
  }
}

test('a report as HTML and as Markdown holds both outlets, the omissions and the annotation made', async ({
  parallax,
  page,
}) => {
  const reporting = new Reporting(page);
  await parallax.open();
  await reporting.ready();
  await reporting.annotateCgtn('fresh sanctions', 'word', 'Word choice / labels', NOTE);

  await reporting.button.click();
  await expect(reporting.dialog).toBeVisible();
  await expect(reporting.dialog.getByRole('radio', { name: /HTML/ })).toBeChecked();
  await page.screenshot({ path: '.test-results/screens/report-dialog-light.png' });
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '.test-results/screens/report-dialog-dark.png' });
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  const html = await reporting.save(/HTML/);
  expect(html.name).toMatch(/\.html$/);
  const page1 = html.bytes.toString('utf8');
  expect(page1).toContain('Tehran Times');
  expect(page1).toContain('CGTN');
  // CGTN's sentences with no counterpart in Tehran Times: the cell that says so.
  expect(page1).toContain('∅ Not in Tehran Times');
  expect(page1).toContain('Word choice / labels');
  expect(page1).toContain(NOTE);
  expect(page1).toContain('fresh sanctions');
  // Self-contained and inert: it opens anywhere without running anything.
  expect(page1).not.toMatch(/<script/i);

  const md = await reporting.save(/Markdown/);
  expect(md.name).toMatch(/\.md$/);
  const text = md.bytes.toString('utf8');
  expect(text).toContain('Tehran Times');
  expect(text).toContain('CGTN');
  expect(text).toContain('Not in Tehran Times');
  expect(text).toMatch(/^\|.*\|\s*$/m);
  expect(text).toContain('Word choice / labels');
  expect(text).toContain(NOTE);

  // Closing hands focus back to the button that opened it.
  await reporting.dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(reporting.dialog).toBeHidden();
  await expect(reporting.button).toBeFocused();
});

test('a report as PDF is a PDF whose text has the headline', async ({ parallax, page }) => {
  const reporting = new Reporting(page);
  await parallax.open();
  await reporting.ready();
  await reporting.button.click();

  const pdf = await reporting.save(/PDF/);
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  test.skip(
    !existsSync(PDFTOTEXT),
    `${PDFTOTEXT} is not installed (apt-get install poppler-utils)`,
  );
  const text = execFileSync(PDFTOTEXT, ['-', '-'], { input: pdf.bytes }).toString('utf8');
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('Tehran Times vs CGTN');
  expect(flat).toContain(HEADLINE_START);
  expect(flat).toContain('Not in Tehran Times');
});
