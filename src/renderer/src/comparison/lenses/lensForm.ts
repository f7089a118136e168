// The lens dialog's fields: terms typed one per line or comma-separated, the
// checks the API makes (said before the round trip, in the same words), and
// colors to pick from.
import {
  MAX_LENS_NAME as MAX_NAME_LENGTH,
  MAX_LENS_TERM as MAX_TERM_LENGTH,
  MAX_LENS_TERMS as MAX_TERMS,
} from '../../../../shared/limits';

/** Mid-tone colors: visible as a swatch and stripe on both the light and the dark surface. */
export const LENS_COLORS: readonly { color: string; name: string }[] = [
  { color: '#1f6f8b', name: 'Teal' },
  { color: '#b23b3b', name: 'Red' },
  { color: '#7a4fb5', name: 'Purple' },
  { color: '#2f7d32', name: 'Green' },
  { color: '#b26a00', name: 'Amber' },
  { color: '#c2185b', name: 'Pink' },
  { color: '#3f5aa8', name: 'Indigo' },
  { color: '#6b6f76', name: 'Gray' },
];

/** Terms from what the reader typed: split on new lines and commas, trimmed, each once (any case). */
export function parseTerms(text: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const term = raw.trim().replace(/\s+/g, ' ');
    const key = term.toLocaleLowerCase();
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}

/** How a lens's terms are shown for editing: one per line. */
export function termsToText(terms: readonly string[]): string {
  return terms.join('\n');
}

export interface LensFormProblems {
  name?: string;
  terms?: string;
}

/** What keeps the form from being saved, per field; empty when it can go to the API. */
export function lensFormProblems(name: string, terms: readonly string[]): LensFormProblems {
  const problems: LensFormProblems = {};
  const trimmed = name.trim();
  if (trimmed === '') problems.name = 'A lens needs a name.';
  else if (trimmed.length > MAX_NAME_LENGTH)
    problems.name = `A lens name is limited to ${MAX_NAME_LENGTH} characters.`;
  const long = terms.find((t) => t.length > MAX_TERM_LENGTH);
  if (terms.length === 0) problems.terms = 'A lens needs at least one term.';
  else if (long !== undefined)
    problems.terms = `A term is limited to ${MAX_TERM_LENGTH} characters: “${long.slice(0, 40)}…”.`;
  else if (terms.length > MAX_TERMS)
    problems.terms = `A lens is limited to ${MAX_TERMS} terms; this one has ${terms.length}.`;
  return problems;
}

/** The first preset no lens uses yet, so a new lens stands apart from the others. */
export function unusedColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return (LENS_COLORS.find((c) => !taken.has(c.color)) ?? LENS_COLORS[0]!).color;
}
