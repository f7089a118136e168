import type { Locator, Page } from '@playwright/test';
import type { BrowserModeApp } from './browserMode';

/** The Parallax UI as a user sees it: the library and the two sides of a comparison. */
export class ParallaxPage {
  readonly library: Locator;
  readonly comparison: Locator;
  /** The header's title of what is open ("Tehran Times vs CGTN: …"). */
  readonly title: Locator;
  readonly sideA: Locator;
  readonly sideB: Locator;
  readonly searchInput: Locator;
  readonly searchResults: Locator;
  readonly importButton: Locator;
  readonly importDialog: ImportDialog;

  constructor(
    readonly page: Page,
    readonly app: BrowserModeApp,
  ) {
    this.library = page.getByTestId('library');
    this.comparison = page.getByTestId('comparison');
    this.title = page.getByTestId('comparison-title');
    this.sideA = page.getByTestId('side-a');
    this.sideB = page.getByTestId('side-b');
    this.searchInput = page.getByTestId('search-input');
    this.searchResults = page.getByTestId('search-results');
    this.importButton = page.getByRole('banner').getByRole('button', { name: 'Import' });
    this.importDialog = new ImportDialog(page);
  }

  async open(): Promise<void> {
    await this.page.goto(this.app.url);
  }

  /** Each version as published, in two columns (side-a, side-b). */
  async showReading(): Promise<void> {
    await this.comparison.getByRole('tab', { name: 'Reading' }).click();
  }

  versionRows(): Locator {
    return this.library.getByTestId('version-row');
  }
}

/** The import dialog: sources in, a preview of proposed articles, what was saved. */
export class ImportDialog {
  readonly root: Locator;
  readonly fileInput: Locator;
  readonly text: Locator;
  readonly outlet: Locator;
  readonly story: Locator;
  readonly articles: Locator;
  readonly warnings: Locator;
  readonly cleanupSummary: Locator;
  readonly rawDiff: Locator;
  readonly error: Locator;
  readonly results: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Import articles' });
    this.fileInput = this.root.getByTestId('import-file-input');
    this.text = this.root.getByRole('textbox', { name: 'Article text' });
    this.outlet = this.root.getByLabel('Outlet (optional)');
    this.story = this.root.getByLabel('Story (optional)');
    this.articles = this.root.getByTestId('import-article');
    this.warnings = this.root.getByTestId('import-warnings');
    this.cleanupSummary = this.root.getByTestId('cleanup-summary');
    this.rawDiff = this.root.getByTestId('raw-diff');
    this.error = this.root.getByRole('alert');
    this.results = this.root.getByTestId('import-result');
    this.saveButton = this.root.getByTestId('import-save');
  }

  article(index: number): Locator {
    return this.articles.nth(index);
  }

  headline(index: number): Locator {
    return this.article(index).getByLabel('Headline', { exact: true });
  }

  async chooseFile(name: string, buffer: Buffer, mimeType = 'text/plain'): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType, buffer });
  }

  async previewText(text: string): Promise<void> {
    await this.text.fill(text);
    await this.root.getByRole('button', { name: 'Preview text' }).click();
  }

  async showRawDiff(): Promise<void> {
    await this.root.getByTestId('raw-diff-disclosure').locator('summary').click();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close', exact: true }).click();
  }
}
