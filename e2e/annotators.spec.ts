import type { Locator, Page } from '@playwright/test';
import { violations } from './support/axe';
import { callApi, saveTehranTimesVersion } from './support/browserMode';
import { expect, test } from './support/fixtures';
import { selectPhrase } from './support/selectPhrase';

// axe runs several times here, in both themes.
test.describe.configure({ timeout: 90_000 });

/** Who is annotating (the header), and annotating a phrase of CGTN with a code. */
class Coding {
  readonly nameButton: Locator;
  readonly nameDialog: Locator;
  readonly popover: Locator;
  readonly sidebar: Locator;

  constructor(readonly page: Page) {
    this.nameButton = page.getByRole('banner').getByTestId('annotator-button');
    this.nameDialog = page.getByRole('dialog', { name: 'Who is annotating?' });
    this.popover = page.getByRole('dialog', { name: /^Annotate/ });
    this.sidebar = page.getByTestId('annotation-sidebar');
  }

  async ready(): Promise<void> {
    await expect(this.page.locator('.sentence-text[data-side="b"]').first()).toBeVisible({
      timeout: 20_000,
    });
  }

  async setName(name: string): Promise<void> {
    await this.nameButton.click();
    await this.nameDialog.getByLabel('Your name').fill(name);
    await this.nameDialog.getByRole('button', { name: 'Save name' }).click();
    await expect(this.nameDialog).toBeHidden();
    await expect(this.nameButton).toHaveText(`Annotating as ${name}`);
  }

  /** Selects a phrase of one side (CGTN unless told) with the mouse, picks a code, saves. */
  async annotate(
    phrase: string,
    filter: string,
    code: string,
    side: 'a' | 'b' = 'b',
  ): Promise<void> {
    await selectPhrase(this.page, side, phrase);
    await expect(this.popover).toBeVisible();
    await this.popover.getByRole('combobox', { name: 'Code' }).fill(filter);
    await expect(this.popover.getByRole('option', { name: code, selected: true })).toBeVisible();
    await this.popover.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.popover).toBeHidden();
  }
}

