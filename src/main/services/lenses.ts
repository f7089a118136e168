// The lens channels: a lens is a named topic with terms; comparison:analyze reads
// the saved lenses, so a change applies to the next analysis.
import type { Handlers } from '../../shared/api';
import type { Lens } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { sameName } from './names';

type RequestOf<C extends keyof Handlers> = Parameters<Handlers[C]>[0];

/** Creates a lens (no id; it goes last) or replaces one's name, terms and color in place. */
export function saveLens(
  library: Library,
  { id, name, terms, color }: RequestOf<'lens:save'>,
): Lens {
  return library.transaction(() => {
    if (id !== undefined && !library.lenses.get(id)) throw unknownLens(id);
    const taken = library.lenses.list().find((lens) => lens.id !== id && sameName(lens.name, name));
    if (taken) throw new UserError(`There is already a lens named “${taken.name}”.`);
    const distinctTerms = withoutRepeats(terms);
    return id === undefined
      ? library.lenses.create(name, distinctTerms, color)
      : library.lenses.replace({ id, name, terms: distinctTerms, color })!;
  });
}

export function deleteLens(library: Library, { id }: RequestOf<'lens:delete'>): void {
  library.transaction(() => {
    if (!library.lenses.delete(id)) throw unknownLens(id);
  });
}

const unknownLens = (id: string) =>
  new UserError(`There is no lens ${id} in this library; it may have been deleted.`);

/** The terms in their order, each once (a repeat in another case counts as the same term). */
function withoutRepeats(terms: string[]): string[] {
  const kept: string[] = [];
  for (const term of terms) if (!kept.some((k) => sameName(k, term))) kept.push(term);
  return kept;
}
