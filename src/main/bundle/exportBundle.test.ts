import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../db/library';
import { sampleWorkspace } from '../testing/sampleWorkspace';
import { tempDir } from '../testing/tempLibrary';
import { exportBundle } from './exportBundle';

const options = (storyId: string) => ({
  storyIds: [storyId],
  assignment: '',
  includeAnnotations: false,
  appVersion: '1',
});

describe('exporting a bundle refuses to write over a library', () => {
  it('the library itself, by its path or through a link to it', async () => {
    const { library } = await sampleWorkspace();
    const story = library.stories.list()[0]!;
    const versions = library.versions.count();
    const link = join(tempDir(), 'class.parallax');
    symlinkSync(library.path, link);
    for (const out of [library.path, link]) {
      expect(() => exportBundle(library, options(story.id), out)).toThrow(
        `${out} is the library itself (or a library in use); choose another file for the bundle.`,
      );
    }
    // Still the whole library, still open and working.
    expect(library.stories.list()).toHaveLength(1);
    expect(library.versions.count()).toBe(versions);
  });

  it('another library in use (its write-ahead log beside it)', async () => {
    const { library } = await sampleWorkspace();
    const other = join(tempDir(), 'other.db');
    const open = openLibrary(other);
    try {
      const before = readFileSync(other);
      expect(existsSync(`${other}-wal`)).toBe(true);
      expect(() => exportBundle(library, options(library.stories.list()[0]!.id), other)).toThrow(
        `${other} is the library itself (or a library in use); choose another file for the bundle.`,
      );
      expect(readFileSync(other)).toEqual(before);
    } finally {
      open.close();
    }
  });

  it('but writes over an old bundle', async () => {
    const { library } = await sampleWorkspace();
    const out = join(tempDir(), 'assignment.parallax');
    const storyId = library.stories.list()[0]!.id;
    exportBundle(library, options(storyId), out);
    expect(exportBundle(library, options(storyId), out).counts.stories).toBe(1);
  });
});
