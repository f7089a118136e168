// Electron's hooks as security.ts wires them. There is no Electron binary on our
// machines or CI (`require('electron')` cannot launch one), so `electron` is
// replaced by minimal fakes that record what the module registers; the hooks are
// then fired as Electron would fire them. The decisions themselves are tested
// without fakes in securityPolicy.test.ts.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

type Handler = (request: Request) => Promise<Response>;
type WindowOpenHandler = (details: { url: string; disposition: string }) => { action: string };

// What the fake electron module records; hoisted because vi.mock runs first.
const fake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  app: null as unknown as EventEmitter & { enableSandbox: Mock },
  registerSchemesAsPrivileged: null as unknown as Mock,
  openExternal: null as unknown as Mock,
}));

// readFile stays the real one; a test makes a file vanish just before it runs.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, readFile: vi.fn(real.readFile) };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), { enableSandbox: vi.fn() });
  fake.app = app;
  fake.registerSchemesAsPrivileged = vi.fn();
  fake.openExternal = vi.fn(async () => undefined);
  return {
    app,
    protocol: {
      registerSchemesAsPrivileged: fake.registerSchemesAsPrivileged,
      handle: (scheme: string, handler: Handler) => fake.handlers.set(scheme, handler),
    },
    shell: { openExternal: fake.openExternal },
  };
});

const { applyAppSecurity, isTrustedIpcSender, registerAppSchemeBeforeReady } =
  await import('./security');
const fsPromises = await import('node:fs/promises');
const readFileSpy = vi.mocked(fsPromises.readFile);
const realReadFile = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises'))
  .readFile;

/** A session as far as security.ts uses it: the handlers it sets, and its events. */
class FakeSession extends EventEmitter {
  requestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
    null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']) {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['deviceHandler']) {
    this.deviceHandler = handler;
  }
}

/** A web contents as far as security.ts uses it. */
class FakeContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  constructor(public session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
  }
}

/** An event Electron passes to a hook: records whether the hook prevented it. */
function hookEvent(extra: Record<string, unknown> = {}) {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
    ...extra,
  };
}

let rendererDir = '';
let session: FakeSession;
let contents: FakeContents;

beforeAll(() => {
  rendererDir = mkdtempSync(join(tmpdir(), 'parallax-security-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Parallax</title>');
  writeFileSync(join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
  session = new FakeSession();
  applyAppSecurity({ rendererDir, devServer: null, session: session as never });
  contents = new FakeContents(session);
  fake.app.emit('web-contents-created', {}, contents);
});

afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

beforeEach(() => fake.openExternal.mockClear());

describe('before the app is ready', () => {
  it('registers app:// as standard, secure and fetchable, and sandboxes every renderer', () => {
    registerAppSchemeBeforeReady();
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }) as unknown,
      },
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });
});

describe('the session', () => {
  it('refuses every permission a page asks for or checks, and every device', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      session.requestHandler?.(contents, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(session.checkHandler?.(contents, 'media')).toBe(false);
    expect(session.checkHandler?.(contents, 'clipboard-read')).toBe(false);
    expect(session.deviceHandler?.()).toBe(false);
  });

  function download(url: string) {
    const item = {
      getURL: () => url,
      getFilename: () => 'report.html',
      setSaveDialogOptions: vi.fn(),
    };
    const event = hookEvent();
    session.emit('will-download', event, item);
    return { event, item };
  }

  it('cancels a download of anything but the app’s own blobs', () => {
    for (const url of [
      'https://evil.example/payload.exe',
      'data:text/html,hi',
      'blob:https://evil.example/1',
    ]) {
      const { event, item } = download(url);
      expect(event.prevented, url).toBe(true);
      expect(item.setSaveDialogOptions).not.toHaveBeenCalled();
    }
  });

  it('lets a report the app made be saved where the user chooses', () => {
    const { event, item } = download('blob:app://parallax/5b1c');
    expect(event.prevented).toBe(false);
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'report.html' }),
    );
  });

  it('locks down a print window’s own session as well', () => {
    const printSession = new FakeSession();
    fake.app.emit('web-contents-created', {}, new FakeContents(printSession));
    const answers: boolean[] = [];
    printSession.requestHandler?.(null, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(printSession.checkHandler?.(null, 'media')).toBe(false);
  });
});

