/**
 * Whether two user-given names (codes, lenses) are the same name: case is ignored,
 * accents are not ("omission" is "Omission"; "Émotion" is not "Emotion"), in any script.
 */
export function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'en', { sensitivity: 'accent' }) === 0;
}
