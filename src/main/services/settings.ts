// Settings kept in the library file itself, so a class bundle opened on a school
// desktop carries the student's name with the work.
import type { Settings } from '../../shared/api';
import type { Library } from '../db/library';

const ANNOTATOR_NAME = 'annotator_name';

/** The name new annotations are signed with; '' until the reader gives one. */
export function annotatorName(library: Library): string {
  return library.meta.get(ANNOTATOR_NAME) ?? '';
}

export function getSettings(library: Library): Settings {
  return { annotatorName: annotatorName(library) };
}

export function updateSettings(library: Library, settings: Settings): Settings {
  return library.transaction(() => {
    library.meta.set(ANNOTATOR_NAME, settings.annotatorName);
    return getSettings(library);
  });
}
