import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { ParallaxPage } from './support/ParallaxPage';

/** Opens the sample comparison and waits for its analysis (the engine's first run loads its word vectors). */
async function openAnalyzed(parallax: ParallaxPage): Promise<void> {
  await parallax.open();
  await expect(parallax.page.getByTestId('lens-bar')).toBeVisible({ timeout: 20_000 });
}

/** The lens bar over the comparison: a toggle chip per lens, and the lens dialog. */
class LensBar {
  readonly root: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('lens-bar');
    this.addButton = this.root.getByRole('button', { name: 'Add lens' });
    this.dialog = page.getByRole('dialog');
  }

  chip(name: string): Locator {
    // `has` is looked up inside each chip, so it starts from the page, not the bar.
    return this.root
      .getByTestId('lens-chip')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  toggle(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  coverage(name: string, side: 'a' | 'b'): Locator {
    return this.chip(name).getByTestId(`lens-coverage-${side}`);
  }

  edit(name: string): Locator {
    return this.root.getByRole('button', { name: `Edit the lens ${name}` });
  }

  field(label: 'Name' | 'Terms'): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }
}

/** The voices panel: per outlet, who it quotes. */
class VoicesPanel {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('voices-panel');
  }

  outlet(side: 'a' | 'b'): Locator {
    return this.root.getByTestId(`voices-${side}`);
  }

  voice(side: 'a' | 'b', speaker: string): Locator {
    return this.outlet(side)
      .getByTestId('voice')
      .filter({ has: this.root.page().getByRole('button', { name: speaker, exact: true }) });
  }
}

