import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Handlers } from '../../shared/api';
import { dispatch } from '../services/dispatch';
import { RENDERER_CSP } from '../rendererCsp';

export interface BrowserServerOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-parallax-token';
const HOST = '127.0.0.1';
/** Room for a 20 MB article as JSON-escaped text. */
const MAX_BODY_BYTES = 48 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  // Nothing about this page (its port, its paths) goes to other sites as a referrer.
  'Referrer-Policy': 'no-referrer',
  // frame-ancestors covers current browsers; this covers older ones.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Browser mode: the same API as the Electron app, over HTTP on 127.0.0.1 only.
 * Every API call needs the per-run token in its X-Parallax-Token header, and the
 * Host header must name this server, so another web page or a DNS-rebinding name
 * cannot reach the library. The token is never a cookie: cookies are not scoped to
 * a port, so the browser would hand it to every server on 127.0.0.1. The printed
 * URL carries it in the fragment (`/#token=…`), which is never sent to a server;
 * the renderer keeps it for the tab. The UI's files hold no secret and are served
 * to anyone who names this server. API calls are JSON POSTs from this origin only,
 * under 48 MB; anything else is refused before a handler runs.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[parallax] browser mode request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'Internal error.' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return sendText(
        res,
        403,
        `Refused: Host "${req.headers.host ?? ''}" is not this Parallax server.`,
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return sendText(res, 403, `Refused: requests from ${origin} are not allowed.`);
    }
    const pathname = targetPath(req.url);
    // A browser only ever sends a path here; `//`, `*` or a full address is not one.
    if (pathname === null)
      return sendText(res, 400, 'Bad request: the request target is not a path on this server.');

    if (pathname.startsWith('/api/')) {
      if (!hasToken(req, token))
        return sendJson(res, 401, {
          ok: false,
          error:
            'Missing or wrong access token: open the full address Parallax printed when it started (…/#token=…).',
        });
      // Every call is a POST, so nothing changes on a GET (a link, an <img>, a prefetch).
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: 'API calls use POST.' });
      // A cross-site form can send text/plain or form data without a preflight; only
      // JSON is accepted, so such a "simple request" never reaches a handler.
      if (!isJson(req.headers['content-type']))
        return sendJson(res, 415, {
          ok: false,
          error: 'API calls send JSON (Content-Type: application/json).',
        });
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === null) return refuseTooLarge(res);
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: 'The request body is not valid JSON.' });
      }
      const channel = decodePath(pathname.slice('/api/'.length));
      if (channel === null)
        return sendJson(res, 400, { ok: false, error: 'The API address is malformed.' });
      return sendJson(res, 200, await dispatch(options.handlers, channel, payload));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed.');
    const isPage = pathname === '/' || pathname === '/index.html';
    return sendFile(
      res,
      options.rendererDir,
      isPage ? '/index.html' : pathname,
      req.method === 'HEAD',
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    // In the fragment, so the browser never sends it to a server (this one included).
    url: `http://${HOST}:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[TOKEN_HEADER];
  return typeof header === 'string' && sameToken(header, token);
}

/**
 * The path of an origin-form request target (`/…`), or null for anything else:
 * `//…`, `*`, an absolute URL (`http://[`) or one that does not parse.
 */
function targetPath(target: string | undefined): string | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    // Prefixed, never resolved against a base: the target cannot name another host.
    return new URL(`http://${HOST}${target}`).pathname;
  } catch {
    return null;
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** `decodeURIComponent`, or null for a malformed escape such as `%E0%A4%A`. */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * The body, or null as soon as it passes `limit`: a declared Content-Length over
 * the limit is refused before reading a byte, and a body that grows past it stops
 * being read, so an oversized request is never held in memory.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      chunks.length = 0;
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** 413, and the connection closes after it, so the rest of the body is dropped unread. */
function refuseTooLarge(res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  sendJson(res, 413, { ok: false, error: 'Request too large (over 48 MB).' });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(value));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendFile(res: ServerResponse, root: string, pathname: string, headOnly: boolean): void {
  const decoded = decodePath(pathname);
  // join() resolves any `..` (also one that was escaped as %2e%2e or ..%2f); the
  // result must still lie inside the UI folder.
  const path = decoded === null ? null : normalize(join(root, decoded));
  if (
    path === null ||
    !path.startsWith(normalize(root) + sep) ||
    !existsSync(path) ||
    !statSync(path).isFile()
  ) {
    return sendText(res, 404, 'Not found.');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  if (headOnly) res.end();
  else createReadStream(path).pipe(res);
}
