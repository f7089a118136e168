import type { ImportProposal, ImportSource } from '../../shared/api';
import { proposeImport } from '../import/proposeImport';
import { readImportSource } from '../import/readImportSource';

/** Reads and cleans a source into the articles Parallax would save; writes nothing. */
export async function previewImport(
  source: ImportSource,
  outlet?: string,
): Promise<ImportProposal> {
  return proposeImport(await readImportSource(source), { outlet });
}