test('the Sanctions lens shows Tehran Times leaves it out, and filters the aligned view to CGTN’s sanctions sentences', async ({
  parallax,
  page,
}) => {
  await openAnalyzed(parallax);
  const lenses = new LensBar(page);
  const aligned = page.getByTestId('aligned-view');

  await expect(lenses.coverage('Sanctions', 'a')).toHaveText(/Not in Tehran Times/);
  await expect(lenses.coverage('Sanctions', 'b')).toContainText('CGTN');
  await expect(lenses.coverage('Sanctions', 'b')).toContainText(/\d+ words/);
  await expect(lenses.coverage('Sanctions', 'b')).toContainText('from the 1st paragraph');
  // Both outlets cover the timing of the next round.
  await expect(lenses.coverage('Next round timing', 'a')).not.toContainText('Not in');
  await expect(lenses.coverage('Next round timing', 'b')).not.toContainText('Not in');
  await expect(aligned).toContainText('will continue early next week');

  await lenses.toggle('Sanctions').click();
  await expect(lenses.toggle('Sanctions')).toHaveAttribute('aria-pressed', 'true');
  await expect(lenses.root).toContainText('Showing only the sentences on “Sanctions”');
  await expect(page.getByTestId('aligned-lens-banner')).toContainText(
    'Tehran Times never mentions Sanctions',
  );
  await expect(aligned).toContainText('U.S. imposes new sanctions');
  await expect(aligned).toContainText('shadow fleet');
  await expect(aligned).not.toContainText('will continue early next week');
  await page.screenshot({ path: '.test-results/screens/lens-sanctions.png' });

  // Chosen again: all sentences are back.
  await lenses.toggle('Sanctions').click();
  await expect(lenses.toggle('Sanctions')).toHaveAttribute('aria-pressed', 'false');
  await expect(aligned).toContainText('will continue early next week');

  // From the keyboard: Space on a chip, then 0 shows all and 2 picks the second lens.
  await lenses.toggle('Next round timing').focus();
  await page.keyboard.press('Space');
  await expect(lenses.toggle('Next round timing')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('0');
  await expect(lenses.toggle('Next round timing')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('2');
  await expect(lenses.toggle('Sanctions')).toHaveAttribute('aria-pressed', 'true');
});

test('a lens added through the dialog gets its chip once the analysis reruns; it can be edited and deleted', async ({
  parallax,
  page,
}) => {
  await openAnalyzed(parallax);
  const lenses = new LensBar(page);
  await expect(lenses.toggle('Sanctions')).toBeVisible();

  await lenses.addButton.click();
  await expect(lenses.dialog).toBeVisible();
  await expect(lenses.field('Name')).toBeFocused();
  // Nothing typed: both fields say what they need, and nothing is saved.
  await lenses.dialog.getByRole('button', { name: 'Add lens' }).click();
  await expect(lenses.dialog).toContainText('A lens needs a name.');
  await expect(lenses.dialog).toContainText('A lens needs at least one term.');
  await expect(lenses.field('Name')).toHaveAttribute('aria-invalid', 'true');

  // A name another lens has: the library's message, under the name.
  await lenses.field('Name').fill('sanctions');
  await lenses.field('Terms').fill('embargo');
  await lenses.dialog.getByRole('button', { name: 'Add lens' }).click();
  await expect(lenses.dialog).toContainText('There is already a lens named “Sanctions”.');

  await lenses.field('Name').fill('Oman’s role');
  await lenses.field('Terms').fill('Oman, Muscat\nmediator\nmediation');
  await lenses.dialog.getByRole('button', { name: 'Add lens' }).click();
  await expect(lenses.dialog).toBeHidden();
  // Both outlets name Oman; the chip shows once the analysis has rerun, and takes focus.
  await expect(lenses.toggle('Oman’s role')).toBeVisible();
  await expect(lenses.coverage('Oman’s role', 'a')).toContainText(/\d+ words/);
  await expect(lenses.coverage('Oman’s role', 'b')).toContainText(/\d+ words/);
  await expect(lenses.toggle('Oman’s role')).toBeFocused();

  // Editing: Esc closes the dialog and focus returns to the chip's edit button.
  await lenses.edit('Oman’s role').click();
  await expect(lenses.field('Terms')).toHaveValue('Oman\nMuscat\nmediator\nmediation');
  await page.keyboard.press('Escape');
  await expect(lenses.dialog).toBeHidden();
  await expect(lenses.edit('Oman’s role')).toBeFocused();

  // A term no outlet uses: the lens is absent from both.
  await lenses.edit('Oman’s role').click();
  await lenses.field('Terms').fill('Zanzibar');
  await lenses.dialog.getByRole('button', { name: 'Save lens' }).click();
  await expect(lenses.coverage('Oman’s role', 'a')).toHaveText(/Not in Tehran Times/);
  await expect(lenses.coverage('Oman’s role', 'b')).toHaveText(/Not in CGTN/);

  // Deleting asks first; "Keep it" keeps it.
  await lenses.edit('Oman’s role').click();
  await lenses.dialog.getByRole('button', { name: 'Delete…' }).click();
  await expect(lenses.dialog).toContainText('Delete the lens “Oman’s role”?');
  await lenses.dialog.getByRole('button', { name: 'Keep it' }).click();
  await lenses.dialog.getByRole('button', { name: 'Delete…' }).click();
  await lenses.dialog.getByRole('button', { name: 'Delete lens' }).click();
  await expect(lenses.dialog).toBeHidden();
  await expect(lenses.toggle('Oman’s role')).toHaveCount(0);
  await expect(lenses.root.getByTestId('lens-chip')).toHaveCount(2);
});

test('the voices panel shows who each outlet quotes, the voices only CGTN gives, and jumps to a quote', async ({
  parallax,
  page,
}) => {
  await openAnalyzed(parallax);
  const voices = new VoicesPanel(page);

  const tehranTimes = voices.outlet('a');
  await expect(tehranTimes.getByRole('heading')).toHaveText(/Tehran Times/);
  // Most words first: Araghchi leads in Tehran Times, and CGTN quotes him too.
  await expect(tehranTimes.getByTestId('voice').first()).toContainText('Araghchi');
  await expect(voices.voice('a', 'Araghchi')).toContainText(/\d+ quotes: \d+ direct, \d+ reported/);
  await expect(voices.voice('a', 'Araghchi')).toContainText('Also in CGTN');
  await expect(voices.voice('a', 'Araghchi')).not.toContainText('Only in');

  // Trump is quoted by CGTN alone.
  await expect(voices.voice('b', 'Donald Trump')).toContainText('Only in CGTN');
  await expect(voices.outlet('b')).toContainText(
    /CGTN quotes \d+ voices, \d+ of them only in CGTN/,
  );

  // A speaker's name goes to their first quote in the aligned view.
  await voices
    .voice('b', 'Donald Trump')
    .getByRole('button', { name: 'Donald Trump', exact: true })
    .click();
  const focused = page.locator('[data-focus-key]:focus');
  await expect(focused).toHaveAttribute('data-focus-key', /^b:/);
  await expect(focused).toContainText('Trump');

  // Every quote sentence is listed under the speaker, and each one is a way in.
  const trump = voices.voice('b', 'Donald Trump');
  await trump.getByRole('button', { name: /Quotes from Donald Trump/ }).click();
  const quotes = trump.getByRole('listitem');
  await expect(quotes).not.toHaveCount(0);
  const last = quotes.last().getByRole('button');
  const snippet = (await last.textContent())!.replace(/…$/, '');
  await last.click();
  await expect(focused).toContainText(snippet.slice(0, 30));
});
