import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** The aligned view's row that holds a sentence with this text. */
function rowWith(page: Page, text: string): Locator {
  return page
    .getByTestId('aligned-row')
    .filter({ has: page.locator('.sentence-text', { hasText: text }) });
}

test.describe('aligned mode', () => {
  test.beforeEach(async ({ parallax }) => {
    await parallax.open();
    await expect(parallax.page.getByTestId('aligned-view')).toBeVisible();
  });

  test('puts a claim both outlets make side by side, with what they share marked, not every word', async ({
    parallax,
  }) => {
    const { page } = parallax;
    const row = rowWith(page, 'prevailing atmosphere of distrust');
    await expect(row).toHaveAttribute('data-kind', 'match');
    const a = row.locator('.sentence-text[data-side="a"]');
    const b = row.locator('.sentence-text[data-side="b"]');
    await expect(b).toContainText('pervading atmosphere of distrust');
    const boxA = (await a.boundingBox())!;
    const boxB = (await b.boundingBox())!;
    expect(boxB.x).toBeGreaterThan(boxA.x + boxA.width - 1);
    expect(Math.abs(boxB.y - boxA.y)).toBeLessThan(5);
    // Two paraphrases: the engine's evidence is marked on both sides, and no word diff
    // underlines nearly every word.
    await expect(a.locator('.evidence-shared').first()).toBeVisible();
    await expect(b.locator('.evidence-shared').first()).toBeVisible();
    await expect(row.locator('.diff-only')).toHaveCount(0);
    // Its why-button says how sure the engine is.
    await expect(row.getByTestId('evidence-button')).toHaveAccessibleName(
      /^Why: both say this, \d+% confidence$/,
    );
  });

  test('shows CGTN’s sanctions passage against “Not in Tehran Times”', async ({ parallax }) => {
    const row = rowWith(parallax.page, 'U.S. imposes new sanctions');
    await expect(row).toHaveAttribute('data-kind', 'onlyB');
    await expect(row).toContainText('Not in Tehran Times');
    await expect(row).toContainText('Only in CGTN');
    await expect(row).toContainText('shadow fleet vessels');
  });

  test('asks about the next round’s timing with what differs; every different claim has its reason', async ({
    parallax,
  }) => {
    const { page } = parallax;
    const rows = page.getByTestId('aligned-row');
    await expect(rows.first()).toBeVisible();
    // Tehran Times: "determined in subsequent consultations"; Trump in CGTN: "early next week".
    // The engine is not sure the two are one point, so it asks, and says what would differ.
    const timing = rowWith(page, 'timing and way of the next round');
    await expect(timing).toHaveAttribute('data-kind', 'possible');
    await expect(timing.getByTestId('question-reason')).toContainText(
      'If so, timing differs: “subsequent consultations” vs “early next week”',
    );
    const contrasts = page.locator('[data-testid="aligned-row"][data-kind="contrast"]');
    for (const row of await contrasts.all()) {
      await expect(row.getByTestId('contrast-reason')).toHaveText(
        /^≠ Different claim · (Timing|Numbers|Who says it|Certainty|Negation|Evaluation) differs?/,
      );
    }
    for (const row of await page.locator('[data-kind="possible"]').all()) {
      await expect(row).toContainText('Possibly the same claim — check');
      await expect(row).not.toContainText('Not in');
    }
  });

  test('keeps each sentence’s text exactly as its offsets say, for annotations', async ({
    parallax,
  }) => {
    const spans = await parallax.page.locator('.sentence-text').evaluateAll((elements) =>
      elements.map((e) => ({
        length: Number(e.getAttribute('data-end')) - Number(e.getAttribute('data-start')),
        text: e.textContent ?? '',
        side: e.getAttribute('data-side'),
      })),
    );
    expect(spans.length).toBeGreaterThan(40);
    for (const span of spans) {
      expect(span.text.length).toBe(span.length);
      expect(span.side).toMatch(/^[ab]$/);
    }
    await expect(
      parallax.page.locator('.sentence-text[data-side="b"]', {
        hasText: 'U.S. imposes new sanctions',
      }),
    ).toHaveText('U.S. imposes new sanctions');
  });

  test('j and k move the focus from difference to difference, o to the omissions', async ({
    parallax,
  }) => {
    const { page } = parallax;
    const status = page.getByTestId('aligned-status');
    const focused = page.locator(':focus');

    // Typing in a text field is typing, not navigation.
    await parallax.searchInput.press('j');
    await expect(parallax.searchInput).toHaveValue('j');
    await expect(status).toHaveText('');
    await parallax.searchInput.fill('');
    await parallax.searchInput.blur();

    await page.keyboard.press('j');
    await expect(status).toHaveText(/^Difference 1 of \d+/);
    await expect(focused).toHaveAttribute('data-focus-key', /^[ab]:\d+$/);
    const first = await focused.getAttribute('data-focus-key');

    await page.keyboard.press('j');
    await expect(status).toHaveText(/^Difference 2 of \d+/);
    await expect(focused).not.toHaveAttribute('data-focus-key', first!);
    await expect(focused).toBeInViewport();

    await page.keyboard.press('k');
    await expect(status).toHaveText(/^Difference 1 of \d+/);
    await expect(focused).toHaveAttribute('data-focus-key', first!);

    // The next omission: a row only one outlet has, with its "Not in …" on the other side.
    await page.keyboard.press('o');
    await expect(status).toHaveText(/^Omission \d+ of \d+: not in /);
    const omission = page.getByTestId('aligned-row').filter({ has: page.locator(':focus') });
    await expect(omission).toHaveAttribute('data-kind', /^only[AB]$/);
    await expect(omission).toContainText('Not in');
  });

  test('h and l switch sides within the row', async ({ parallax }) => {
    const { page } = parallax;
    const row = rowWith(page, 'prevailing atmosphere of distrust');
    await row.locator('[data-focus-key^="a:"]').first().click();
    await page.keyboard.press('l');
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('data-focus-key', /^b:/);
    await expect(focused).toContainText('pervading atmosphere of distrust');
    await page.keyboard.press('ArrowLeft');
    await expect(focused).toHaveAttribute('data-focus-key', /^a:/);
    await expect(focused).toContainText('prevailing atmosphere of distrust');
  });

  test('with nothing focused, l goes to the right side of the row at the top of the window', async ({
    parallax,
  }) => {
    const { page } = parallax;
    const row = rowWith(page, 'prevailing atmosphere of distrust');
    // Scroll the row to just below the sticky column titles, so it is the first one visible.
    await row.evaluate((element) => {
      const head = document.querySelector<HTMLElement>('.aligned-head')!;
      const band = head.offsetHeight + parseFloat(getComputedStyle(head).top);
      window.scrollBy({ top: element.getBoundingClientRect().top - band + 4, behavior: 'instant' });
    });
    await expect(page.locator(':focus')).toHaveCount(0);

    await page.keyboard.press('l');
    // That row's B sentence, not one of the row above.
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('data-focus-key', /^b:/);
    await expect(focused).toContainText('pervading atmosphere of distrust');
  });

  test('an annotation mark keeps its words in the sentence’s name and adds its label as the description', async ({
    parallax,
  }) => {
    const { page } = parallax;
    // Select "fresh sanctions" with the mouse: the popover's draft mark is drawn at once.
    const box = await page.evaluate((phrase) => {
      for (const element of document.querySelectorAll('.sentence-text[data-side="b"]')) {
        const at = element.textContent?.indexOf(phrase) ?? -1;
        if (at < 0) continue;
        element.scrollIntoView({ block: 'center' });
        // Offsets of the sentence's text, across its text nodes, as a Range.
        const range = document.createRange();
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = (node as Text).length;
          if (at >= seen && at < seen + length) range.setStart(node, at - seen);
          const end = at + phrase.length;
          if (end > seen && end <= seen + length) range.setEnd(node, end - seen);
          seen += length;
        }
        const rects = range.getClientRects();
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return {
          x1: first.left + 1,
          y: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      return null;
    }, 'fresh sanctions');
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x1, box!.y);
    await page.mouse.down();
    await page.mouse.move(box!.x2, box!.y2, { steps: 4 });
    await page.mouse.up();

    const mark = page.locator('.sentence-text[data-side="b"] mark', { hasText: 'fresh sanctions' });
    await expect(mark).toBeVisible();
    await expect(mark).not.toHaveAttribute('aria-label');
    await expect(mark).toHaveAttribute('title', /.+/);
    const label = (await mark.getAttribute('title'))!;

    const sentence = page.locator('.aligned-sentence', { has: mark });
    await expect(sentence).toHaveAccessibleName(/fresh sanctions/);
    await expect(sentence).toHaveAccessibleDescription(`Marked “fresh sanctions”: ${label}.`);
    const text = sentence.locator('.sentence-text');
    const length =
      Number(await text.getAttribute('data-end')) - Number(await text.getAttribute('data-start'));
    expect((await text.textContent())!.length).toBe(length);
  });

  test('re-sorts the rows in CGTN’s order', async ({ parallax }) => {
    const { page } = parallax;
    const firstB = () =>
      page.getByTestId('aligned-row').first().locator('.sentence-text[data-side="b"]').first();
    await page.getByRole('button', { name: 'Order: CGTN’s' }).click();
    await expect(page.getByRole('button', { name: 'Order: CGTN’s' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(firstB()).toHaveAttribute('data-sentence', '0');
    await page.getByRole('button', { name: 'Order: Tehran Times’s' }).click();
    await expect(
      page.getByTestId('aligned-row').first().locator('.sentence-text[data-side="a"]').first(),
    ).toHaveAttribute('data-sentence', '0');
  });
});
