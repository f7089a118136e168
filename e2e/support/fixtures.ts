import { test as base } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './browserMode';
import { ParallaxPage } from './ParallaxPage';

/** Each test gets its own Parallax server and database, and a page object on it. */
export const test = base.extend<{ app: BrowserModeApp; parallax: ParallaxPage }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = await startBrowserMode();
    await use(app);
    await app.stop();
  },
  parallax: async ({ page, app }, use) => {
    await use(new ParallaxPage(page, app));
  },
});

export { expect } from '@playwright/test';
