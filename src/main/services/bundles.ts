// The bundle channels: a classroom bundle made into a download (through a temporary
// file, deleted afterwards whatever happens), and a bundle the user picked opened
// (merged) into the library from the uploaded bytes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slug } from '../../core/text';
import type { BundleMerge, FileDownload, Handlers } from '../../shared/api';
import { exportBundle } from '../bundle/exportBundle';
import { mergeBundles } from '../bundle/mergeBundle';
import type { Library } from '../db/library';

type RequestOf<C extends keyof Handlers> = Parameters<Handlers[C]>[0];

export const BUNDLE_MIME_TYPE = 'application/vnd.sqlite3';

function withTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bundle-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `parallax-bundle-<first story>-<yyyy-mm-dd>.parallax` */
export function bundleFileName(storyTitle: string, date: Date = new Date()): string {
  return `parallax-bundle-${slug(storyTitle) || 'story'}-${date.toISOString().slice(0, 10)}.parallax`;
}

export function exportBundleFile(
  library: Library,
  request: RequestOf<'bundle:export'>,
  appVersion: string,
): FileDownload {
  return withTempDir((dir) => {
    const path = join(dir, 'bundle.parallax');
    const contents = exportBundle(
      library,
      {
        storyIds: request.storyIds,
        assignment: request.assignment,
        includeAnnotations: request.includeAnnotations,
        appVersion,
      },
      path,
    );
    const firstStory = library.stories.get(request.storyIds[0]!)?.title ?? contents.storyTitles[0];
    return {
      fileName: bundleFileName(firstStory ?? 'story'),
      mimeType: BUNDLE_MIME_TYPE,
      base64: readFileSync(path).toString('base64'),
    };
  });
}

/** Merges a bundle the user picked in the app, sent as base64 with the name it had. */
export function mergeUploadedBundle(
  library: Library,
  request: RequestOf<'bundle:open'>,
): BundleMerge {
  // Read from memory: a merge killed half-way leaves no copy of a student's file behind.
  return mergeBundles(library, [
    { bytes: Buffer.from(request.base64, 'base64'), name: request.name },
  ])[0]!;
}
