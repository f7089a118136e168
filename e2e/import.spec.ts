import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';

const TEHRAN_TIMES_PAGE = readFileSync(
  join(process.cwd(), 'resources/samples/tehran-times-page.txt'),
);
const TEHRAN_TIMES_HEADLINES = [
  "Iran, US agree to resume talks despite 'prevailing mistrust'",
  'Aliyev: Azerbaijani territory not to be used for anti-Tehran threats',
  'Global optimism on Muscat-mediated Iran-US talks',
];

// A made-up article with the noise cleanup must handle: a word hyphenated across a
// blank line, and a photo caption with its credit in the middle of the body.
const CAPTION = 'In this photo released by X, someone (C) speaks. /VCG';
const PASTED_ARTICLE = [
  'Harbor talks resume after a long pause',
  'The two delegations met on Tuesday in the port city of Salalah for the first time in a year, and both said they hoped for progress.',
  'Senior offi-',
  'cials said the mood was calm and businesslike, and that the agenda had been agreed in advance.',
  CAPTION,
  'Both sides agreed to meet again next month to continue the talks, according to a joint statement.',
].join('\n\n');

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `.test-results/screens/${name}.png` });
}

test('importing the Tehran Times page again says the library already has its three articles', async ({
  parallax,
}) => {
  await parallax.open();
  await expect(parallax.title).toContainText('Tehran Times vs CGTN');
  await parallax.importButton.click();
  const dialog = parallax.importDialog;
  await expect(dialog.root).toBeVisible();

  await dialog.chooseFile('tehran-times-page.txt', TEHRAN_TIMES_PAGE);
  await expect(dialog.articles).toHaveCount(3);
  for (const [i, headline] of TEHRAN_TIMES_HEADLINES.entries()) {
    await expect(dialog.headline(i)).toHaveValue(headline);
  }
  await expect(dialog.warnings).toContainText('holds 3 articles');
  await expect(dialog.article(0).getByTestId('import-counts')).toHaveText(
    /^16 paragraphs · 539 words · 2 captions$/,
  );
  await expect(dialog.cleanupSummary).toContainText('words re-joined across line breaks');
  await expect(dialog.cleanupSummary).toContainText('1 column jump restored');
  await screenshot(parallax.page, 'import-preview-tehran-times');

  await dialog.showRawDiff();
  // The cartoon's boilerplate is dropped: only in the raw input.
  await expect(dialog.rawDiff.locator('del').filter({ hasText: 'Cartoonist' })).toBeVisible();
  await expect(dialog.rawDiff.locator('ins').filter({ hasText: /^Azerbaijan$/ })).toHaveCount(1);
  // Long unchanged runs are folded; the first change is near the top of the view.
  await expect(
    dialog.rawDiff.getByRole('button', { name: /unchanged words/ }).first(),
  ).toBeVisible();
  await dialog.rawDiff.getByRole('region').locator('del').first().scrollIntoViewIfNeeded();
  await screenshot(parallax.page, 'import-raw-vs-cleaned');

  await dialog.save();
  await expect(dialog.results).toHaveCount(3);
  for (const result of await dialog.results.all()) {
    await expect(result).toContainText('Already in the library');
    await expect(result).toContainText('Already have this version');
    await expect(result).toHaveAttribute('data-created', 'false');
  }
  await dialog.close();
  await expect(dialog.root).toBeHidden();
  await expect(parallax.importButton).toBeFocused();
  // Nothing was added.
  await expect(parallax.versionRows()).toHaveCount(4);
});

