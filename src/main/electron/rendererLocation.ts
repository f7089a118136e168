// Where Parallax's own UI lives. No `electron` import: plain logic, tested under Node.
import { join } from 'node:path';
import { APP_ENTRY_URL } from './securityPolicy';

/** The built renderer (out/renderer), next to the main bundle; the app:// protocol serves only this folder. */
export function rendererDir(mainDir: string = __dirname): string {
  return join(mainDir, '../renderer');
}

/** What the main window loads: the dev server under `electron-vite dev`, else app://parallax/index.html. */
export function rendererEntryUrl(devServer: string | null): string {
  return devServer ?? APP_ENTRY_URL;
}
