// Files chosen or dropped, read into what import:preview takes: the bytes as
// base64. Size is checked here first, so a huge file is refused before it is read.
import type { ImportSource } from '../../../shared/api';
import { MAX_IMPORT_CHARS as MAX_FILE_BYTES } from '../../../shared/limits';

export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf'];
export const ACCEPT_ATTRIBUTE = [
  ...ACCEPTED_EXTENSIONS,
  'text/plain',
  'text/markdown',
  'text/html',
  'application/pdf',
].join(',');

export class FileReadError extends Error {}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () =>
      reject(new FileReadError(`${file.name} could not be read: ${reader.error?.message ?? ''}`));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // A data: URL: "data:<type>;base64,<bytes>" (an empty file has nothing after the comma).
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export async function fileSource(file: File): Promise<ImportSource> {
  if (file.size > MAX_FILE_BYTES) {
    throw new FileReadError(`${file.name} is over 20 MB; Parallax imports up to 20 MB.`);
  }
  return { kind: 'file', name: file.name, base64: await readAsBase64(file) };
}
