import type { FileDownload } from '../../../shared/api';

/**
 * Time the browser (or Electron's save dialog) has to read the file before its
 * object URL is released; a download still starting after a click needs the URL.
 */
const RELEASE_AFTER_MS = 30_000;

/** Hands a file made by the main process to the user: the browser's download (in Electron, its save dialog). */
export function saveDownload({ fileName, mimeType, base64 }: FileDownload): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}
