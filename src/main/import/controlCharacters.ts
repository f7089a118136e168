// Control characters are no part of an article's text: a stray ESC or BEL in a
// file, a form feed between pages, old Mac line ends. Line breaks of every
// kind become \n (a form feed or vertical tab, a page break, a blank line);
// the rest are removed, and counted so the user is told.
import { CONTROL_CHARACTERS } from '../../shared/unsavedCharacters';

// \r\n first, so a Windows line end becomes one \n; \r, \f and \v are in the class too.
const CONTROL = new RegExp(`\\r\\n?|[${CONTROL_CHARACTERS}]`, 'g');

export interface CleanedControls {
  text: string;
  /** Characters removed (line-break variants turned into \n are not counted). */
  removed: number;
}

/** `text` with line breaks normalised to \n and every other control character except tab removed. */
export function removeControlCharacters(text: string): CleanedControls {
  let removed = 0;
  const cleaned = text.replace(CONTROL, (match) => {
    if (match[0] === '\r') return '\n';
    if (match === '\f' || match === '\v') return '\n\n';
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}
