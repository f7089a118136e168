import { describe, expect, it } from 'vitest';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';
import { tempLibrary } from '../testing/tempLibrary';
import { bundleFileName, exportBundleFile, mergeUploadedBundle } from './bundles';

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
    const opened = mergeUploadedBundle(student, {
      name: download.fileName,
      base64: download.base64,
    });
    expect(opened.assignment).toBe('Compare the timing.');
    expect(opened.added).toMatchObject({ stories: 1, versions: 3, comparisons: 1, annotations: 0 });
    expect(student.stories.list().map((s) => s.title)).toEqual([story.title]);
  });

  it('leaves the maker’s annotations out unless asked, so an assignment carries no answer key', async () => {
    const { library, ok, b, codes } = await sampleWorkspace();
    const {
      annotations: [annotation],
    } = await ok('annotation:create', {
      versionId: b.id,
      comparisonId: null,
      codeId: codes[0]!.id,
      note: 'The answer: sanctions left out.',
      selectors: span(b, 'fresh sanctions'),
    });
    const storyIds = [library.stories.list()[0]!.id];
    const assignment = await ok('bundle:export', {
      storyIds,
      assignment: 'Find what is left out.',
    });
    const withWork = await ok('bundle:export', {
      storyIds,
      assignment: '',
      includeAnnotations: true,
    });

    const student = tempLibrary();
    const opened = mergeUploadedBundle(student, { name: 'assignment.parallax', ...assignment });
    expect(opened.added.annotations).toBe(0);
    expect(opened.message).toMatch(/ It holds no annotations \(made without them\)\.$/);
    const colleague = tempLibrary();
    const back = mergeUploadedBundle(colleague, { name: 'work.parallax', ...withWork });
    expect(back.added.annotations).toBe(1);
    expect(back.message).not.toContain('holds no annotations');
    expect(colleague.annotations.get(annotation!.id)?.note).toBe('The answer: sanctions left out.');
  });

  it('names the uploaded file when it is not a bundle', () => {
    const library = tempLibrary();
    expect(() =>
      mergeUploadedBundle(library, {
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
