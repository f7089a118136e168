import { describe, expect, it } from 'vitest';
import { isAppUrl, rendererUrl } from './rendererLocation';

describe("trusting only Parallax's own page", () => {
  const base = rendererUrl({}, '/opt/parallax/out/main');

  it('loads the built renderer next to the main bundle', () => {
    expect(base).toBe('file:///opt/parallax/out/renderer/index.html');
  });

  it('trusts that page, whatever its query or hash', () => {
    expect(isAppUrl(base, base)).toBe(true);
    expect(isAppUrl(`${base}?view=compare#row-3`, base)).toBe(true);
  });

  it('trusts no other file and no web page', () => {
    expect(isAppUrl('file:///tmp/imported-article.html', base)).toBe(false);
    expect(isAppUrl('file:///opt/parallax/out/renderer/index.html.evil', base)).toBe(false);
    expect(isAppUrl('https://example.com/', base)).toBe(false);
    expect(isAppUrl('', base)).toBe(false);
  });

  it('under the dev server, trusts its origin only', () => {
    const dev = rendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
  });
});
