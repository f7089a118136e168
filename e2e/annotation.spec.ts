import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { violations } from './support/axe';
import { selectPhrase } from './support/selectPhrase';

/** The annotation parts of the comparison workspace, as a reader uses them. */
class Annotating {
  readonly popover: Locator;
  readonly sidebar: Locator;
  readonly items: Locator;
  readonly codebook: Locator;

  constructor(readonly page: Page) {
    this.popover = page.getByRole('dialog', { name: /^Annotate/ });
    this.sidebar = page.getByTestId('annotation-sidebar');
    this.items = this.sidebar.getByTestId('annotation-item');
    this.codebook = page.getByRole('dialog', { name: 'Codebook' });
  }

  /** Lining up the two texts takes a moment on a fresh library (and longer on a busy machine). */
  async ready(): Promise<void> {
    await expect(this.page.locator('.sentence-text[data-side="b"]').first()).toBeVisible({
      timeout: 20_000,
    });
    await expect(this.sidebar).toBeVisible();
  }

  /** A mark in the text, by the words it covers. */
  mark(side: 'a' | 'b', words: string): Locator {
    return this.page.locator(`.sentence-text[data-side="${side}"] mark`, { hasText: words });
  }

  /** The words under a code's marks on one side; the view may draw one mark in several pieces. */
  async markedWords(side: 'a' | 'b', label: string): Promise<string> {
    const pieces = this.page.locator(`.sentence-text[data-side="${side}"] mark`);
    const texts = await pieces.evaluateAll(
      (marks, label) =>
        marks.filter((m) => m.getAttribute('title') === label).map((m) => m.textContent),
      label,
    );
    return texts.join('');
  }

  /** The sidebar's item quoting these words (not one that only names them as its partner). */
  item(words: string): Locator {
    return this.items.filter({
      has: this.page.getByTitle('Show it in the text').filter({ hasText: words }),
    });
  }

  /** Selects a phrase of one side with the mouse: press on its first letter, drag to its last. */
  async selectWithMouse(side: 'a' | 'b', phrase: string): Promise<void> {
    await selectPhrase(this.page, side, phrase);
  }

  async chooseCode(filter: string, name: string): Promise<void> {
    await this.popover.getByRole('combobox', { name: 'Code' }).fill(filter);
    await expect(this.popover.getByRole('option', { name, selected: true })).toBeVisible();
  }
}

test('select a phrase in CGTN, code it, note it; it survives a reload; delete and undo', async ({
  parallax,
  page,
}) => {
  const annotating = new Annotating(page);
  await parallax.open();
  await annotating.ready();

  await annotating.selectWithMouse('b', 'fresh sanctions');
  await expect(annotating.popover).toBeVisible();
  await expect(annotating.popover).toContainText('“fresh sanctions”');
  await expect(annotating.popover).toContainText('CGTN');
  expect(await violations(page)).toEqual([]);
  await annotating.chooseCode('word', 'Word choice / labels');
  await annotating.popover.getByLabel('Note').fill('Sanctions in the lead sentence.');
  await annotating.popover.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(annotating.popover).toBeHidden();

  const mark = annotating.mark('b', 'fresh sanctions');
  await expect(mark).toHaveAttribute(
    'title',
    'Word choice / labels: Sanctions in the lead sentence.',
  );
  const item = annotating.item('fresh sanctions');
  await expect(item).toContainText('CGTN');
  await expect(item).toContainText('Sanctions in the lead sentence.');
  await expect(annotating.sidebar).toContainText('Word choice / labels');

  await page.reload();
  await annotating.ready();
  await expect(annotating.item('fresh sanctions')).toContainText('Sanctions in the lead sentence.');
  await expect(annotating.mark('b', 'fresh sanctions')).toBeVisible();

  await annotating
    .item('fresh sanctions')
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(annotating.items).toHaveCount(0);
  await expect(annotating.mark('b', 'fresh sanctions')).toHaveCount(0);
  const undo = annotating.sidebar.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  // A hasty double click restores it once, without a complaint about the second.
  const restores: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/annotation:restore')) restores.push(request.url());
  });
  await undo.dblclick();
  await expect(annotating.item('fresh sanctions')).toContainText('Sanctions in the lead sentence.');
  await expect(annotating.mark('b', 'fresh sanctions')).toBeVisible();
  await expect(annotating.sidebar.getByRole('alert')).toHaveCount(0);

  // The restored annotation is stored again, not only shown.
  await page.reload();
  await annotating.ready();
  await expect(annotating.items).toHaveCount(1);
  await expect(annotating.mark('b', 'fresh sanctions')).toBeVisible();
  expect(restores).toHaveLength(1);

  // Another code moves the item to that code's group; focus stays on the item.
  const edited = annotating.item('fresh sanctions');
  await edited.getByRole('button', { name: /^Edit/ }).click();
  await edited.getByLabel('Code', { exact: true }).selectOption({ label: 'Emphasis / placement' });
  await edited.getByRole('button', { name: 'Save', exact: true }).click();
  const group = annotating.sidebar.getByRole('region', { name: /Emphasis \/ placement/ });
  await expect(group).toContainText('fresh sanctions');
  await expect(
    annotating.item('fresh sanctions').getByRole('button', { name: /^Edit/ }),
  ).toBeFocused();
});

