// The reader's choice of theme: the system's, or always light, or always dark.
// Kept in localStorage and applied as html[data-theme], which styles.css reads.

export type Theme = 'system' | 'light' | 'dark';

const KEY = 'parallax.theme';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export function storedTheme(storage: Pick<Storage, 'getItem'> = localStorage): Theme {
  const value = storage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  localStorage.setItem(KEY, theme);
}

/** The theme after `theme` in the cycle system → light → dark → system. */
export const nextTheme = (theme: Theme): Theme =>
  THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
