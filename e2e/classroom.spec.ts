import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { violations } from './support/axe';
import { callApi, startBrowserMode, type BrowserModeApp } from './support/browserMode';
import { expect, test } from './support/fixtures';

// axe in both themes, and a second Parallax server for the student's library.
test.describe.configure({ timeout: 90_000 });

const STORY = 'Harbor talks in Salalah';
const ASSIGNMENT = 'Mark who each outlet quotes, and what the Bay Herald leaves out.';

/** Files two short articles from two outlets under a story the sample library does not have. */
async function importStory(app: BrowserModeApp): Promise<void> {
  const article = (outlet: string, headline: string, paragraphs: string[]) => ({
    headline,
    headlineGuessed: false,
    deck: null,
    byline: null,
    outlet,
    outletDomain: null,
    publishedAt: null,
    url: null,
    paragraphs,
    subheads: [],
    captions: [],
  });
  const { saved } = await callApi<{ saved: { created: boolean }[] }>(app, 'import:commit', {
    story: STORY,
    articles: [
      article('Coast Courier', 'Harbor talks resume after a long pause', [
        'The two delegations met on Tuesday in the port city of Salalah for the first time in a year.',
        'Senior officials said the mood was calm and businesslike, according to a joint statement.',
      ]),
      article('Bay Herald', 'Delegations meet in Salalah', [
        'Delegations from both sides met in Salalah on Tuesday.',
        'A harbor official said the talks would continue next month.',
      ]),
    ],
    rawInput: 'two articles',
    sourceKind: 'paste',
    sourceName: null,
  });
  expect(saved.map((s) => s.created)).toEqual([true, true]);
}

/** The header's Class button and the dialog it opens. */
class Classroom {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly fileInput: Locator;
  readonly status: Locator;
  readonly library: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('banner').getByRole('button', { name: 'Class' });
    this.dialog = page.getByRole('dialog', { name: 'Class bundles' });
    this.fileInput = this.dialog.locator('input[type="file"]');
    this.status = this.dialog.getByRole('status');
    this.library = page.getByTestId('library');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.library.getByTestId('version-row').first()).toBeVisible();
    await this.button.click();
    await expect(this.dialog).toBeVisible();
  }

  async chooseFile(name: string, buffer: Buffer): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  }

  /** axe in the light and dark themes, with a screenshot of each (`name`-light/-dark). */
  async themesHaveNoViolations(name: string): Promise<void> {
    await this.page.screenshot({ path: `.test-results/screens/${name}-light.png` });
    expect(await violations(this.page)).toEqual([]);
    await this.page.emulateMedia({ colorScheme: 'dark' });
    await this.page.screenshot({ path: `.test-results/screens/${name}-dark.png` });
    expect(await violations(this.page)).toEqual([]);
    await this.page.emulateMedia({ colorScheme: 'light' });
  }
}

test('a teacher’s bundle opened in a student’s library adds the story and shows the assignment, once', async ({
  app,
  page,
}) => {
  await importStory(app);
  const classroom = new Classroom(page);
  await classroom.open(app.url);

  // Nothing chosen yet: no bundle to save.
  const save = classroom.dialog.getByRole('button', { name: 'Save bundle' });
  await expect(save).toBeDisabled();
  await classroom.dialog.getByRole('checkbox', { name: new RegExp(STORY) }).check();
  await classroom.dialog.getByRole('textbox', { name: 'Assignment' }).fill(ASSIGNMENT);
  await classroom.themesHaveNoViolations('class-make-bundle');
  const download = page.waitForEvent('download');
  await save.click();
  const file = await download;
  const name = file.suggestedFilename();
  expect(name).toMatch(/\.parallax$/);
  await expect(classroom.status).toHaveText(`Bundle ready: ${name}`);
  const bundle = readFileSync(await file.path());

  // The student's library: a fresh one, with only the sample story.
  const student = await startBrowserMode();
  try {
    await classroom.open(student.url);
    const rows = classroom.library.getByTestId('version-row');
    const before = await rows.count();
    await expect(classroom.library.getByRole('region', { name: STORY })).toHaveCount(0);
    await expect(classroom.dialog.getByRole('heading', { name: 'Assignments' })).toHaveCount(0);

    await classroom.chooseFile(name, bundle);
    await expect(classroom.status).toContainText(`Opened "${STORY}"`);
    await expect(classroom.status).toContainText('1 story, 2 versions');
    await expect(classroom.status).toContainText('added');
    const assignments = classroom.dialog.getByRole('region', { name: 'Assignments' });
    await expect(assignments).toContainText(ASSIGNMENT);
    await page.screenshot({ path: '.test-results/screens/class-bundle-opened.png' });
    const story = classroom.library.getByRole('region', { name: STORY });
    await expect(story).toBeVisible();
    await expect(story.getByTestId('version-row')).toHaveCount(2);
    await expect(story).toContainText('Coast Courier');
    await expect(rows).toHaveCount(before + 2);

    // The same file again: nothing added, the story and its versions not doubled.
    await classroom.chooseFile(name, bundle);
    await expect(classroom.status).toContainText(
      '0 stories, 0 versions, 0 comparisons, 0 codes, 0 annotations added',
    );
    await expect(classroom.dialog.getByRole('alert')).toHaveCount(0);
    await expect(assignments.getByText(ASSIGNMENT)).toHaveCount(1);
    await expect(classroom.library.getByRole('region', { name: STORY })).toHaveCount(1);
    await expect(rows).toHaveCount(before + 2);
  } finally {
    await student.stop();
  }
});

