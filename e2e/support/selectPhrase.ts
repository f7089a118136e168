import type { Page } from '@playwright/test';

/**
 * Selects a phrase of one side of the aligned view with the mouse, as a reader
 * does: press on its first letter, drag to its last. Throws when it is not there.
 */
export async function selectPhrase(page: Page, side: 'a' | 'b', phrase: string): Promise<void> {
  const box = await page.evaluate(
    ([side, phrase]) => {
      for (const element of document.querySelectorAll(`.sentence-text[data-side="${side}"]`)) {
        const at = (element.textContent ?? '').indexOf(phrase);
        if (at < 0) continue;
        element.scrollIntoView({ block: 'center' });
        // The character at an offset of the sentence's text, across its text nodes.
        const charRect = (offset: number) => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          let seen = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = (node as Text).length;
            if (offset < seen + length) {
              const range = document.createRange();
              range.setStart(node, offset - seen);
              range.setEnd(node, offset - seen + 1);
              return range.getBoundingClientRect();
            }
            seen += length;
          }
          throw new Error(`offset ${offset} is past the sentence`);
        };
        const first = charRect(at);
        const last = charRect(at + phrase.length - 1);
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      return null;
    },
    [side, phrase] as const,
  );
  if (!box) throw new Error(`“${phrase}” is not in side ${side}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 3 });
  await page.mouse.move(box.x2, box.y2, { steps: 3 });
  await page.mouse.up();
}