test('a page split into three articles can be merged to two and saved under a new outlet', async ({
  parallax,
}) => {
  await parallax.open();
  await expect(parallax.versionRows()).toHaveCount(4);
  await parallax.importButton.click();
  const dialog = parallax.importDialog;
  await dialog.outlet.fill('Tehran Times (print)');
  await dialog.chooseFile('tehran-times-page.txt', TEHRAN_TIMES_PAGE);
  await expect(dialog.articles).toHaveCount(3);
  await expect(dialog.article(2).getByLabel('Outlet', { exact: true })).toHaveValue(
    'Tehran Times (print)',
  );

  // A merge can be taken back.
  await dialog.article(2).getByRole('button', { name: 'Merge with previous article' }).click();
  await expect(dialog.articles).toHaveCount(2);
  await dialog.root.getByRole('button', { name: 'Undo merge' }).click();
  await expect(dialog.articles).toHaveCount(3);
  await expect(dialog.headline(2)).toHaveValue(TEHRAN_TIMES_HEADLINES[2]!);

  await dialog.article(2).getByRole('button', { name: 'Merge with previous article' }).click();
  await expect(dialog.articles).toHaveCount(2);
  await expect(dialog.headline(1)).toHaveValue(TEHRAN_TIMES_HEADLINES[1]!);
  // The Aliyev story (9 paragraphs, 2 captions) now also holds the 10 of the third article.
  await expect(dialog.article(1).getByTestId('import-counts')).toHaveText(
    /^19 paragraphs · [\d,]+ words · 2 captions$/,
  );
  // Focus stays with the article the user is working on.
  await expect(dialog.root.getByRole('heading', { name: 'Article 2 of 2' })).toBeFocused();
  await expect(dialog.saveButton).toHaveText('Save 2 articles');

  await dialog.story.fill('Tehran Times print edition, 7 Feb 2026');
  await dialog.save();
  await expect(dialog.results).toHaveCount(2);
  for (const result of await dialog.results.all()) {
    await expect(result).toHaveAttribute('data-created', 'true');
    await expect(result).toContainText('Added');
  }
  await expect(dialog.results.nth(0)).toContainText(TEHRAN_TIMES_HEADLINES[0]!);
  await expect(dialog.results.nth(1)).toContainText(TEHRAN_TIMES_HEADLINES[1]!);
  await dialog.close();

  const story = parallax.library
    .locator('section.story')
    .filter({ hasText: 'Tehran Times print edition, 7 Feb 2026' });
  await expect(story).toContainText('Tehran Times (print)');
  await expect(story).toContainText(TEHRAN_TIMES_HEADLINES[0]!);
  await expect(story).toContainText(TEHRAN_TIMES_HEADLINES[1]!);
  await expect(story).not.toContainText(TEHRAN_TIMES_HEADLINES[2]!);
  await expect(parallax.versionRows()).toHaveCount(6);
});

test('saving a changed article adds a version and the library shows the size of the change', async ({
  parallax,
}) => {
  await parallax.open();
  await parallax.importButton.click();
  const dialog = parallax.importDialog;
  await dialog.chooseFile('tehran-times-page.txt', TEHRAN_TIMES_PAGE);
  await expect(dialog.articles).toHaveCount(3);
  await dialog.article(2).getByRole('button', { name: 'Merge with previous article' }).click();
  await expect(dialog.articles).toHaveCount(2);
  await dialog.save();
  await expect(dialog.results).toHaveCount(2);
  await expect(dialog.results.nth(0)).toHaveAttribute('data-created', 'false');
  await expect(dialog.results.nth(1)).toHaveAttribute('data-created', 'true');
  await expect(dialog.results.nth(1)).toContainText('Aliyev');
  await dialog.close();

  const aliyev = parallax.library
    .locator('.library-article')
    .filter({ hasText: TEHRAN_TIMES_HEADLINES[1]! });
  const rows = aliyev.getByTestId('version-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).not.toContainText('+');
  const change = rows.nth(1).locator('.version-change');
  await expect(change).toHaveText(/^\+[1-9][\d,]* \/ −\d+ words since v1$/);
  await expect(change).toHaveAttribute('title', /added.*removed/);
});

test('pasted text is cleaned: the caption moves out and a split word is joined', async ({
  parallax,
}) => {
  await parallax.open();
  await parallax.importButton.click();
  const dialog = parallax.importDialog;
  await dialog.outlet.fill('Test Outlet');
  await dialog.previewText(PASTED_ARTICLE);

  await expect(dialog.articles).toHaveCount(1);
  const article = dialog.article(0);
  await expect(dialog.headline(0)).toHaveValue('Harbor talks resume after a long pause');
  await expect(article.getByLabel('Outlet', { exact: true })).toHaveValue('Test Outlet');
  await expect(article.getByTestId('import-counts')).toHaveText(/3 paragraphs · .* · 1 caption$/);
  await expect(article.getByRole('list', { name: 'Paragraphs' })).toContainText(
    'Senior officials said the mood was calm',
  );
  await expect(article.getByRole('list', { name: 'Paragraphs' })).not.toContainText(CAPTION);
  await article.getByRole('button', { name: /Show the whole article/ }).click();
  await expect(article.getByRole('region', { name: 'Captions' })).toContainText(CAPTION);

  await expect(dialog.cleanupSummary).toContainText('1 word re-joined across line breaks');
  await expect(dialog.cleanupSummary).toContainText('1 caption moved out');
  await dialog.cleanupSummary.getByText('Show each change').click();
  await expect(dialog.cleanupSummary).toContainText('offi- cials → officials');

  await dialog.showRawDiff();
  await expect(dialog.rawDiff.locator('del').filter({ hasText: 'someone (C) speaks' })).toHaveCount(
    1,
  );
  await expect(dialog.rawDiff.locator('del').filter({ hasText: /offi-\s+cials/ })).toHaveCount(1);
  await expect(dialog.rawDiff.locator('ins').filter({ hasText: /^officials$/ })).toHaveCount(1);

  await dialog.save();
  await expect(dialog.results).toHaveCount(1);
  await expect(dialog.results.first()).toHaveAttribute('data-created', 'true');
  await expect(dialog.results.first()).toContainText('Imported');
  await dialog.close();
  await expect(parallax.library.locator('.outlet-name', { hasText: 'Test Outlet' })).toBeVisible();
  await expect(parallax.library).toContainText('Harbor talks resume after a long pause');
});

test('a file dropped on the window opens the import dialog with its preview', async ({
  parallax,
}) => {
  await parallax.open();
  await expect(parallax.title).toContainText('Tehran Times vs CGTN');
  const page = parallax.page;
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'harbor-report.txt', { type: 'text/plain' }));
    return transfer;
  }, PASTED_ARTICLE);

  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();

  const dialog = parallax.importDialog;
  await expect(dialog.root).toBeVisible();
  await expect(dialog.articles).toHaveCount(1);
  await expect(dialog.headline(0)).toHaveValue('Harbor talks resume after a long pause');
  await expect(dialog.root).toContainText('From harbor-report.txt');
});

