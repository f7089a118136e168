import { useEffect, useState } from 'react';
import { Icon } from './Icon';
import { applyTheme, nextTheme, storedTheme, type Theme } from './theme';

const LABELS: Record<Theme, string> = {
  system: 'Theme: as the system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

const ICONS: Record<Theme, string> = {
  system: 'M3 4h14v9H3zM7 17h6M10 13v4',
  light:
    'M10 3v2M10 15v2M3 10h2M15 10h2M5 5l1.4 1.4M13.6 13.6L15 15M5 15l1.4-1.4M13.6 6.4L15 5M10 7a3 3 0 100 6 3 3 0 000-6z',
  dark: 'M15.5 12.5A6 6 0 017.5 4.5a6 6 0 108 8z',
};

/** Cycles the theme: as the system, light, dark. */
export function ThemeButton() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  useEffect(() => applyTheme(theme), [theme]);
  return (
    <button
      type="button"
      className="button button-quiet theme-button"
      title={`${LABELS[theme]} (click for ${LABELS[nextTheme(theme)].toLowerCase().replace('theme: ', '')})`}
      aria-label={LABELS[theme]}
      onClick={() => setTheme(nextTheme)}
    >
      <Icon d={ICONS[theme]} strokeWidth={1.6} />
    </button>
  );
}
