import type { Locator, Page } from '@playwright/test';
import type { BrowserModeApp } from './browserMode';

/** The Parallax UI as a user sees it: the library and the two sides of a comparison. */
export class ParallaxPage {
  readonly library: Locator;
  readonly comparison: Locator;
  readonly sideA: Locator;
  readonly sideB: Locator;
  readonly searchInput: Locator;
  readonly searchResults: Locator;

  constructor(
    readonly page: Page,
    readonly app: BrowserModeApp,
  ) {
    this.library = page.getByTestId('library');
    this.comparison = page.getByTestId('comparison');
    this.sideA = page.getByTestId('side-a');
    this.sideB = page.getByTestId('side-b');
    this.searchInput = page.getByTestId('search-input');
    this.searchResults = page.getByTestId('search-results');
  }

  async open(): Promise<void> {
    await this.page.goto(this.app.url);
  }

  versionRows(): Locator {
    return this.library.getByTestId('version-row');
  }
}
