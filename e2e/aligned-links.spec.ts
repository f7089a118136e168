// The aligned view and the three kinds of link, on the sample with hand-made
// links (support/handMadeLinks.ts): a contrast says what differs, a possible
// match is a question (never a match, a finding or an omission), and every
// linked row says why — on hover and from the keyboard.
import type { Locator, Page } from '@playwright/test';
import { violations } from './support/axe';
import { expect, test } from './support/fixtures';
import { useHandMadeLinks } from './support/handMadeLinks';

function rowWith(page: Page, text: string): Locator {
  return page
    .getByTestId('aligned-row')
    .filter({ has: page.locator('.sentence-text', { hasText: text }) });
}

test.describe('aligned mode: same, contrast and possible links', () => {
  test.beforeEach(async ({ parallax }) => {
    await useHandMadeLinks(parallax.page);
    await parallax.open();
    await expect(parallax.page.getByTestId('aligned-view')).toBeVisible();
  });

  test('a contrast row says what differs, in words, and marks the phrase on each side', async ({
    parallax,
  }) => {
    const row = rowWith(parallax.page, 'He noted that the timing and way of the next round');
    await expect(row).toHaveAttribute('data-kind', 'contrast');
    await expect(row.getByTestId('contrast-reason')).toHaveText(
      '≠ Different claim · Timing differs: “in subsequent consultations” vs “early next week”',
    );
    const a = row.locator('.sentence-text[data-side="a"] .differs');
    const b = row.locator('.sentence-text[data-side="b"] .differs');
    await expect(a).toHaveText('in subsequent consultations');
    await expect(b).toHaveText('early next week');
    await expect(b).toHaveAttribute('data-differs', 'Timing');
    // Screen readers hear the reason with the sentence.
    await expect(row.locator('.aligned-sentence').first()).toHaveAccessibleDescription(
      'Timing differs: “in subsequent consultations” vs “early next week”.',
    );
  });

  test('a possible match is a question: not a match, not counted as one, not an omission', async ({
    parallax,
  }) => {
    const { page } = parallax;
    const row = rowWith(page, 'He also said that the Iranian delegation in Oman stressed');
    await expect(row).toHaveAttribute('data-kind', 'possible');
    await expect(row).toContainText('Possibly the same claim — check');
    await expect(row).not.toContainText('Not in');
    await expect(row.locator('.sentence-text[data-side="b"]')).toContainText(
      'The Iranian delegation had pointed out during the talks',
    );
    const legend = page.getByRole('list', { name: 'What the rows show' });
    await expect(legend).toContainText('2 both say');
    await expect(legend).toContainText('1 different claim');
    await expect(legend).toContainText('1 to check');

    // c goes to it; o (omissions) and j (differences) never do.
    await page.keyboard.press('c');
    await expect(page.getByTestId('aligned-status')).toHaveText(
      /^To check 1 of 1: possibly the same claim/,
    );
    await expect(row.locator(':focus')).toHaveCount(1);
    const status = page.getByTestId('aligned-status');
    for (const [key, noun] of [
      ['o', 'Omission'],
      ['j', 'Difference'],
    ] as const) {
      await page.keyboard.press(key);
      await expect(status).toHaveText(new RegExp(`^${noun} \\d+ of \\d+`));
      const total = Number((await status.textContent())!.match(/ of (\d+)/)![1]);
      for (let i = 0; i < total; i++) {
        await expect(row.locator(':focus')).toHaveCount(0);
        await page.keyboard.press(key);
      }
    }
  });

  test('the evidence is reachable from the keyboard: Tab from a sentence to its row’s why-button', async ({
    parallax,
  }) => {
    const { page } = parallax;
    const row = rowWith(page, 'prevailing atmosphere of distrust');
    await expect(row).toHaveAttribute('data-kind', 'match');
    // What they share is marked; the paraphrase is not underlined word by word.
    await expect(row.locator('.sentence-text[data-side="a"] .evidence-shared')).toHaveText([
      'prevailing',
      'atmosphere of distrust',
      'Araghchi',
    ]);
    await expect(row.locator('.diff-only')).toHaveCount(0);

    await row.locator('[data-focus-key^="a:"]').focus();
    await page.keyboard.press('Tab');
    const button = page.locator(':focus');
    await expect(button).toHaveAttribute('data-testid', 'evidence-button');
    await expect(row.getByTestId('evidence-button')).toBeFocused();
    const popover = row.getByTestId('evidence-popover');
    await expect(popover).toBeVisible();
    await expect(popover).toContainText('Same claim');
    await expect(popover).toContainText('88% confidence');
    await expect(popover).toContainText('Shared names');
    await expect(popover).toContainText('“prevailing” ≈ “pervading”');
    await expect(button).toHaveAccessibleName('Why: both say this, 88% confidence');
    await expect(button).toHaveAccessibleDescription(
      /^Same claim, 88% confidence\. Shared names: Araghchi\. Quoted words: “atmosphere of distrust”\. Paraphrases: “prevailing” ≈ “pervading”\.$/,
    );
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator(':focus')).toHaveAttribute('data-focus-key', /^a:/);
  });

  test('pointing at a row’s glyph shows why, with a contrast’s reason and a possible match’s question', async ({
    parallax,
  }) => {
    const { page } = parallax;
    const contrast = rowWith(page, 'He noted that the timing and way of the next round');
    await contrast.getByTestId('evidence-button').hover();
    const popover = contrast.getByTestId('evidence-popover');
    await expect(popover).toBeVisible();
    await expect(popover).toContainText('Different claim');
    await expect(popover).toContainText('74% confidence');
    await expect(popover).toContainText(
      'Timing differs: “in subsequent consultations” vs “early next week”',
    );
    await page.mouse.move(5, 5);
    await expect(popover).toBeHidden();

    const maybe = rowWith(page, 'He also said that the Iranian delegation in Oman stressed');
    await maybe.getByTestId('evidence-button').hover();
    await expect(maybe.getByTestId('evidence-popover')).toContainText(
      'Possibly the same claim — check',
    );
    await expect(maybe.getByTestId('evidence-popover')).toContainText('38% confidence');
  });
});