test('the annotator’s name: set in the header, shown on each annotation, a filter per coder', async ({
  parallax,
  page,
}) => {
  const coding = new Coding(page);
  await parallax.open();
  await coding.ready();

  await expect(coding.nameButton).toHaveText('Set your name');
  await coding.nameButton.click();
  await expect(coding.nameDialog).toBeVisible();
  await expect(coding.nameDialog.getByLabel('Your name')).toBeFocused();
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // A name the library refuses is explained next to the field; the dialog stays open.
  await coding.nameDialog.getByLabel('Your name').fill('x'.repeat(101));
  await coding.nameDialog.getByRole('button', { name: 'Save name' }).click();
  await expect(coding.nameDialog.getByRole('alert')).toContainText('limited to 100 characters');
  await expect(coding.nameDialog.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await coding.nameDialog.getByLabel('Your name').fill('Sara');
  await coding.nameDialog.getByRole('button', { name: 'Save name' }).click();
  await expect(coding.nameDialog).toBeHidden();
  await expect(coding.nameButton).toHaveText('Annotating as Sara');
  await expect(coding.nameButton).toBeFocused();

  await coding.annotate('fresh sanctions', 'word', 'Word choice / labels');
  const items = coding.sidebar.getByTestId('annotation-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('by Sara');

  // The name is kept in the library, not in the page.
  await page.reload();
  await coding.ready();
  await expect(coding.nameButton).toHaveText('Annotating as Sara');

  await coding.setName('Ali');
  await coding.annotate('early next week', 'emph', 'Emphasis / placement');
  await expect(items).toHaveCount(2);
  const filter = coding.sidebar.getByLabel('Annotator');
  await filter.selectOption({ label: 'Ali' });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('by Ali');
  await expect(items.first()).toContainText('early next week');
  await filter.selectOption({ label: 'Everyone (2)' });
  await expect(items).toHaveCount(2);
});

test('two coders side by side: their columns, where they differ, and Cohen’s κ', async ({
  parallax,
  page,
}) => {
  const coding = new Coding(page);
  await parallax.open();
  await coding.ready();

  const tab = page.getByRole('tab', { name: 'Coders' });
  await tab.click();
  const view = page.getByTestId('coders-view');
  await expect(view).toContainText(
    'Agreement needs two coders: merge your students’ bundles first.',
  );

  await page.getByRole('tab', { name: 'Aligned' }).click();
  await coding.ready();
  await coding.setName('Sara');
  await coding.annotate('fresh sanctions', 'word', 'Word choice / labels');
  await coding.annotate('early next week', 'emph', 'Emphasis / placement');
  await coding.setName('Ali');
  await coding.annotate('fresh sanctions', 'emph', 'Emphasis / placement');
  await coding.annotate('early next week', 'emph', 'Emphasis / placement');

  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  // The annotations are on CGTN; Tehran Times has none yet.
  await expect(view).toContainText('Nobody has annotated Tehran Times in this version yet.');
  await view.getByRole('radio', { name: 'CGTN (B)' }).check();

  await expect(view.getByLabel('Coder 1')).toHaveValue('Ali');
  await expect(view.getByLabel('Coder 2')).toHaveValue('Sara');
  const table = view.getByRole('table', { name: /Ali and Sara on CGTN/ });
  await expect(table.getByRole('columnheader', { name: 'Coder 1 Ali' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Coder 2 Sara' })).toBeVisible();

  // The paragraph with "fresh sanctions": each column names its code, and the difference is said.
  const row = table.getByRole('row').filter({ hasText: 'codes differ' });
  await expect(row).toHaveCount(1);
  const [aliCell, saraCell] = [row.getByRole('cell').nth(0), row.getByRole('cell').nth(1)];
  await expect(aliCell.locator('mark', { hasText: 'fresh' })).toContainText('Emphasis / placement');
  await expect(saraCell.locator('mark', { hasText: 'fresh' })).toContainText(
    'Word choice / labels',
  );
  await expect(row.getByRole('cell').nth(2)).toContainText(
    '≠ codes differ “fresh sanctions” Ali: Emphasis / placement · Sara: Word choice / labels',
  );
  // The paragraph where both gave the same code says so.
  await expect(
    table
      .getByRole('row')
      .filter({ has: page.locator('mark', { hasText: 'early next week' }) })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('✓ Same codes');

  // Half the coded characters agree, and that is what chance alone gives here: κ 0.
  await expect(view.getByTestId('coders-kappa')).toContainText(
    'Cohen’s κ 0.00 over 30 coded characters',
  );
  await page.screenshot({ path: '.test-results/screens/coders.png' });
  const perCode = view.getByRole('table', { name: 'Cohen’s κ per code' });
  await expect(perCode.getByRole('row', { name: /Emphasis \/ placement/ })).toContainText('30');

  // Only the two coded paragraphs (and the header row) when asked.
  const rowCount = await table.getByRole('row').count();
  await view.getByRole('checkbox', { name: 'Only paragraphs either coder coded' }).check();
  await expect(table.getByRole('row')).toHaveCount(3);
  await view.getByRole('checkbox', { name: 'Only paragraphs either coder coded' }).uncheck();
  await expect(table.getByRole('row')).toHaveCount(rowCount);

  // Choosing the other coder as coder 1 swaps the columns.
  await view.getByLabel('Coder 1').selectOption('Sara');
  await expect(view.getByLabel('Coder 2')).toHaveValue('Ali');
  await expect(view.getByRole('table', { name: /Sara and Ali on CGTN/ })).toBeVisible();

  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page)).toEqual([]);
});

test('a new version keeps the annotations it can place, flags a reworded one, lists a deleted one', async ({
  parallax,
  page,
  app,
}) => {
  const coding = new Coding(page);
  await parallax.open();
  await coding.ready();
  const deleted = 'Adm. Brad Cooper, commander of US Central Command';
  const reworded = 'the discussions were exclusively focused on the nuclear issue';
  await coding.annotate(deleted, 'emph', 'Emphasis / placement', 'a');
  await coding.annotate(reworded, 'word', 'Word choice / labels', 'a');
  const items = coding.sidebar.getByTestId('annotation-item');
  await expect(items).toHaveCount(2);

  // Version 2 of the Tehran Times article (same outlet and headline): Adm. Cooper's
  // paragraph dropped, one word of the IRNA paragraph changed.
  type Overview = {
    stories: { articles: { versions: { id: string; headline: string }[] }[] }[];
  };
  const overview = await callApi<Overview>(app, 'library:overview', {});
  const v1 = overview.stories
    .flatMap((story) => story.articles)
    .flatMap((article) => article.versions)
    .find((version) => version.headline.startsWith('Iran, US agree to resume talks'))!;
  type Version = {
    headline: string;
    deck: string | null;
    byline: string | null;
    publishedAt: string | null;
    body: string;
    captions: string[];
  };
  const { version } = await callApi<{ version: Version }>(app, 'version:get', { id: v1.id });
  const paragraphs = version.body
    .split('\n\n')
    .filter((p) => !p.includes(deleted))
    .map((p) => p.replace('exclusively focused', 'solely focused'));
  expect(paragraphs.join('\n\n')).toContain('the discussions were solely focused');
  const saved = await saveTehranTimesVersion(app, version, paragraphs);
  expect(saved.message).toMatch(/^Added version 2 of/);

  // Tehran Times v2 on side A, CGTN still on side B.
  await page.reload();
  const toggle = parallax.library
    .locator(`[data-version-id="${saved.versionId}"]`)
    .getByRole('button', { name: 'A', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('compare-button').click();
  await coding.ready();

  const orphans = coding.sidebar.getByTestId('orphans');
  await expect(orphans.getByRole('heading')).toHaveText('⚠ Could not be placed (1)');
  const orphan = orphans.getByTestId('orphan-item');
  await expect(orphan).toHaveCount(1);
  await expect(orphan).toContainText(`“${deleted}”`);
  await expect(orphan).toContainText('Emphasis / placement');
  await expect(orphan).toContainText('Made on version 1');

  // The reworded span is placed on the new words, and flagged for a check.
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('solely focused on the nuclear issue');
  await expect(items.first().getByTestId('moved-badge')).toHaveText('⚠ moved — check');
  // The view may draw one mark in several pieces (the word diff splits it).
  await expect
    .poll(async () =>
      (
        await page
          .locator('.sentence-text[data-side="a"] mark[title="Word choice / labels"]')
          .allTextContents()
      ).join(''),
    )
    .toBe('the discussions were solely focused on the nuclear issue');
  await expect(
    page.locator('.sentence-text[data-side="a"]', { hasText: 'Brad Cooper' }),
  ).toHaveCount(0);

  await orphans.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.test-results/screens/annotations-orphaned-light.png' });
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '.test-results/screens/annotations-orphaned-dark.png' });
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // Version 1 beside version 2: the annotation whose words are gone is listed as an orphan
  // of version 2. Deleting it (on version 1) takes it off that list; Undo puts it back.
  const chooseSide = async (versionId: string, side: 'A' | 'B') => {
    const button = parallax.library
      .locator(`[data-version-id="${versionId}"]`)
      .getByRole('button', { name: side, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  };
  await chooseSide(v1.id, 'A');
  await chooseSide(saved.versionId, 'B');
  await page.getByTestId('compare-button').click();
  await page.getByRole('tab', { name: 'Aligned' }).click();
  await coding.ready();
  await expect(orphans.getByRole('heading')).toHaveText('⚠ Could not be placed (1)');
  await items
    .filter({ hasText: deleted })
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(items.filter({ hasText: deleted })).toHaveCount(0);
  await expect(orphans).toHaveCount(0);
  await coding.sidebar.getByRole('button', { name: 'Undo' }).click();
  await expect(items.filter({ hasText: deleted })).toHaveCount(1);
  await expect(orphans.getByRole('heading')).toHaveText('⚠ Could not be placed (1)');
  await expect(orphan).toContainText(`“${deleted}”`);
});
