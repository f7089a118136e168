import { expect, test } from './support/fixtures';
import { violations } from './support/axe';

// axe takes a few seconds per page on a 2-core machine, and these tests run it several times.
test.describe.configure({ timeout: 90_000 });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the aligned comparison, a chosen lens and the shortcuts sheet meet WCAG AA (${colorScheme})`, async ({
    parallax,
  }) => {
    const page = parallax.page;
    await page.emulateMedia({ colorScheme });
    await parallax.open();
    await expect(page.locator('.sentence-text').first()).toBeVisible({ timeout: 20_000 });
    expect(await violations(page)).toEqual([]);

    // A row's evidence, opened from the keyboard: Tab from its sentence to its why-button.
    const row = page.locator('[data-testid="aligned-row"][data-kind="match"]').first();
    await row.locator('[data-focus-key]').first().focus();
    await page.keyboard.press('Tab');
    await expect(row.getByTestId('evidence-button')).toBeFocused();
    await expect(row.getByTestId('evidence-popover')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page
      .getByRole('button', { name: /Sanctions/ })
      .first()
      .click();
    await expect(page.getByText('Tehran Times never mentions Sanctions')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-sheet')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test(`the Reading mode meets WCAG AA (${colorScheme})`, async ({ parallax }) => {
    await parallax.page.emulateMedia({ colorScheme });
    await parallax.open();
    await parallax.showReading();
    await expect(parallax.sideA).toBeVisible();
    expect(await violations(parallax.page)).toEqual([]);
  });
}
