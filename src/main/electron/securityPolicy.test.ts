import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RENDERER_CSP,
  RENDERER_CSP_META,
  devServerUrl,
  externalUrlForWindowOpen,
  externalUrlToOpen,
  isAppUrl,
  mainWindowWebPreferences,
  mayDownload,
  mayGrantPermission,
  mayNavigate,
  mayRedirect,
  mimeTypeFor,
  printWindowWebPreferences,
  resolveAppFile,
} from './securityPolicy';

const DEV = 'http://localhost:5173/';

describe("trusting only Parallax's own page", () => {
  it('trusts app://parallax, whatever the path, query or hash', () => {
    expect(isAppUrl('app://parallax/index.html')).toBe(true);
    expect(isAppUrl('app://parallax/index.html?view=compare#row-3')).toBe(true);
    expect(isAppUrl('app://parallax/assets/index.js')).toBe(true);
  });

  it.each([
    'app://parallax.evil.example/index.html',
    'app://evil/index.html',
    'app://user:pw@parallax/index.html',
    'app://parallax:8080/index.html',
    'file:///opt/parallax/out/renderer/index.html',
    'https://parallax/index.html',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('trusts nothing else: %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('trusts the dev server only under electron-vite dev, only its origin, and never when packaged', () => {
    const dev = devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false);
    expect(dev).toBe(DEV);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devServerUrl({}, false)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://a:b@localhost:5173/' }, false)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/x.html' }, false)).toBeNull();
  });
});

describe('navigation and redirects', () => {
  it('lets the window reload its own page', () => {
    expect(mayNavigate('app://parallax/index.html')).toBe(true);
    expect(mayNavigate('http://localhost:5173/', DEV)).toBe(true);
  });

  it.each([
    'https://www.tehrantimes.com/news/1',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'app://evil/index.html',
    'chrome://settings',
  ])('refuses to navigate to %s', (url) => {
    expect(mayNavigate(url)).toBe(false);
    expect(mayNavigate(url, DEV)).toBe(false);
  });

  it('refuses every redirect', () => {
    expect(mayRedirect('https://example.com/')).toBe(false);
    expect(mayRedirect('app://parallax/index.html')).toBe(false);
  });
});

describe('links the user clicks', () => {
  it('opens http and https links in the browser', () => {
    expect(externalUrlToOpen('https://www.cgtn.com/news/1?x=1#p')).toBe(
      'https://www.cgtn.com/news/1?x=1#p',
    );
    expect(externalUrlToOpen('http://example.com')).toBe('http://example.com/');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox(1)',
    'app://parallax/index.html',
    'mailto:a@example.com',
    'https://user:pass@example.com/',
    'https://bank.example@evil.example/',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });

  it('opens a link only when the user clicked or middle-clicked it', () => {
    const url = 'https://example.org/story';
    expect(externalUrlForWindowOpen({ url, disposition: 'foreground-tab' })).toBe(url);
    expect(externalUrlForWindowOpen({ url, disposition: 'background-tab' })).toBe(url);
  });

  it.each(['new-window', 'default', 'other'] as const)(
    'opens nothing for a %s popup a script asked for',
    (disposition) => {
      expect(externalUrlForWindowOpen({ url: 'https://example.org/', disposition })).toBeNull();
    },
  );

  it('refuses a clicked link that is not a web URL', () => {
    expect(
      externalUrlForWindowOpen({ url: 'file:///etc/passwd', disposition: 'foreground-tab' }),
    ).toBeNull();
  });
});

