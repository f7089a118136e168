import type { Locator, Page } from '@playwright/test';
import { callApi, saveTehranTimesVersion, type BrowserModeApp } from './support/browserMode';
import { violations } from './support/axe';
import { expect, test } from './support/fixtures';
import type { ParallaxPage } from './support/ParallaxPage';

const HEADLINE = "Iran, US agree to resume talks despite 'prevailing mistrust'";
const ADDED_PARAGRAPH =
  "Oman's foreign ministry said on Saturday that a date for the next round would be announced after consultations in both capitals.";

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `.test-results/screens/${name}.png` });
}

interface Version {
  id: string;
  headline: string;
  deck: string | null;
  byline: string | null;
  publishedAt: string | null;
  body: string;
  captions: string[];
}

/**
 * Saves a second version of the sample Tehran Times article (same outlet and
 * headline, so it joins the article): two words reworded and a phrase added in
 * ¶3, straight quotes made curly in ¶7 and nothing else, ¶10 dropped, ¶14 moved
 * up to ¶5, a paragraph added, and the deck reworded.
 */
async function importChangedVersion(app: BrowserModeApp): Promise<void> {
  type Overview = {
    stories: {
      articles: { outlet: { name: string }; versions: { id: string; headline: string }[] }[];
    }[];
  };
  const overview = await callApi<Overview>(app, 'library:overview', {});
  const sample = overview.stories
    .flatMap((story) => story.articles)
    .flatMap((article) => article.versions)
    .find((version) => version.headline === HEADLINE)!;
  const { version } = await callApi<{ version: Version }>(app, 'version:get', { id: sample.id });
  const p = version.body.split('\n\n');
  expect(p[2]).toContain('will be determined in subsequent consultations');
  expect(p[6]).toContain('"without threats."');
  p[2] = p[2]!.replace(
    'will be determined in subsequent consultations',
    'will be decided in consultations in both capitals,',
  );
  p[6] = p[6]!.replace('"without threats."', '“without threats.”');
  const paragraphs = [
    ...p.slice(0, 4),
    p[13]!,
    ...p.slice(4, 9),
    ...p.slice(10, 13),
    ADDED_PARAGRAPH,
    ...p.slice(14),
  ];
  const saved = await saveTehranTimesVersion(
    app,
    version,
    paragraphs,
    "Araghchi calls Muscat negotiations a 'very good start'; next round to be set through Oman",
  );
  expect(saved.created).toBe(true);
}

/** Puts two versions of the sample article on sides A and B and opens the Changes tab. */
async function openChanges(
  parallax: ParallaxPage,
  sides: { a: number; b: number },
): Promise<Locator> {
  await parallax.open();
  await expect(parallax.comparison).toBeVisible();
  const rows = parallax.library
    .locator('.library-article')
    .filter({ hasText: HEADLINE })
    .getByTestId('version-row');
  await expect(rows).toHaveCount(2);
  // The sample comparison already has v1 on side A; a second press would clear it.
  for (const [side, row] of [
    ['A', sides.a],
    ['B', sides.b],
  ] as const) {
    const toggle = rows.nth(row).getByRole('button', { name: side, exact: true });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  }
  await parallax.page.getByTestId('compare-button').click();
  await parallax.comparison.getByRole('tab', { name: 'Changes' }).click();
  const view = parallax.page.getByTestId('version-diff');
  await expect(view.getByTestId('version-summary')).toBeVisible();
  return view;
}

