import { createContext, useContext } from 'react';

/**
 * Counts changes to the library made outside the open comparison (a bundle
 * merged, versions imported). Views that load from the library include it in
 * their effects' dependencies, so they reload instead of showing stale data.
 */
export const LibraryChangesContext = createContext(0);

/** The current count; it only grows, one step per change. */
export function useLibraryChanges(): number {
  return useContext(LibraryChangesContext);
}
