// Small text helpers shared by reports, bundles and the CLI: counted nouns and
// file-name slugs.

/** "1 claim", "3 claims"; `many` for irregular plurals ("2 people"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Lower-case ASCII letters and digits joined by hyphens, at most 40 characters: safe
 * in any file system. Accents are dropped ("Genève" → "geneve"); text with no such
 * letters (e.g. Persian or Chinese) gives "", so callers supply their own fallback.
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