test('pair a span in Tehran Times with one in CGTN', async ({ parallax, page }) => {
  const annotating = new Annotating(page);
  await parallax.open();
  await annotating.ready();

  await annotating.selectWithMouse('a', 'a very good');
  await annotating.chooseCode('attrib', 'Attribution / sourcing');
  await annotating.popover.getByRole('button', { name: 'Pair with CGTN…' }).click();
  const bar = page.getByTestId('pairing-bar');
  await expect(bar).toContainText('Select the matching text in CGTN');

  // The same side again is refused with a hint; the other side completes the pair.
  await annotating.selectWithMouse('a', 'positive atmosphere');
  await expect(bar).toContainText('That is in Tehran Times');
  await annotating.selectWithMouse('b', 'good start');
  await expect(annotating.popover).toContainText('“a very good”');
  await expect(annotating.popover).toContainText('“good start”');
  const save = annotating.popover.getByRole('button', { name: 'Save pair' });
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(annotating.popover).toBeHidden();

  await expect(annotating.items).toHaveCount(2);
  await expect(annotating.item('a very good')).toContainText('Paired with CGTN: “good start”');
  await expect(annotating.item('good start')).toContainText(
    'Paired with Tehran Times: “a very good”',
  );
  await expect
    .poll(() => annotating.markedWords('a', 'Attribution / sourcing'))
    .toBe('a very good');
  await expect.poll(() => annotating.markedWords('b', 'Attribution / sourcing')).toBe('good start');
});

