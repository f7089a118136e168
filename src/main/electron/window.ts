import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the renderer is loaded from: the dev server under `electron-vite dev`, else the built file. */
export function rendererUrl(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) return devUrl;
  return pathToFileURL(join(__dirname, '../renderer/index.html')).href;
}

/** True for URLs of Parallax's own UI (the only pages that may use the API). */
export function isAppUrl(url: string): boolean {
  const base = rendererUrl();
  if (process.env.ELECTRON_RENDERER_URL) return url.startsWith(new URL(base).origin + '/');
  return url.split(/[?#]/)[0] === base;
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: 'Parallax',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The app is one page: links open in the user's browser (http/https only), never in this window.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  void window.loadURL(rendererUrl());
  return window;
}
