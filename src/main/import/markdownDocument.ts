// A Markdown file read as an article: its first heading is the headline when it
// opens the file, later headings are subheads, and the syntax around the words
// (heading marks, emphasis, links, list and quote markers) goes, so "# Talks in
// Muscat" is the headline "Talks in Muscat". Line by line and with patterns
// that cannot backtrack far, so the reader stays linear on any input.
import type { ExtractedDocument } from './extractedDocument';

interface MarkdownBlock {
  kind: 'heading' | 'paragraph';
  level: number;
  lines: string[];
}

/** The article in a Markdown text (CommonMark's block structure, near enough). */
export function markdownDocument(markdown: string, warnings: string[] = []): ExtractedDocument {
  const blocks = readBlocks(markdown.replace(/\r\n?/g, '\n').split('\n'));
  const captions: string[] = [];
  const texts = blocks.map((block) => ({
    kind: block.kind,
    level: block.level,
    text: joinLines(block.lines.map((line) => inlineText(line, captions))),
  }));
  const visible = texts.filter((block) => block.text !== '');
  const first = visible[0];
  const title = first?.kind === 'heading' && first.level === 1 ? first.text : null;
  const body = title === null ? visible : visible.slice(1);
  return {
    text: [...body.map((block) => block.text), ...captions].join('\n\n'),
    captions,
    subheads: body.filter((block) => block.kind === 'heading').map((block) => block.text),
    title,
    byline: null,
    publishedAt: null,
    siteName: null,
    url: null,
    warnings,
  };
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]{1,999}\]:/;
/** Block quote and list markers before a line's text. */
const CONTAINER_MARKERS = /^(?: {0,3}(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/;

/** Lines → headings and paragraphs. A code fence's lines are kept as one paragraph, unmarked. */
function readBlocks(lines: string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: MarkdownBlock | null = null;
  let fence: string | null = null;
  const close = () => {
    if (paragraph) blocks.push(paragraph);
    paragraph = null;
  };
  for (const raw of lines) {
    const fenceMark = raw.match(FENCE)?.[1];
    if (fence !== null) {
      if (
        fenceMark !== undefined &&
        fenceMark[0] === fence[0] &&
        fenceMark.length >= fence.length
      ) {
        fence = null;
        close();
      } else (paragraph ??= { kind: 'paragraph', level: 0, lines: [] }).lines.push(raw);
      continue;
    }
    if (fenceMark) {
      close();
      fence = fenceMark;
      continue;
    }
    const setext = raw.match(SETEXT_UNDERLINE)?.[1];
    const current = paragraph as MarkdownBlock | null;
    if (setext && current !== null) {
      // "Title" over "=====" (or "-----"): the paragraph above was a heading.
      current.kind = 'heading';
      current.level = setext[0] === '=' ? 1 : 2;
      close();
      continue;
    }
    if (THEMATIC_BREAK.test(raw)) {
      close();
      continue;
    }
    const line = raw.replace(CONTAINER_MARKERS, '');
    if (line.trim() === '' || LINK_DEFINITION.test(line)) {
      close();
      continue;
    }
    const hashes = line.match(ATX_HEADING)?.[1];
    if (hashes) {
      close();
      blocks.push({ kind: 'heading', level: hashes.length, lines: [atxHeadingText(line)] });
      continue;
    }
    (paragraph ??= { kind: 'paragraph', level: 0, lines: [] }).lines.push(line);
  }
  close();
  return blocks;
}

/** "## Next round ##" → "Next round": the opening and any closing run of # go. */
function atxHeadingText(line: string): string {
  const text = line.replace(ATX_HEADING, '').trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  // A closing run counts only after a space (or as the whole heading): "C#" stays.
  if (end === 0) return '';
  return end < text.length && /[ \t]/.test(text[end - 1]!) ? text.slice(0, end).trim() : text;
}

/** A paragraph's lines as one: soft breaks are spaces, but a line-end hyphen keeps its break for the cleanup. */
function joinLines(lines: string[]): string {
  return lines
    .map((line) => line.trim())
    .map((line, i) => (i === lines.length - 1 ? line : line + (line.endsWith('-') ? '\n' : ' ')))
    .join('')
    .trim();
}

/**
 * Escaped characters stand aside while the syntax is read (as private-use
 * characters) and come back as themselves.
 */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const ASIDE = 0xe000;
const setAside = (text: string) =>
  text.replace(ESCAPED, (_, char: string) => String.fromCharCode(ASIDE + char.charCodeAt(0)));
const bringBack = (text: string) =>
  text.replace(/[\ue000-\ue07f]/g, (char) => String.fromCharCode(char.charCodeAt(0) - ASIDE));

// Each pattern's content excludes its own delimiter, so a match attempt stops at
// the next delimiter: linear even when nothing closes.
/** A link's "(address "title")": the address may hold one level of parentheses, never brackets. */
const DESTINATION = String.raw`\((?:[^()\s[\]]|\([^()\s[\]]{0,200}\)){0,2000}(?:[ \t]+"[^"\n]{0,500}")?\)`;
const IMAGE = new RegExp(String.raw`!\[([^[\]\n]{0,1000})\]` + DESTINATION, 'g');
const LINK = new RegExp(
  String.raw`\[([^[\]\n]{1,1000})\](?:` + DESTINATION + String.raw`|\[[^[\]\n]{0,1000}\])`,
  'g',
);
const AUTOLINK = /<((?:https?|mailto):[^>\s]{1,2000})>/gi;
const CODE = /(`+)([^`\n]{1,2000})\1/g;
const STRONG = /(\*\*|__|~~)(?=\S)([^*_~\n]{1,2000}?)(?<=\S)\1/g;
const EMPHASIS_STAR = /\*(?=\S)([^*\n]{1,2000}?)(?<=\S)\*/g;
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_(?=\S)([^_\n]{1,2000}?)(?<=\S)_(?![\p{L}\p{N}])/gu;

const INLINE_SYNTAX = /[\\`*_~[\]<]/;

/** A line's words without inline syntax; an image's description is kept as a caption. */
function inlineText(line: string, captions: string[]): string {
  // Most lines of an article hold no inline syntax at all.
  if (!INLINE_SYNTAX.test(line)) return line;
  // A line that already holds those private-use characters keeps its escapes as written.
  const canSetAside = !/[\ue000-\ue07f]/.test(line);
  const text = (canSetAside ? setAside(line) : line)
    .replace(IMAGE, (_, alt: string) => {
      if (alt.trim() !== '') captions.push(bringBack(alt.trim()));
      return '';
    })
    .replace(LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(CODE, '$2')
    .replace(STRONG, '$2')
    .replace(STRONG, '$2') // "**_both_**" nests once
    .replace(EMPHASIS_STAR, '$1')
    .replace(EMPHASIS_UNDERSCORE, '$1')
    // A hard line break written as a trailing backslash.
    .replace(/\\$/, '');
  return canSetAside ? bringBack(text) : text;
}
