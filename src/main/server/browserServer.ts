import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Handlers } from '../../shared/api';
import { dispatch } from '../services/dispatch';

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
const TOKEN_COOKIE = 'parallax_token';
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
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  // The token is in the page URL: never send it on as a referrer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Browser mode: the same API as the Electron app, over HTTP on 127.0.0.1 only.
 * Every request needs the per-run token (from the printed URL, then a cookie or
 * header), and the Host header must name this server, so another web page or a
 * DNS-rebinding name cannot reach the library.
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
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req, token))
        return sendJson(res, 401, { ok: false, error: 'Missing or wrong access token.' });
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: 'API calls use POST.' });
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === null)
        return sendJson(res, 413, { ok: false, error: 'Request too large (over 48 MB).' });
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: 'The request body is not valid JSON.' });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      return sendJson(res, 200, await dispatch(options.handlers, channel, payload));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed.');
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    const queryToken = url.searchParams.get('token');
    if (isPage && queryToken !== null && sameToken(queryToken, token)) {
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (!hasToken(req, token)) {
      return sendText(
        res,
        401,
        'Parallax needs its access token: open the full address it printed when it started (…/?token=…).',
      );
    }
    return sendFile(
      res,
      options.rendererDir,
      isPage ? '/index.html' : url.pathname,
      req.method === 'HEAD',
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
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
  if (typeof header === 'string' && sameToken(header, token)) return true;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === TOKEN_COOKIE);
  return cookie?.[1] !== undefined && sameToken(cookie[1], token);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
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
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (!path.startsWith(normalize(root) + sep) || !existsSync(path) || !statSync(path).isFile()) {
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
