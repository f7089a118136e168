// Reading an article from plain text when nothing else says what its headline is.
// Real cleanup (captions, boilerplate, multi-article pages) builds on this later.
import { canonicalText } from './canonicalText';

export interface PlainTextArticle {
  headline: string;
  body: string;
}

const MAX_HEADLINE_CHARS = 300;

/**
 * The first non-empty line is the headline when it looks like one (short, not a
 * full paragraph); otherwise the headline is the first words of the text and the
 * body keeps everything.
 */
export function readPlainTextArticle(text: string): PlainTextArticle {
  const canonical = canonicalText(text);
  const lines = canonical.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return { headline: '', body: '' };
  const firstLine = (lines[first] ?? '').trim().replace(/^#+\s*/, '');
  const rest = canonicalText(lines.slice(first + 1).join('\n'));
  if (firstLine.length <= MAX_HEADLINE_CHARS && rest !== '') {
    return { headline: firstLine, body: rest };
  }
  return { headline: headlineFromWords(canonical), body: canonical };
}

function headlineFromWords(text: string): string {
  const words = text.split(/\s+/).slice(0, 12).join(' ');
  return words.length < text.length ? `${words}…` : words;
}
