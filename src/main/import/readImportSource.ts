import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_IMPORT_CHARS, type ImportSource } from '../../shared/api';
import { UserError } from '../../shared/result';
import { decodeText } from './decodeText';
import { detectFormat, type SourceFormat } from './detectFormat';
import type { ExtractedDocument } from './extractedDocument';
import { fetchUrl, type FetchLimits } from './fetchUrl';
import { extractHtmlArticle } from './htmlArticle';
import { markdownDocument } from './markdownDocument';
import { extractPdfText } from './pdfText';

/** A source read into text, with what is kept for provenance. */
export interface ReadSource {
  document: ExtractedDocument;
  format: SourceFormat;
  /** The input as read: decoded text, the HTML, or a PDF's text layer. */
  rawInput: string;
  sourceKind: 'paste' | 'file' | 'url';
  /** File name or URL. */
  sourceName: string | null;
}

export const plainDocument = (text: string, warnings: string[] = []): ExtractedDocument => ({
  text,
  captions: [],
  subheads: [],
  title: null,
  byline: null,
  publishedAt: null,
  siteName: null,
  url: null,
  warnings,
});

const tooLarge = (name: string) =>
  new UserError(`${name} is over 20 MB; Parallax imports up to 20 MB.`);

/** Largest base64 text that can hold MAX_IMPORT_CHARS bytes. */
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_CHARS / 3) * 4;

export interface ReadOptions {
  /** For web addresses; tests shorten the timeout. */
  fetchLimits?: Partial<FetchLimits>;
}

/** Reads pasted text, a file's bytes or a web address into an ExtractedDocument. */
export async function readImportSource(
  source: ImportSource,
  options: ReadOptions = {},
): Promise<ReadSource> {
  switch (source.kind) {
    case 'text': {
      if (source.text.trim() === '')
        throw new UserError('The pasted text is empty: there is no article to import.');
      if (source.text.length > MAX_IMPORT_CHARS)
        throw new UserError('The pasted text is over 20 MB; split it before importing.');
      if (source.text.includes('\u0000'))
        throw new UserError('The pasted text contains binary data, not article text.');
      const looksHtml = /^\s*(?:<!doctype html|<html[\s>])/i.test(source.text);
      if (looksHtml) {
        const document = extractHtmlArticle(source.text, {
          fileName: source.name ?? 'The pasted HTML',
        });
        return {
          document,
          format: 'html',
          rawInput: source.text,
          sourceKind: 'paste',
          sourceName: source.name ?? null,
        };
      }
      return {
        document: plainDocument(source.text),
        format: 'text',
        rawInput: source.text,
        sourceKind: 'paste',
        sourceName: source.name ?? null,
      };
    }
    case 'file':
      // Refused before decoding: callers that skip the API schema could pass anything.
      if (source.base64.length > MAX_IMPORT_BASE64) throw tooLarge(basename(source.name));
      return {
        ...(await readBytes(Buffer.from(source.base64, 'base64'), basename(source.name))),
        sourceKind: 'file',
        sourceName: basename(source.name),
      };
    case 'url': {
      const fetched = await fetchUrl(source.url, options.fetchLimits);
      const name = fetched.url;
      const read = await readBytes(fetched.bytes, name, fetched.contentType, fetched.url);
      return {
        ...read,
        document: { ...read.document, url: read.document.url ?? fetched.url },
        sourceKind: 'url',
        sourceName: fetched.url,
      };
    }
  }
}

/**
 * A file on disk (the CLI's import): its size is checked before it is read, so a
 * huge file is refused at once instead of filling memory.
 */
export async function readImportFile(path: string): Promise<ReadSource> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new UserError(unreadableFile(path, 'EISDIR'));
    if (!stats.isFile()) throw new UserError(`${path} is not a file.`);
    if (stats.size > MAX_IMPORT_CHARS) throw tooLarge(name);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(unreadableFile(path, (error as NodeJS.ErrnoException).code));
  }
  return { ...(await readBytes(bytes, name)), sourceKind: 'file', sourceName: name };
}

/** Why a file cannot be read, in words rather than an error code. */
function unreadableFile(path: string, code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return `${path}: no such file.`;
    case 'EACCES':
    case 'EPERM':
      return `${path} cannot be read: permission denied.`;
    case 'EISDIR':
      return `${path} is a folder, not a file.`;
    default:
      return `${path} cannot be read (${code ?? 'unknown error'}).`;
  }
}

/** Bytes of a file or a download → document, by detected format. */
export async function readBytes(
  bytes: Uint8Array,
  name: string,
  contentType?: string,
  url?: string,
): Promise<Omit<ReadSource, 'sourceKind' | 'sourceName'>> {
  if (bytes.length === 0) throw new UserError(`${name} is empty: there is no article to import.`);
  if (bytes.length > MAX_IMPORT_CHARS) throw tooLarge(name);
  const format = detectFormat(bytes, name, contentType);
  if (format === 'pdf') {
    const document = await extractPdfText(bytes, name);
    return { document, format, rawInput: document.text };
  }
  const { text, convertedFrom } = decodeText(bytes, name);
  if (text.trim() === '')
    throw new UserError(`${name} is empty: there is no article text to import.`);
  const conversion = convertedFrom
    ? [`${name} was ${convertedFrom} text; Parallax converted it to UTF-8.`]
    : [];
  if (format === 'html') {
    const document = extractHtmlArticle(text, { fileName: name, ...(url ? { url } : {}) });
    return {
      document: { ...document, warnings: [...conversion, ...document.warnings] },
      format,
      rawInput: text,
    };
  }
  if (format === 'markdown')
    return { document: markdownDocument(text, conversion), format, rawInput: text };
  return { document: plainDocument(text, conversion), format, rawInput: text };
}
