import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  expectNothingRan,
  HOSTILE,
  hostileHtmlPage,
  PAYLOADS,
  SEARCH_WORD,
  seedHostileLibrary,
  watchForScript,
  type Watch,
} from './support/hostile';

// Issue 7, point 3: text imported from anywhere (pasted, from an HTML file through
// Readability) and everything a user types (notes, code, lens and annotator names)
// is shown as text in every view and never runs. Each test runs twice: with the
// page's Content-Security-Policy bypassed, so the renderer alone must keep payloads
// inert (a payload that became markup would run and be caught), and with the CSP
// enforced as shipped, logging anything it had to block.
test.describe.configure({ timeout: 90_000 });

const SCRIPT_PAYLOAD = PAYLOADS[0];

/** Waits until the aligned comparison has drawn its sentences. */
async function alignedReady(page: Page): Promise<void> {
  await expect(page.locator('.sentence-text[data-side="b"]').first()).toBeVisible({
    timeout: 20_000,
  });
}

/** Logs what the CSP blocked (it held, but the page was handed something to block). */
function logViolations(watch: Watch): void {
  for (const violation of watch.cspViolations) {
    test.info().annotations.push({ type: 'CSP violation', description: violation });
    console.log(`[hostile-content] CSP blocked: ${violation}`);
  }
}

/** Clicks every javascript: link, should one ever render, so a live one fails the test. */
async function clickJavascriptLinks(page: Page): Promise<void> {
  const links = page.locator('a[href^="javascript:" i]');
  for (let i = 0; i < (await links.count()); i++) await links.nth(i).click();
}

