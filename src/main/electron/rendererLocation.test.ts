import { describe, expect, it } from 'vitest';
import { rendererDir, rendererEntryUrl } from './rendererLocation';
import { devServerUrl, isAppUrl } from './securityPolicy';

describe("where Parallax's own page comes from", () => {
  it('serves the built renderer folder next to the main bundle', () => {
    expect(rendererDir('/opt/parallax/out/main')).toBe('/opt/parallax/out/renderer');
  });

  it('loads app://parallax/index.html, never a file:// URL', () => {
    expect(rendererEntryUrl(null)).toBe('app://parallax/index.html');
    expect(isAppUrl(rendererEntryUrl(null))).toBe(true);
  });

  it('loads the dev server under electron-vite dev, and trusts its origin only', () => {
    const dev = devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false);
    expect(rendererEntryUrl(dev)).toBe('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
  });
});
