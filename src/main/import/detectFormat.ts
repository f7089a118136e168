import { extname } from 'node:path';
import { UserError } from '../../shared/result';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf';

const EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
};

const startsWith = (bytes: Uint8Array, magic: string): boolean =>
  [...magic].every((char, i) => bytes[i] === char.charCodeAt(0));

/** Known binary formats people try to import, named so the message can say what the file is. */
const BINARY_SIGNATURES: [string, string][] = [
  ['PK\u0003\u0004', 'a ZIP archive (or a Word/OpenDocument file)'],
  ['\u00d0\u00cf\u0011\u00e0', 'an old Microsoft Office file'],
  ['\u0089PNG', 'a PNG image'],
  ['\u00ff\u00d8\u00ff', 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  ['\u001f\u008b', 'a gzip archive'],
  ['SQLite format 3', 'a database'],
];

/**
 * What kind of document this is, by its first bytes, then its content type, then
 * its name. A format Parallax does not read is refused with its name.
 */
export function detectFormat(bytes: Uint8Array, name: string, contentType?: string): SourceFormat {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  const binary = BINARY_SIGNATURES.find(([magic]) => startsWith(bytes, magic));
  if (binary)
    throw new UserError(`${name} is ${binary[1]}; Parallax imports text, Markdown, HTML and PDF.`);
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'text/plain') return 'text';
  const byName = EXTENSIONS[extname(name).toLowerCase()];
  if (byName) return byName;
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (extname(name) === '') return 'text';
  throw new UserError(
    `${name}: Parallax cannot import ${extname(name)} files; use .txt, .md, .html or .pdf.`,
  );
}