test('the keyboard: A on a focused sentence, Enter saves with the highlighted code', async ({
  parallax,
  page,
}) => {
  const annotating = new Annotating(page);
  await parallax.open();
  await annotating.ready();

  // A selection across both outlets is refused, with a hint.
  await page.evaluate(() => {
    const a = document.querySelector('.sentence-text[data-side="a"]')!;
    const b = document.querySelector('.sentence-text[data-side="b"]')!;
    const range = document.createRange();
    range.setStart(a.firstChild!, 0);
    range.setEnd(b.lastChild!, 0);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await page.keyboard.press('a');
  await expect(
    page.getByRole('status').filter({ hasText: 'covers text in one outlet' }),
  ).toBeVisible();
  await expect(annotating.popover).toBeHidden();
  await page.evaluate(() => window.getSelection()!.removeAllRanges());

  // The first CGTN sentence, reached by the keyboard.
  const sentence = page.locator('.sentence-text[data-side="b"]').first();
  const text = (await sentence.textContent())!;
  await sentence.locator('xpath=ancestor-or-self::*[@tabindex][1]').focus();
  await page.keyboard.press('a');
  await expect(annotating.popover).toBeVisible();
  const filter = annotating.popover.getByRole('combobox', { name: 'Code' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('emph');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(annotating.popover).toBeHidden();

  const group = annotating.sidebar.getByRole('region', { name: /Emphasis \/ placement/ });
  await expect(group).toContainText(text.slice(0, 40));

  // Escape cancels without saving.
  await sentence.locator('xpath=ancestor-or-self::*[@tabindex][1]').focus();
  await page.keyboard.press('a');
  await expect(annotating.popover).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(annotating.popover).toBeHidden();
  await expect(annotating.items).toHaveCount(1);

  // Shift+arrows select too: the popover follows the selection while focus stays in the
  // text, and Escape there cancels it all the same.
  const second = page.locator('.sentence-text[data-side="a"]').first();
  await second.locator('xpath=ancestor-or-self::*[@tabindex][1]').focus();
  // A word is selected (a caret alone is not extended in text that is not editable).
  await second.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    window.getSelection()!.setBaseAndExtent(walker.nextNode()!, 0, walker.currentNode, 4);
  });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(annotating.popover).toBeVisible();
  const firstWords = (await second.textContent())!.slice(0, 8).trim();
  await expect(annotating.popover).toContainText(firstWords);
  await expect(annotating.popover.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(annotating.popover).toBeHidden();
  await expect(annotating.items).toHaveCount(1);
});

test('the codebook: add a code, rename it, merge it into another', async ({ parallax, page }) => {
  const annotating = new Annotating(page);
  await parallax.open();
  await annotating.ready();

  const opener = annotating.sidebar.getByRole('button', { name: 'Codebook' });
  await opener.click();
  const dialog = annotating.codebook;
  await expect(dialog).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await expect(dialog).toBeVisible();

  // An empty name gets a message next to the field; a real one adds the code.
  await dialog.getByRole('button', { name: 'Add code' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A code needs a name.');
  await dialog.getByLabel('Name of the new code').fill('Passive voice');
  await dialog.getByRole('button', { name: 'Add code' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added “Passive voice”.');
  const name = dialog.getByLabel('Name of the code “Passive voice”');
  await name.fill('Agentless passive');
  await name.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Renamed to “Agentless passive”.');
  await dialog.getByLabel('Colour of Agentless passive').fill('#1b7f79');
  await expect(dialog.getByRole('status')).toHaveText('Changed the colour of “Agentless passive”.');
  // A colour picked just before closing is kept, though the picker had not settled yet.
  await dialog.getByLabel('Colour of Agentless passive').fill('#7a3e9d');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Use the new code, then merge it into Word choice.
  await annotating.selectWithMouse('b', 'fresh sanctions');
  await annotating.chooseCode('agentless', 'Agentless passive');
  await page.keyboard.press('Enter');
  await expect(annotating.sidebar).toContainText('Agentless passive');

  await opener.click();
  await expect(dialog.getByLabel('Colour of Agentless passive')).toHaveValue('#7a3e9d');
  await dialog.getByRole('button', { name: 'Merge “Agentless passive” into another code' }).click();
  await dialog.getByLabel('Merge “Agentless passive” into', { exact: true }).selectOption({
    label: 'Word choice / labels',
  });
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByTestId('merge-confirm')).toContainText(
    '1 annotation in this comparison will move from “Agentless passive” to “Word choice / labels”',
  );
  await dialog.getByRole('button', { name: 'Merge into “Word choice / labels”' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Merged “Agentless passive” into “Word choice / labels”: 1 annotation moved.',
  );
  await expect(dialog.getByLabel('Name of the code “Agentless passive”')).toHaveCount(0);
  // The merged row went with the focused button; focus is on the code it went into.
  await expect(dialog.getByLabel('Name of the code “Word choice / labels”')).toBeFocused();
  await dialog.getByRole('button', { name: 'Close the codebook' }).click();

  const group = annotating.sidebar.getByRole('region', { name: /Word choice \/ labels/ });
  await expect(group).toContainText('fresh sanctions');
  await expect(annotating.sidebar).not.toContainText('Agentless passive');
  await expect(annotating.mark('b', 'fresh sanctions')).toHaveAttribute(
    'title',
    'Word choice / labels',
  );
});