test('text pasted on the window opens the import dialog with that text', async ({ parallax }) => {
  await parallax.open();
  await expect(parallax.title).toContainText('Tehran Times vs CGTN');
  const page = parallax.page;
  await page.evaluate((text) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  }, PASTED_ARTICLE);
  const dialog = parallax.importDialog;
  await expect(dialog.root).toBeVisible();
  await expect(dialog.text).toHaveValue(PASTED_ARTICLE);
  await expect(dialog.text).toBeFocused();

  // Esc closes the dialog and nothing is imported.
  await page.keyboard.press('Escape');
  await expect(dialog.root).toBeHidden();
  await expect(parallax.importButton).toBeVisible();
});

test('whitespace-only text gets the API’s message and saves nothing', async ({ parallax }) => {
  await parallax.open();
  await expect(parallax.versionRows()).toHaveCount(4);
  await parallax.importButton.click();
  const dialog = parallax.importDialog;
  await dialog.previewText('   \n\n \t  \n');
  await expect(dialog.error).toContainText('The pasted text is empty');
  // Still choosing a source: no preview, nothing to save.
  await expect(dialog.articles).toHaveCount(0);
  await expect(dialog.saveButton).toHaveCount(0);
  await parallax.page.keyboard.press('Escape');
  await expect(dialog.root).toBeHidden();
  await expect(parallax.versionRows()).toHaveCount(4);
});

test('a split-off article needs a headline before it can be saved', async ({ parallax }) => {
  await parallax.open();
  await parallax.importButton.click();
  const dialog = parallax.importDialog;
  await dialog.outlet.fill('Test Outlet');
  await dialog.previewText(PASTED_ARTICLE);
  const article = dialog.article(0);
  await article.getByRole('button', { name: /Show the whole article/ }).click();
  await article
    .getByRole('button', { name: 'Split here: start a new article at paragraph 3' })
    .click();
  await expect(dialog.articles).toHaveCount(2);
  // A sentence is not a headline: the new article's headline is left to write.
  const headline = dialog.headline(1);
  await expect(headline).toHaveValue('');
  await expect(headline).toBeFocused();
  await expect(headline).toHaveAttribute('aria-invalid', 'true');

  await dialog.save();
  await expect(dialog.error).toContainText('Article 2: Write a headline');
  await expect(dialog.results).toHaveCount(0);

  await headline.fill('Talks to continue next month');
  await dialog.save();
  await expect(dialog.results).toHaveCount(2);
  await dialog.close();
  await expect(parallax.library).toContainText('Talks to continue next month');
});

