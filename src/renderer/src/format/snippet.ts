// Search snippets arrive as plain text with each match wrapped in private-use
// characters (U+E000 … U+E001), so imported text never has to be parsed as HTML.

export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Splits a snippet into plain and matched runs; stray or unbalanced markers are dropped. */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ text, hit });
    text = '';
  };
  for (const char of snippet) {
    if (char === HIT_START || char === HIT_END) {
      flush();
      hit = char === HIT_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}
