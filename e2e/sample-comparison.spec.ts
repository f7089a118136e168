import { expect, test } from './support/fixtures';

test('a newcomer lands on the sample comparison; Reading shows both outlets side by side', async ({
  parallax,
}) => {
  await parallax.open();
  await expect(parallax.comparison).toBeVisible();
  await parallax.showReading();

  await expect(parallax.sideA).toContainText('Tehran Times');
  await expect(parallax.sideA.getByRole('heading', { level: 2 })).toHaveText(
    "Iran, US agree to resume talks despite 'prevailing mistrust'",
  );
  await expect(parallax.page.getByTestId('body-a')).toContainText(
    'prevailing atmosphere of distrust',
  );

  await expect(parallax.sideB).toContainText('CGTN');
  await expect(parallax.page.getByTestId('body-b')).toContainText('will continue early next week');
  await expect(parallax.page.getByTestId('body-b')).toContainText('shadow fleet vessels');

  // The two columns really are side by side.
  const a = (await parallax.sideA.boundingBox())!;
  const b = (await parallax.sideB.boundingBox())!;
  expect(b.x).toBeGreaterThan(a.x + a.width - 1);
  await parallax.page.screenshot({
    path: '.test-results/screens/sample-comparison.png',
    fullPage: false,
  });
});

test('the library lists the story, both outlets and their versions', async ({ parallax }) => {
  await parallax.open();
  await expect(parallax.library).toContainText('Iran–US talks in Muscat, 6 Feb 2026');
  await expect(parallax.library).toContainText('Tehran Times');
  await expect(parallax.library).toContainText('CGTN');
  // The Tehran Times page is seeded as its three articles, CGTN as one.
  await expect(parallax.versionRows()).toHaveCount(4);
});

test('full-text search finds the sanctions passage in CGTN only', async ({ parallax }) => {
  await parallax.open();
  await parallax.searchInput.fill('shadow fleet');
  await expect(parallax.searchResults).toContainText('CGTN');
  await expect(parallax.searchResults.locator('mark').first()).toHaveText(/shadow/i);
  await expect(parallax.searchResults).not.toContainText('Tehran Times');
});

test('choosing versions for sides A and B opens that comparison', async ({ parallax }) => {
  await parallax.open();
  await expect(parallax.title).toContainText('Tehran Times vs CGTN');
  // CGTN to the left: the version already there moves to the other side.
  await parallax.library.getByTitle('Show CGTN v1 on the left (side A)').click();
  await expect(parallax.library.getByTitle('Tehran Times v1 is side B')).toBeVisible();
  await parallax.page.getByTestId('compare-button').click();
  await expect(parallax.title).toContainText('CGTN vs Tehran Times');
  await parallax.showReading();
  await expect(parallax.sideA).toContainText('CGTN');
  await expect(parallax.sideB).toContainText('Tehran Times');
});

test('the mode tabs work from the keyboard: arrows move between Aligned and Reading', async ({
  parallax,
}) => {
  await parallax.open();
  const aligned = parallax.comparison.getByRole('tab', { name: 'Aligned' });
  await expect(aligned).toHaveAttribute('aria-selected', 'true');
  await aligned.focus();
  await parallax.page.keyboard.press('ArrowRight');
  const reading = parallax.comparison.getByRole('tab', { name: 'Reading' });
  await expect(reading).toBeFocused();
  await expect(reading).toHaveAttribute('aria-selected', 'true');
  await expect(parallax.sideA).toBeVisible();
  await expect(parallax.comparison.getByRole('tabpanel')).toHaveAttribute(
    'aria-labelledby',
    (await reading.getAttribute('id'))!,
  );
});