test('each comparison column shows its stored raw input against the cleaned text', async ({
  parallax,
}) => {
  await parallax.open();
  await parallax.showReading();
  await expect(parallax.sideA).toContainText('Tehran Times');
  const toggle = parallax.sideA.getByRole('button', { name: 'Show raw input' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const diff = parallax.sideA.getByTestId('raw-diff');
  await expect(diff).toBeVisible();
  // The page's other articles and its cartoon are in the raw input only.
  await expect(diff.locator('del').filter({ hasText: 'CARTOON' })).toHaveCount(1);
  await expect(diff.locator('del').filter({ hasText: 'Aliyev' }).first()).toBeVisible();
  await toggle.click();
  await expect(parallax.page.getByTestId('body-a')).toContainText('prevailing atmosphere');
});

test('subheads of a web page stay subheads, in the preview and in the reader', async ({
  parallax,
}) => {
  const html = `<!doctype html><html><head><title>Harbor talks resume</title>
    <meta property="og:site_name" content="Test Outlet"></head><body><article>
    <h1>Harbor talks resume after a long pause</h1>
    <p>The two delegations met on Tuesday in the port city of Salalah for the first time in a year, and both said they hoped for progress on the long list of issues between them.</p>
    <p>Senior officials said the mood was calm and businesslike, and that the agenda had been agreed in advance by both governments through intermediaries.</p>
    <h2>Sanctions announced the same day</h2>
    <p>Hours after the talks ended, new sanctions were announced against shipping companies, a move both delegations declined to comment on when asked by reporters.</p>
    <script>document.title = 'scripted'</script>
    </article></body></html>`;
  await parallax.open();
  await parallax.importButton.click();
  const dialog = parallax.importDialog;
  await dialog.chooseFile('harbor.html', Buffer.from(html), 'text/html');
  await expect(dialog.articles).toHaveCount(1);
  await dialog
    .article(0)
    .getByRole('button', { name: /^Show (all|the whole)/ })
    .click();
  const subhead = dialog.article(0).locator('.is-subhead');
  await expect(subhead.filter({ hasText: 'Sanctions announced the same day' })).toHaveCount(1);

  // The raw input is markup, shown as text: never rendered.
  await dialog.showRawDiff();
  await expect(dialog.rawDiff).toContainText('<h2>');
  await expect(dialog.root.locator('article script, h2:text("Sanctions")')).toHaveCount(0);

  await dialog.save();
  await expect(dialog.results).toHaveCount(1);
  await dialog.results.first().getByRole('button', { name: /^Read/ }).click();
  await expect(dialog.root).toBeHidden();
  const reader = parallax.page.getByTestId('version-reader');
  await expect(
    reader.getByRole('heading', { level: 3, name: 'Sanctions announced the same day' }),
  ).toBeVisible();
  await expect(parallax.page).not.toHaveTitle(/scripted/);
  await screenshot(parallax.page, 'reader-subheads');
});

test('a file with thousands of line-end hyphens lists 200 joins and counts the rest', async ({
  parallax,
}) => {
  await parallax.open();
  await parallax.importButton.click();
  const dialog = parallax.importDialog;
  // 5,000 words broken at a line end: every one is re-joined, 200 are listed.
  await dialog.chooseFile(
    'joins.txt',
    Buffer.from(`Talks in Muscat\n\nThe ${'offi-\ncials '.repeat(5000)}met again.`),
  );
  await expect(dialog.cleanupSummary).toContainText('5,000 words re-joined across line breaks');
  await dialog.cleanupSummary.getByText('Show each change').click();
  await expect(dialog.cleanupSummary.locator('dd').filter({ hasText: 'offi- cials' })).toHaveCount(
    200,
  );
  await expect(dialog.cleanupSummary).toContainText('… and 4,800 more like these');
  await dialog.cleanupSummary.getByText('… and 4,800 more like these').scrollIntoViewIfNeeded();
  await screenshot(parallax.page, 'import-preview-many-joins');
});