test('a file that is not a bundle is refused with a message, and the library is unchanged', async ({
  app,
  page,
}) => {
  const classroom = new Classroom(page);
  await classroom.open(app.url);
  const rows = classroom.library.getByTestId('version-row');
  const before = await rows.count();

  await classroom.chooseFile('notes.parallax', Buffer.from('Notes from class, not a bundle.\n'));
  await expect(classroom.dialog.getByRole('alert')).toHaveText(
    'notes.parallax is not a SQLite database.',
  );
  await classroom.themesHaveNoViolations('class-not-a-bundle');
  // Reloaded from the server: nothing was written.
  await page.reload();
  await expect(rows.first()).toBeVisible();
  await expect(rows).toHaveCount(before);
  expect((await callApi<{ bundles: unknown[] }>(app, 'bundle:assignments', {})).bundles).toEqual(
    [],
  );
});

test('a student’s work merged while the comparison is open shows in its sidebar at once', async ({
  app,
  page,
}) => {
  // The teacher's bundle of the sample story, opened in a student's library.
  type Overview = {
    stories: {
      story: { id: string };
      articles: { versions: { id: string; headline: string }[] }[];
    }[];
  };
  const storiesOf = async (library: BrowserModeApp) =>
    (await callApi<Overview>(library, 'library:overview', {})).stories;
  const assignment = await callApi<{ base64: string }>(app, 'bundle:export', {
    storyIds: (await storiesOf(app)).map((s) => s.story.id),
    assignment: ASSIGNMENT,
    includeAnnotations: false,
  });
  const student = await startBrowserMode();
  let handedBack: { fileName: string; base64: string };
  try {
    await callApi(student, 'bundle:open', {
      name: 'assignment.parallax',
      base64: assignment.base64,
    });
    await callApi(student, 'settings:update', { annotatorName: 'Student' });
    // The student annotates the Tehran Times article, as their library holds it.
    const stories = await storiesOf(student);
    const versionId = stories
      .flatMap((s) => s.articles)
      .flatMap((article) => article.versions)
      .find((v) => v.headline.startsWith('Iran, US agree to resume talks'))!.id;
    const { version } = await callApi<{ version: { body: string } }>(student, 'version:get', {
      id: versionId,
    });
    const phrase = 'Adm. Brad Cooper';
    const start = version.body.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    await callApi(student, 'annotation:create', {
      versionId,
      comparisonId: null,
      codeId: null,
      note: 'Who else is quoted?',
      selectors: [
        { type: 'TextPositionSelector', start, end: start + phrase.length },
        { type: 'TextQuoteSelector', exact: phrase },
      ],
    });
    handedBack = await callApi(student, 'bundle:export', {
      storyIds: stories.map((s) => s.story.id),
      assignment: ASSIGNMENT,
      includeAnnotations: true,
    });
  } finally {
    await student.stop();
  }

  // The teacher has the sample comparison open, with no annotations yet.
  const classroom = new Classroom(page);
  const sidebar = page.getByTestId('annotation-sidebar');
  const items = sidebar.getByTestId('annotation-item');
  await classroom.open(app.url);
  await expect(items).toHaveCount(0);
  await classroom.chooseFile(handedBack.fileName, Buffer.from(handedBack.base64, 'base64'));
  await expect(classroom.status).toContainText('1 annotation');
  await page.screenshot({ path: '.test-results/screens/class-work-merged.png' });
  await classroom.dialog.getByRole('button', { name: 'Close' }).click();

  // No reload: the open comparison loaded its annotations again.
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('by Student');
  await expect(items.first()).toContainText('Adm. Brad Cooper');
});
