// Everything the Electron shell does for security, in one place (SECURITY.md
// lists Electron's checklist item by item and points here). The decisions live
// in securityPolicy.ts and are tested under Node; this file only wires them to
// Electron's hooks (security.test.ts fires them on fakes: no binary here).
import {
  app,
  protocol,
  shell,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import { readFile } from 'node:fs/promises';
import {
  APP_SCHEME,
  externalUrlForWindowOpen,
  isAppUrl,
  mainWindowWebPreferences,
  mayDownload,
  mayGrantPermission,
  mayNavigate,
  mayRedirect,
  printWindowWebPreferences,
  resolveAppFile,
} from './securityPolicy';

export { mainWindowWebPreferences, printWindowWebPreferences };

/**
 * Before `app` is ready: app:// is a standard, secure scheme (so it has an
 * origin, `'self'` in the CSP means it, and fetch works), and every renderer
 * is sandboxed whatever its webPreferences say.
 */
export function registerAppSchemeBeforeReady(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.enableSandbox();
}

/** Serves app://parallax/… from the built renderer folder only, with the CSP header. */
function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file.ok) return new Response(file.reason, { status: file.status });
    // Gone (or unreadable) between resolving and reading: a 404, not a rejected promise.
    const body = await readFile(file.filePath).catch(() => null);
    if (body === null)
      return new Response(`No such file in the app: ${new URL(request.url).pathname}`, {
        status: 404,
      });
    return new Response(body, { status: 200, headers: file.headers });
  });
}

const lockedSessions = new WeakSet<Session>();

/** No permission for any page, asked for or merely checked; downloads only of the app's own blobs. */
function lockDownSession(session: Session, devServer: string | null): void {
  if (lockedSessions.has(session)) return;
  lockedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(mayGrantPermission(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => mayGrantPermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    if (!mayDownload(item.getURL(), devServer)) {
      event.preventDefault();
      return;
    }
    // Reports and bundles: Electron asks where to save, starting from Downloads.
    item.setSaveDialogOptions({ title: 'Save', defaultPath: item.getFilename() });
  });
}

/**
 * For every web contents the app ever creates (main window, print window, any
 * other): no navigation away from Parallax's page, no redirects, no new windows
 * (an http(s) link the user clicked opens in their browser instead), no <webview>.
 */
function lockDownWebContents(contents: WebContents, devServer: string | null): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!mayNavigate(url, devServer)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => {
    if (!mayRedirect(event.url)) event.preventDefault();
  });
  // The only way a link the user clicks leaves the app (the renderer has no other);
  // a popup a script opens is denied without opening anything.
  contents.setWindowOpenHandler((details) => {
    const external = externalUrlForWindowOpen(details);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** After `app` is ready and before any window: the protocol, the session, every web contents. */
export function applyAppSecurity(options: {
  rendererDir: string;
  devServer: string | null;
  session: Session;
}): void {
  serveAppProtocol(options.rendererDir);
  lockDownSession(options.session, options.devServer);
  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, options.devServer);
    // A print window's own session gets the same lock-down.
    if (contents.session !== options.session) lockDownSession(contents.session, null);
  });
}

/** IPC is for Parallax's own page only: its top frame, at app://parallax (or the dev server). */
export function isTrustedIpcSender(event: IpcMainInvokeEvent, devServer: string | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, devServer);
}
