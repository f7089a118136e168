// The codebook channels: add, rename/recolor and merge codes. Code names are unique
// within their codebook, ignoring case, so a coder never has to choose between
// "Omission" and "omission".
import type { Handlers } from '../../shared/api';
import type { Code } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { now } from '../db/repositories/rows';
import { sameName } from './names';
import { stampAfter } from './timestamps';

type RequestOf<C extends keyof Handlers> = Parameters<Handlers[C]>[0];

/** Adds a code at the end of its codebook. */
export function createCode(
  library: Library,
  { codebookId, name, color }: RequestOf<'code:create'>,
): Code {
  return library.transaction(() => {
    if (!library.codebooks.get(codebookId)) {
      throw new UserError(`There is no codebook ${codebookId} in this library.`);
    }
    checkNameIsFree(library, codebookId, name, null);
    return library.codebooks.createCode(codebookId, { name, color, description: '', group: '' });
  });
}

/** Renames and/or recolors a code; its annotations keep it. */
export function updateCode(library: Library, { id, name, color }: RequestOf<'code:update'>): Code {
  return library.transaction(() => {
    const code = existingCode(library, id);
    if (name !== undefined) checkNameIsFree(library, code.codebookId, name, id);
    return library.codebooks.updateCode(id, {
      name: name ?? code.name,
      color: color ?? code.color,
    })!;
  });
}

/** Moves every annotation of `fromId` to `intoId` (same codebook), then deletes `fromId`. */
export function mergeCodes(
  library: Library,
  { fromId, intoId }: RequestOf<'code:merge'>,
): { moved: number } {
  return library.transaction(() => {
    if (fromId === intoId) throw new UserError('Choose two different codes to merge.');
    const from = existingCode(library, fromId);
    const into = existingCode(library, intoId);
    if (from.codebookId !== into.codebookId) {
      throw new UserError(
        `“${from.name}” and “${into.name}” are in different codebooks; only codes of one codebook can be merged.`,
      );
    }
    // Strictly later than any of their edits, so a merge always reads as the newest change.
    const latest = library.annotations.latestUpdateWithCode(fromId);
    const moved = library.annotations.moveToCode(
      fromId,
      intoId,
      latest ? stampAfter(latest) : now(),
    );
    library.codebooks.deleteCode(fromId);
    return { moved };
  });
}

function existingCode(library: Library, id: string): Code {
  const code = library.codebooks.getCode(id);
  if (!code) {
    throw new UserError(
      `There is no code ${id} in this library; it may have been merged or deleted.`,
    );
  }
  return code;
}

function checkNameIsFree(
  library: Library,
  codebookId: string,
  name: string,
  exceptId: string | null,
) {
  const taken = library.codebooks
    .listCodes(codebookId)
    .find((code) => code.id !== exceptId && sameName(code.name, name));
  if (taken) throw new UserError(`There is already a code named “${taken.name}” in this codebook.`);
}