describe('permissions and downloads', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb'])(
    'denies %s',
    (permission) => expect(mayGrantPermission(permission)).toBe(false),
  );

  it("downloads only the app's own blobs (reports, bundles)", () => {
    expect(mayDownload('blob:app://parallax/3f0c2d0e-1b7a-4f43-9d55-0d5b1c7c9a11')).toBe(true);
    expect(mayDownload('blob:http://localhost:5173/3f0c2d0e', DEV)).toBe(true);
    expect(mayDownload('blob:http://localhost:5173/3f0c2d0e')).toBe(false);
    expect(mayDownload('blob:https://evil.example/3f0c2d0e')).toBe(false);
    expect(mayDownload('https://example.com/malware.exe')).toBe(false);
    expect(mayDownload('data:application/octet-stream;base64,AAAA')).toBe(false);
    expect(mayDownload('app://parallax/index.html')).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  it.each([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ])('has %s', (directive) => {
    expect(RENDERER_CSP.split('; ')).toContain(directive);
  });

  it('allows no inline or evaluated script, and no remote origin', () => {
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it("is what index.html's meta says (less frame-ancestors, which a meta cannot set)", () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_CSP_META);
    expect(RENDERER_CSP_META).not.toContain('frame-ancestors');
  });
});

describe('window webPreferences', () => {
  const required = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    disableBlinkFeatures: 'Auxclick',
  };

  it('locks down the main window and keeps its preload', () => {
    const prefs = mainWindowWebPreferences('/app/out/preload/index.js');
    expect(prefs).toMatchObject({ ...required, preload: '/app/out/preload/index.js' });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('locks down the print window further: no script, no preload, a session of its own in memory', () => {
    const prefs = printWindowWebPreferences();
    expect(prefs).toMatchObject({ ...required, javascript: false });
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs.partition).toBeTruthy();
    expect(prefs.partition).not.toMatch(/^persist:/);
  });

  // The builders are only as good as their use: the windows must take them whole.
  it.each([
    ['window.ts', /webPreferences: mainWindowWebPreferences\(/],
    ['printPdf.ts', /webPreferences: printWindowWebPreferences\(\)/],
  ])('%s builds its webPreferences from the policy', (file, use) => {
    const source = readFileSync(join(__dirname, file), 'utf8');
    expect(source).toMatch(use);
    expect(source.match(/webPreferences/g)).toHaveLength(1);
  });
});

describe('the app:// protocol serves the built renderer and nothing else', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'parallax-app-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
    writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(join(root, 'assets', 'font.woff2'), '');
    writeFileSync(join(root, 'assets', 'blob.bin'), '');
    writeFileSync(join(base, 'secret.txt'), 'library password');
    mkdirSync(join(base, 'renderer-evil'));
    writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html at the root and assets with their MIME types and the CSP', () => {
    const index = resolveAppFile('app://parallax/', root);
    expect(index).toMatchObject({ ok: true, filePath: join(root, 'index.html') });
    const script = resolveAppFile('app://parallax/assets/index-abc.js?v=1#x', root);
    expect(script.ok && script.headers).toMatchObject({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.exe', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('gives %s the type %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it.each([
    'app://parallax/../../etc/passwd',
    'app://parallax/..%2f..%2fsecret.txt',
    'app://parallax/%2e%2e/secret.txt',
    'app://parallax/%2E%2E%2Fsecret.txt',
    'app://parallax/assets/..%2F..%2Fsecret.txt',
    'app://parallax/..%5csecret.txt',
    'app://parallax/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://parallax/%252e%252e%252fsecret.txt',
    'app://parallax/..%2frenderer-evil/x.js',
    'app://parallax/index.html%00.js',
    'app://parallax/%2fetc%2fpasswd',
    'app://parallax//etc/passwd',
    'app://parallax/assets/link.txt',
    'app://parallax/assets',
    'app://parallax/nope.js',
    'app://parallax/%zz',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const lookup = resolveAppFile(url, root);
    expect(lookup.ok).toBe(false);
    expect(lookup.ok || lookup.reason).toBeTruthy();
  });

  it('says why: outside the app is forbidden, a missing file is not found', () => {
    expect(resolveAppFile('app://parallax/..%2fsecret.txt', root)).toMatchObject({ status: 403 });
    expect(resolveAppFile('app://parallax/assets/link.txt', root)).toMatchObject({ status: 403 });
    expect(resolveAppFile('app://parallax/nope.js', root)).toMatchObject({ status: 404 });
    expect(resolveAppFile('app://parallax/%zz', root)).toMatchObject({ status: 400 });
  });
});
