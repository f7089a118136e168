// The decisions behind the Electron shell's security (see SECURITY.md): which
// URLs are Parallax's own, where the window may go, what may open in the user's
// browser, what may download, what the app:// protocol serves and with which
// headers. No `electron` import, so every decision is tested under Node;
// security.ts wires them to Electron's hooks.
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { WebPreferences } from 'electron';
import { RENDERER_CSP, RENDERER_CSP_META } from '../rendererCsp';

export { RENDERER_CSP, RENDERER_CSP_META };

export const APP_SCHEME = 'app';
export const APP_HOST = 'parallax';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads (instead of a file:// URL). */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The dev server's URL under `electron-vite dev`, or null. Never in a packaged
 * app (an environment variable must not make a web page trusted), and only an
 * http URL on this machine.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const value = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !value) return null;
  const url = parseUrl(value);
  if (!url || url.protocol !== 'http:' || url.username || url.password) return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  return url.href;
}

/** True for URLs of Parallax's own UI: app://parallax/…, or the dev server's origin in development. */
export function isAppUrl(url: string, devServer: string | null = null): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username || parsed.password) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (devServer === null) return false;
  const dev = new URL(devServer);
  return parsed.protocol === dev.protocol && parsed.host === dev.host;
}

/** The window shows one page: it may reload itself, never go anywhere else. */
export function mayNavigate(url: string, devServer: string | null = null): boolean {
  return isAppUrl(url, devServer);
}

/** Parallax's own pages never redirect, so any redirect of a navigation is refused. */
export function mayRedirect(_url: string): boolean {
  return false;
}

/**
 * The URL to hand to the user's browser for a link they clicked, or null:
 * http(s) only (no file:, javascript:, custom app schemes), with a host, and no
 * credentials in it (`https://bank.example@evil.example/` misleads the reader).
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href;
}

/**
 * How a page asked for a new window (Electron's `HandlerDetails.disposition`).
 * Only a link the user clicked or middle-clicked arrives as a tab; a script's
 * `window.open` or a form arrives as `new-window`/`default`/`other`.
 */
export type WindowOpenDisposition =
  'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';

/**
 * What the window-open handler hands to the user's browser, or null: only a
 * link the user clicked (a tab disposition), never a popup a script opened,
 * and only a URL `externalUrlToOpen` accepts.
 */
export function externalUrlForWindowOpen(details: {
  url: string;
  disposition: WindowOpenDisposition;
}): string | null {
  if (details.disposition !== 'foreground-tab' && details.disposition !== 'background-tab')
    return null;
  return externalUrlToOpen(details.url);
}

/**
 * Every permission (camera, microphone, geolocation, notifications, clipboard
 * reading, …) is refused, both when a page asks and when it checks: Parallax
 * needs none. Paste works without one (it reads the paste event's data).
 */
export function mayGrantPermission(_permission: string): boolean {
  return false;
}

/**
 * Downloads are how the renderer saves reports and bundles: a blob: URL it
 * made itself. Anything else (a link to a web file, a data: URL) is refused.
 */
export function mayDownload(url: string, devServer: string | null = null): boolean {
  if (!url.startsWith('blob:')) return false;
  return isAppUrl(url.slice('blob:'.length), devServer);
}

/** The webPreferences of every window that shows Parallax's UI. */
export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A middle click on a link would otherwise be a second way to open a window.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * The hidden window that prints a report to PDF: the same lock-down, plus no
 * JavaScript at all and a session of its own in memory (no "persist:" prefix),
 * sharing no cookies, cache or storage with the app.
 */
export function printWindowWebPreferences(): WebPreferences {
  const locked = mainWindowWebPreferences('');
  delete locked.preload;
  return { ...locked, javascript: false, partition: 'parallax-print' };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file the app:// protocol serves; unknown kinds are opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app:// response: the CSP, and no sniffing a script out of another type. */
export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export type AppFileLookup =
  | { ok: true; filePath: string; headers: Record<string, string> }
  | { ok: false; status: 400 | 403 | 404; reason: string };

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Maps an app:// URL to a file inside the built renderer folder, or says why
 * not. The decoded path must stay inside `rendererDir` both as written (no
 * `..`, encoded or not, no backslashes or NUL) and after following symlinks.
 */
export function resolveAppFile(url: string, rendererDir: string): AppFileLookup {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { ok: false, status: 403, reason: `Not a Parallax URL: ${url}` };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: `Malformed path in ${url}` };
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..'))
    return { ok: false, status: 403, reason: `Path outside the app: ${url}` };
  const root = resolve(rendererDir);
  const candidate = resolve(join(root, path));
  if (!isInside(root, candidate))
    return { ok: false, status: 403, reason: `Path outside the app: ${url}` };
  let realFile: string;
  try {
    realFile = realpathSync(candidate);
    if (!statSync(realFile).isFile()) throw new Error('not a file');
  } catch {
    return { ok: false, status: 404, reason: `No such file in the app: ${path}` };
  }
  if (!isInside(realpathSync(root), realFile))
    return { ok: false, status: 403, reason: `Path outside the app: ${url}` };
  return { ok: true, filePath: realFile, headers: appResponseHeaders(realFile) };
}