test('the Changes tab shows what a new version added, removed and moved, and hides a quote-style-only change', async ({
  parallax,
  app,
}) => {
  await importChangedVersion(app);
  const view = await openChanges(parallax, { a: 0, b: 1 });
  const page = parallax.page;
  const summary = view.getByTestId('version-summary');
  await expect(summary).toContainText(
    '2 paragraphs changed, 1 added, 1 removed, 1 moved; 25 words added, 17 removed.',
  );
  await expect(summary).toContainText('1 paragraph differs only in spacing, quotes or punctuation');
  await expect(summary).toContainText('Deck changed.');
  expect(await violations(page)).toEqual([]);

  // Track changes: the edited paragraph's old words struck out, new words underlined.
  const track = view.getByTestId('track-changes');
  const edited = track
    .locator('[data-kind="changed"]')
    .filter({ hasText: 'Omani foreign minister' });
  await expect(edited.locator('del').filter({ hasText: /^determined$/ })).toBeVisible();
  await expect(edited.locator('ins').filter({ hasText: /^decided$/ })).toBeVisible();
  await expect(edited.locator('ins').filter({ hasText: 'in both capitals' })).toBeVisible();
  await expect(edited.getByText('Edited', { exact: true })).toBeVisible();
  // Whole paragraphs: labelled, and marked up as insertions and deletions.
  const added = track.locator('[data-kind="added"]');
  await expect(added).toContainText('Added paragraph');
  await expect(added.locator('ins')).toHaveText(ADDED_PARAGRAPH);
  const removed = track.locator('[data-kind="removed"]');
  await expect(removed).toContainText('Removed paragraph');
  await expect(removed.locator('del')).toContainText('Adm. Brad Cooper');
  // The deck's rewording is shown too.
  await expect(
    view
      .getByTestId('version-fields')
      .locator('ins')
      .filter({ hasText: /^calls$/ }),
  ).toBeVisible();
  await screenshot(page, 'versions-track-changes');

  // The moved paragraph and the stub where it was link to each other.
  const moved = track.locator('[data-kind="moved"]');
  await expect(moved).toContainText('The talks in Oman came amid a crisis');
  await moved.getByRole('link', { name: /Moved from paragraph 14 of v1/ }).click();
  const stub = track.locator('[data-kind="moved-away"]');
  await expect(stub).toBeFocused();
  await stub.getByRole('link', { name: /Moved to paragraph 5 of v2/ }).click();
  await expect(moved).toBeFocused();

  // j / k walk the changes in page order, from the one that has focus.
  await page.keyboard.press('j');
  await expect(view.getByTestId('change-position')).toHaveText('Change 3 of 5');
  await expect(track.locator('[data-change-stop]').nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(view.getByTestId('change-position')).toHaveText('Change 2 of 5');
  await expect(moved).toBeFocused();

  // The quote-style-only edit is flagged cosmetic, and the switch hides it.
  const quotes = track.locator('.vd-item').filter({ hasText: 'without threats' });
  await expect(quotes).toContainText('Spacing, quotes or punctuation only');
  await expect(quotes.locator('del, ins')).not.toHaveCount(0);
  const hideCosmetic = view.getByRole('switch', { name: 'Hide cosmetic changes' });
  await hideCosmetic.click();
  await expect(hideCosmetic).toHaveAttribute('aria-checked', 'true');
  await expect(summary).toHaveText(
    'Deck changed. 1 paragraph changed, 1 added, 1 removed, 1 moved; 25 words added, 17 removed.',
  );
  await expect(quotes).not.toContainText('Spacing, quotes or punctuation only');
  await expect(quotes.locator('del, ins')).toHaveCount(0);
  await expect(quotes).toContainText('“without threats.”');
  // The real edits stay.
  await expect(edited.locator('ins').filter({ hasText: /^decided$/ })).toBeVisible();
  await hideCosmetic.click();
  await expect(quotes).toContainText('Spacing, quotes or punctuation only');

  // Side by side: each version's own words marked on its own side.
  await view.getByRole('button', { name: 'Side by side' }).click();
  await expect(view.getByRole('button', { name: 'Side by side' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const table = view.getByTestId('side-by-side');
  const editedRow = table
    .locator('tr[data-kind="changed"]')
    .filter({ hasText: 'Omani foreign minister' });
  await expect(editedRow.locator('td').nth(0).locator('del')).toContainText(['determined']);
  await expect(editedRow.locator('td').nth(0).locator('ins')).toHaveCount(0);
  await expect(editedRow.locator('td').nth(1).locator('ins')).toContainText(['decided']);
  await expect(editedRow.locator('td').nth(1).locator('del')).toHaveCount(0);
  await expect(table.locator('tr[data-kind="removed"] td').nth(1)).toHaveText('Not in v2');
  await expect(table.locator('tr[data-kind="added"] td').nth(0)).toHaveText('Not in v1');
  await editedRow.scrollIntoViewIfNeeded();
  await screenshot(page, 'versions-side-by-side');
});

test('with the later version on side A, the changes still read from the older to the newer', async ({
  parallax,
  app,
}) => {
  await importChangedVersion(app);
  const view = await openChanges(parallax, { a: 1, b: 0 });
  await expect(view.getByTestId('version-order-note')).toContainText(
    'from v1 (side B) to v2 (side A)',
  );
  const track = view.getByTestId('track-changes');
  await expect(track.locator('del').filter({ hasText: /^determined$/ })).toBeVisible();
  await expect(track.locator('ins').filter({ hasText: /^decided$/ })).toBeVisible();
  await expect(track.locator('[data-kind="removed"]')).toContainText('Adm. Brad Cooper');
});