describe('every web contents', () => {
  it('may reload its own page but navigate nowhere else', () => {
    const own = hookEvent();
    contents.emit('will-navigate', own, 'app://parallax/index.html');
    expect(own.prevented).toBe(false);
    const foreign = hookEvent();
    contents.emit('will-navigate', foreign, 'https://evil.example/');
    expect(foreign.prevented).toBe(true);
    const file = hookEvent();
    contents.emit('will-navigate', file, 'file:///etc/passwd');
    expect(file.prevented).toBe(true);
  });

  it('refuses a frame navigating to a foreign page', () => {
    const foreign = hookEvent({ url: 'https://evil.example/frame' });
    contents.emit('will-frame-navigate', foreign);
    expect(foreign.prevented).toBe(true);
    const own = hookEvent({ url: 'app://parallax/index.html' });
    contents.emit('will-frame-navigate', own);
    expect(own.prevented).toBe(false);
  });

  it('refuses every redirect, even to its own page', () => {
    for (const url of ['https://evil.example/', 'app://parallax/index.html']) {
      const event = hookEvent({ url });
      contents.emit('will-redirect', event);
      expect(event.prevented, url).toBe(true);
    }
  });

  it('refuses to attach a <webview>', () => {
    const event = hookEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
  });

  it('opens no window; a link the user clicks opens in their browser', () => {
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://example.org/story', disposition: 'foreground-tab' })).toEqual({
      action: 'deny',
    });
    expect(open({ url: 'https://example.org/other', disposition: 'background-tab' })).toEqual({
      action: 'deny',
    });
    expect(fake.openExternal.mock.calls).toEqual([
      ['https://example.org/story'],
      ['https://example.org/other'],
    ]);
  });

  it.each(['new-window', 'default', 'other'])(
    'opens nothing at all for a %s popup a script asked for',
    (disposition) => {
      expect(
        contents.windowOpenHandler!({ url: 'https://evil.example/popup', disposition }),
      ).toEqual({ action: 'deny' });
      expect(fake.openExternal).not.toHaveBeenCalled();
    },
  );

  it('never hands a non-web URL to the browser, even on a click', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'https://a@evil.example/',
    ])
      expect(contents.windowOpenHandler!({ url, disposition: 'foreground-tab' })).toEqual({
        action: 'deny',
      });
    expect(fake.openExternal).not.toHaveBeenCalled();
  });
});

describe('the app:// protocol', () => {
  const serve = (url: string) => fake.handlers.get('app')!(new Request(url));

  it('serves the built renderer with its CSP', async () => {
    const response = await serve('app://parallax/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Parallax</title>');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
  });

  it('refuses a path out of the renderer folder', async () => {
    expect((await serve('app://parallax/assets/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(403);
  });

  it('answers 404 for a file that is missing', async () => {
    expect((await serve('app://parallax/assets/gone.js')).status).toBe(404);
  });

  it('answers 404, not a rejected promise, for a file that vanishes between resolve and read', async () => {
    const vanishing = join(rendererDir, 'assets', 'vanishing.js');
    writeFileSync(vanishing, 'x');
    // The file really disappears just as the real readFile is called (after
    // resolveAppFile found it): the race a rebuild during a run can cause.
    readFileSpy.mockImplementationOnce(((...args: Parameters<typeof realReadFile>) => {
      unlinkSync(vanishing);
      return realReadFile(...args);
    }) as typeof realReadFile);
    const response = await serve('app://parallax/assets/vanishing.js');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('/assets/vanishing.js');
    expect(readFileSpy).toHaveBeenCalled();
  });
});

describe('IPC senders', () => {
  const sender = (url: string, parent: unknown = null) =>
    ({ senderFrame: { url, parent } }) as never;

  it("trusts only the top frame of Parallax's own page", () => {
    expect(isTrustedIpcSender(sender('app://parallax/index.html'), null)).toBe(true);
    expect(isTrustedIpcSender(sender('app://parallax/index.html', {}), null)).toBe(false);
    expect(isTrustedIpcSender(sender('https://evil.example/'), null)).toBe(false);
    expect(isTrustedIpcSender(sender('http://localhost:5173/'), null)).toBe(false);
    expect(isTrustedIpcSender(sender('http://localhost:5173/'), 'http://localhost:5173/')).toBe(
      true,
    );
    expect(isTrustedIpcSender({ senderFrame: null } as never, null)).toBe(false);
  });
});
