// Where Parallax's own UI lives, so IPC and navigation can trust only that page.
// No `electron` import: this is plain logic, tested under Node.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the renderer is loaded from: the dev server under `electron-vite dev`, else the built file. */
export function rendererUrl(
  env: NodeJS.ProcessEnv = process.env,
  mainDir: string = __dirname,
): string {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (devUrl) return devUrl;
  return pathToFileURL(join(mainDir, '../renderer/index.html')).href;
}

/** True for URLs of Parallax's own UI (the only pages that may use the API). */
export function isAppUrl(url: string, base: string = rendererUrl()): boolean {
  if (!base.startsWith('file:')) return url.startsWith(new URL(base).origin + '/');
  return url.split(/[?#]/)[0] === base;
}
