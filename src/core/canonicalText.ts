// The canonical form of a text: what "the same text" means for de-duplication.
// Differences a reader cannot see (line-ending style, Unicode composition,
// trailing spaces, runs of blank lines) do not make a new version.
//
// Every step is linear in the length of the text: imported text is untrusted,
// and a backtracking pattern such as /[ \t]+$/gm takes seconds on one long run
// of spaces (100,000 spaces took 26 s).

export function canonicalText(text: string): string {
  const lines = text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map(withoutTrailingSpaces)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const isTrailingSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0xa0;

/** The line without the spaces, tabs and no-break spaces at its end, found by one scan back. */
function withoutTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && isTrailingSpace(line.charCodeAt(end - 1))) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** Paragraphs of a body: blocks separated by blank lines, or single lines when the text has none. */
export function splitParagraphs(body: string): string[] {
  const text = canonicalText(body);
  if (text === '') return [];
  const blocks = text.includes('\n\n') ? text.split('\n\n') : text.split('\n');
  return blocks.map(joinLines).filter((p) => p !== '');
}

// A block's lines as one line, split rather than matched: a pattern like
// \s*\n\s* backtracks over every long run of spaces with no line break in it.
const joinLines = (block: string): string =>
  block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’.-]+[\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}
