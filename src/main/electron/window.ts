import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { rendererEntryUrl } from './rendererLocation';
import { mainWindowWebPreferences } from './security';

/**
 * The main window. Its lock-down (navigation, redirects, new windows, webviews,
 * permissions) is applied to every web contents by security.ts.
 */
export function createMainWindow(devServer: string | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: 'Parallax',
    show: false,
    webPreferences: mainWindowWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntryUrl(devServer));
  return window;
}
