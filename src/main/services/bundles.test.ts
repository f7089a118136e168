import { describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../testing/sampleWorkspace';
import { tempLibrary } from '../testing/tempLibrary';
import { bundleFileName, exportBundleFile, openBundleFile } from './bundles';

describe('bundle:export and bundle:open', () => {
  it('hand a bundle over as a download and open it in another library', async () => {
    const { library } = await sampleWorkspace();
    const story = library.stories.list()[0]!;
    const download = exportBundleFile(
      library,
      { storyIds: [story.id], assignment: 'Compare the timing.', includeAnnotations: false },
      '2.0.0',
    );
    expect(download.fileName).toMatch(
      /^parallax-bundle-iran-us-talks-in-muscat-6-feb-2026-\d{4}-\d{2}-\d{2}\.parallax$/,
    );
    expect(download.mimeType).toBe('application/vnd.sqlite3');
    expect(Buffer.from(download.base64, 'base64').subarray(0, 15).toString()).toBe(
      'SQLite format 3',
    );

    const student = tempLibrary();
    const opened = openBundleFile(student, { name: download.fileName, base64: download.base64 });
    expect(opened.assignment).toBe('Compare the timing.');
    expect(opened.added).toMatchObject({ stories: 1, versions: 3, comparisons: 1, annotations: 0 });
    expect(student.stories.list().map((s) => s.title)).toEqual([story.title]);
  });

  it('names the uploaded file when it is not a bundle', () => {
    const library = tempLibrary();
    expect(() =>
      openBundleFile(library, {
        name: 'homework.parallax',
        base64: Buffer.from('my answers').toString('base64'),
      }),
    ).toThrow('homework.parallax is not a SQLite database.');
  });

  it('refuses a story the library does not have', async () => {
    const { library } = await sampleWorkspace();
    expect(() =>
      exportBundleFile(
        library,
        { storyIds: ['nope'], assignment: '', includeAnnotations: true },
        '1',
      ),
    ).toThrow('There is no story with id nope.');
  });

  it('names the file after the first story and the day', () => {
    expect(bundleFileName('Iran–US talks: Muscat, Oman!', new Date('2026-02-07T10:00:00Z'))).toBe(
      'parallax-bundle-iran-us-talks-muscat-oman-2026-02-07.parallax',
    );
  });
});
