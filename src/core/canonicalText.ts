// The canonical form of a text: what "the same text" means for de-duplication.
// Differences a reader cannot see (line-ending style, Unicode composition,
// trailing spaces, runs of blank lines) do not make a new version.

export function canonicalText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Paragraphs of a body: blocks separated by blank lines, or single lines when the text has none. */
export function splitParagraphs(body: string): string[] {
  const text = canonicalText(body);
  if (text === '') return [];
  const blocks = text.includes('\n\n') ? text.split('\n\n') : text.split('\n');
  return blocks.map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p !== '');
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’.-]+[\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}