for (const csp of ['bypassed', 'enforced'] as const) {
  test.describe(`untrusted content never runs (CSP ${csp})`, () => {
    test.use({ bypassCSP: csp === 'bypassed' });
    let watch: Watch;
    test.beforeEach(async ({ page }) => {
      watch = await watchForScript(page);
    });
    test.afterEach(() => logViolations(watch));

    test('the watch itself: a payload made into markup is caught, or blocked by the CSP', async ({
      parallax,
      page,
    }) => {
      // What a renderer bug (innerHTML of imported text) would do; proves the checks above can fail.
      await parallax.open();
      await alignedReady(page);
      await page.evaluate((html) => {
        const probe = document.createElement('div');
        probe.innerHTML = html;
        document.body.append(probe);
      }, PAYLOADS.join(' '));
      if (csp === 'bypassed') {
        await expect.poll(() => watch.pwned.length).toBeGreaterThan(0);
      } else {
        await expect.poll(() => watch.cspViolations.length).toBeGreaterThan(0);
        expect(watch.pwned).toEqual([]);
      }
      // Blocked on purpose here: nothing to log.
      watch.cspViolations.length = 0;
    });

    test('library, search, Aligned, voices, annotations, codebook, lens and name dialogs show payloads as text', async ({
      parallax,
      app,
      page,
    }) => {
      await seedHostileLibrary(app);
      await parallax.open();
      await alignedReady(page);

      // The header names both outlets and the story, with the literal characters.
      await expect(parallax.title).toContainText(HOSTILE.outletA);
      await expect(parallax.title).toContainText(HOSTILE.story);
      await expect(parallax.library).toContainText(HOSTILE.headlineA);
      await expect(parallax.library).toContainText('Mallory Post');
      await expectNothingRan(page, watch, 'the library and Aligned');
      await expect(parallax.comparison).toContainText(SCRIPT_PAYLOAD);
      await expect(parallax.comparison).toContainText(PAYLOADS[1]);
      await clickJavascriptLinks(page);

      // Annotations: the sidebar lists both coders' notes, code and names as text.
      const sidebar = page.getByTestId('annotation-sidebar');
      await expect(sidebar).toContainText(`${HOSTILE.note} (1)`);
      await expect(sidebar).toContainText(HOSTILE.codeName);
      await expectNothingRan(page, watch, 'the annotation sidebar');

      // The codebook editor, with the hostile code's name in its field.
      await sidebar.getByRole('button', { name: 'Codebook' }).click();
      const codebook = page.getByTestId('codebook-editor');
      await expect(
        codebook.getByRole('textbox', { name: `Name of the code “${HOSTILE.codeName}”` }),
      ).toHaveValue(HOSTILE.codeName);
      await expectNothingRan(page, watch, 'the codebook editor');
      await codebook.getByRole('button', { name: 'Close the codebook' }).click();

      // The lens bar and the lens editor.
      const lensBar = page.getByTestId('lens-bar');
      await expect(lensBar).toContainText(HOSTILE.lensName);
      await lensBar.getByRole('button', { name: `Edit the lens ${HOSTILE.lensName}` }).click();
      const lensEditor = page.getByTestId('lens-editor');
      await expect(lensEditor.getByRole('heading')).toHaveText(
        `Edit the lens “${HOSTILE.lensName}”`,
      );
      await expectNothingRan(page, watch, 'the lens editor');
      await lensEditor.getByRole('button', { name: 'Close' }).click();
      await expect(lensEditor).toBeHidden();

      // The annotator's name in the header and its dialog.
      const nameButton = page.getByRole('banner').getByTestId('annotator-button');
      await expect(nameButton).toContainText(HOSTILE.annotators[1]);
      await nameButton.click();
      const nameDialog = page.getByTestId('annotator-dialog');
      await expect(nameDialog.getByLabel('Your name')).toHaveValue(HOSTILE.annotators[1]);
      await expectNothingRan(page, watch, 'the annotator name dialog');
      await nameDialog.getByRole('button', { name: 'Close' }).click();

      // Search for a word inside the payloads, then open a hit.
      await parallax.searchInput.fill(SEARCH_WORD);
      const hits = parallax.searchResults.getByTestId('search-hit');
      await expect(hits.first()).toBeVisible();
      await expect(parallax.searchResults).toContainText('window.__pwned');
      await expectNothingRan(page, watch, 'the search results');
      await clickJavascriptLinks(page);
      await hits.first().getByTitle('Read this version').click();
      await expect(page.getByTestId('version-reader')).toContainText('window.__pwned');
      await expectNothingRan(page, watch, 'a version opened from search');
    });

    test('Reading with raw input, Coders, Changes and the import preview show payloads as text', async ({
      parallax,
      app,
      page,
    }) => {
      const ids = await seedHostileLibrary(app);
      await parallax.open();
      await alignedReady(page);

      // Reading: each version as published, then the raw input (B's is the hostile page's HTML).
      await parallax.showReading();
      await expect(parallax.sideA).toContainText(HOSTILE.headlineA);
      await expect(parallax.sideB).toContainText(SCRIPT_PAYLOAD);
      for (const side of ['a', 'b'] as const) {
        await page
          .getByTestId(`side-${side}`)
          .getByRole('button', { name: 'Show raw input' })
          .click();
      }
      await expect(parallax.sideB).toContainText('onerror="window.__pwned = 102"');
      await expectNothingRan(page, watch, 'Reading with the raw input shown');
      await clickJavascriptLinks(page);

      // Coders: both coders' spans on each side.
      await parallax.comparison.getByRole('tab', { name: 'Coders' }).click();
      const coders = page.getByTestId('coders-view');
      await expect(coders).toBeVisible();
      const sides = coders.getByRole('radio');
      for (let i = 0; i < (await sides.count()); i++) {
        await sides.nth(i).check();
        await expect(coders.getByLabel('Coder 1')).toHaveValue(HOSTILE.annotators[0]);
        await expect(coders).toContainText(HOSTILE.codeName);
        await expectNothingRan(page, watch, `Coders, side ${i + 1}`);
      }

      // Changes: the two versions of the hostile article, as track changes and side by side.
      for (const [id, side] of [
        [ids.a1, 'A'],
        [ids.a2, 'B'],
      ] as const) {
        const toggle = parallax.library
          .locator(`[data-version-id="${id}"]`)
          .getByRole('button', { name: side, exact: true });
        if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
        await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      }
      await page.getByTestId('compare-button').click();
      const changes = page.getByTestId('version-diff');
      await expect(changes.getByTestId('version-summary')).toBeVisible({ timeout: 20_000 });
      await expect(changes).toContainText('A paragraph added later');
      await expect(changes).toContainText(SCRIPT_PAYLOAD);
      await expectNothingRan(page, watch, 'Changes as track changes');
      await changes.getByRole('button', { name: 'Side by side' }).click();
      await expect(changes).toContainText(PAYLOADS[5]);
      await expectNothingRan(page, watch, 'Changes side by side');
      await clickJavascriptLinks(page);

      // The import dialog's preview of the hostile page, with its raw-input diff.
      await parallax.importButton.click();
      const dialog = parallax.importDialog;
      await dialog.chooseFile('mallory-post.html', Buffer.from(hostileHtmlPage()), 'text/html');
      await expect(dialog.article(0)).toBeVisible({ timeout: 20_000 });
      const paragraphs = dialog.article(0).getByRole('list', { name: 'Paragraphs' });
      await expect(paragraphs).toContainText(PAYLOADS[2]);
      await expect(paragraphs).toContainText(PAYLOADS[4]);
      await dialog.showRawDiff();
      await expect(dialog.rawDiff).toContainText('<script>window.__pwned = 100</script>');
      await expectNothingRan(page, watch, 'the import preview');
    });

    test('the report dialog, and the saved HTML report opened as a file, show payloads as text', async ({
      parallax,
      app,
      page,
    }) => {
      await seedHostileLibrary(app);
      await parallax.open();
      await alignedReady(page);

      await parallax.comparison.getByRole('button', { name: 'Report' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save a report' });
      await expect(dialog).toBeVisible();
      await expectNothingRan(page, watch, 'the report dialog');
      await dialog.getByRole('radio', { name: /HTML/ }).check();
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Save report' }).click();
      const file = await download;
      await expect(dialog.getByRole('status')).toContainText('Report ready');

      // Opened from disk, as a teacher would open the file someone sent them.
      const dir = mkdtempSync(join(tmpdir(), 'parallax-hostile-'));
      try {
        const reportPath = join(dir, 'report.html');
        copyFileSync(await file.path(), reportPath);
        expect(readFileSync(reportPath, 'utf8')).toContain('&lt;script&gt;');
        await page.goto(pathToFileURL(reportPath).href);
        await expect(page.locator('body')).toContainText(HOSTILE.headlineA);
        await expect(page.locator('body')).toContainText(HOSTILE.note);
        await expectNothingRan(page, watch, 'the HTML report opened as a file');
        await clickJavascriptLinks(page);
        await expectNothingRan(page, watch, 'the HTML report after clicking its links');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
