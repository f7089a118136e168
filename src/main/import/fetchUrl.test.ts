import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { DEFAULT_FETCH_LIMITS, fetchUrl } from './fetchUrl';

const articleBytes = readFileSync(join(__dirname, 'fixtures', 'cgtn-article.html'));

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface TestServer {
  origin: string;
  host: string;
  /** Every request path the server saw, in order. */
  requests: string[];
  /** TCP connections opened to the server. */
  connections: () => number;
}

const servers: Server[] = [];

/** A real HTTP server on 127.0.0.1 and a free port, routing by path. */
async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const requests: string[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const handler = routes[request.url ?? ''];
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  });
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    connections: () => connections,
  };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const html: Handler = (_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(articleBytes);
};

const redirect =
  (location: string, status = 302): Handler =>
  (_request, response) =>
    response.writeHead(status, { Location: location }).end();

/** The UserError message a promise rejects with (and fails the test if it is any other error). */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('expected the fetch to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('fetchUrl', () => {
  it('has the documented default limits', () => {
    expect(DEFAULT_FETCH_LIMITS).toEqual({
      timeoutMs: 15_000,
      maxBytes: 20 * 1024 * 1024,
      maxRedirects: 5,
    });
  });

  it('returns the bytes, content type and address of a page', async () => {
    let userAgent: string | undefined;
    const server = await serve({
      '/news/talks.html': (request, response) => {
        userAgent = request.headers['user-agent'];
        html(request, response);
      },
    });
    const fetched = await fetchUrl(`${server.origin}/news/talks.html`);
    expect(fetched.url).toBe(`${server.origin}/news/talks.html`);
    expect(fetched.contentType).toBe('text/html; charset=utf-8');
    expect(fetched.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(fetched.bytes).equals(articleBytes)).toBe(true);
    expect(userAgent).toBe('Parallax/0.1 (offline news comparison)');
  });

  it('accepts a response without a Content-Type', async () => {
    const server = await serve({ '/plain': (_request, response) => response.end('Some text.') });
    const fetched = await fetchUrl(`${server.origin}/plain`);
    expect(fetched.contentType).toBe('');
    expect(new TextDecoder().decode(fetched.bytes)).toBe('Some text.');
  });

  it('follows a chain of redirects, relative and absolute, to the final address', async () => {
    const server = await serve({
      '/a': redirect('/b', 301),
      '/b': (request, response) => redirect(`${server.origin}/news/c`, 302)(request, response),
      '/news/c': redirect('d', 307),
      '/news/d': redirect('../article', 308),
      '/article': html,
    });
    const fetched = await fetchUrl(`${server.origin}/a`);
    expect(fetched.url).toBe(`${server.origin}/article`);
    expect(server.requests).toEqual(['/a', '/b', '/news/c', '/news/d', '/article']);
    expect(Buffer.from(fetched.bytes).equals(articleBytes)).toBe(true);
  });

  it('gives up on a redirect loop after maxRedirects', async () => {
    const server = await serve({ '/loop': redirect('/loop') });
    expect(await failure(fetchUrl(`${server.origin}/loop`))).toBe(
      `Gave up after 5 redirects from ${server.host}.`,
    );
    // The first request and five redirects followed: bounded, not endless.
    expect(server.requests).toHaveLength(6);
  });

  it('honours a smaller maxRedirects', async () => {
    const server = await serve({
      '/a': redirect('/b'),
      '/b': redirect('/article'),
      '/article': html,
    });
    expect(await failure(fetchUrl(`${server.origin}/a`, { maxRedirects: 1 }))).toBe(
      `Gave up after 1 redirect from ${server.host}.`,
    );
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    const server = await serve({ '/a': redirect('file:///etc/passwd') });
    expect(await failure(fetchUrl(`${server.origin}/a`))).toBe(
      `${server.host} redirected to a file: address; Parallax only imports http and https addresses.`,
    );
  });

  it('times out on a server that never answers', async () => {
    const server = await serve({ '/slow': () => undefined });
    expect(await failure(fetchUrl(`${server.origin}/slow`, { timeoutMs: 300 }))).toBe(
      `${server.host} did not answer within 0.3 s.`,
    );
  });

  it('times out on a body that stops halfway (the limit covers the whole request)', async () => {
    const server = await serve({
      '/stalls': (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.write('<html><body><p>The start of the page');
      },
    });
    expect(await failure(fetchUrl(`${server.origin}/stalls`, { timeoutMs: 300 }))).toBe(
      `${server.host} did not answer within 0.3 s.`,
    );
  });

  it('reports an HTTP error status', async () => {
    const server = await serve({});
    expect(await failure(fetchUrl(`${server.origin}/missing`))).toBe(
      `${server.host} answered 404 Not Found.`,
    );
  });

  it('refuses a body whose Content-Length is over maxBytes without reading it', async () => {
    const server = await serve({
      '/big': (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': 5000 });
        response.end('x'.repeat(5000));
      },
    });
    expect(await failure(fetchUrl(`${server.origin}/big`, { maxBytes: 1000 }))).toBe(
      `${server.origin}/big is over 1000 bytes; Parallax imports up to 1000 bytes.`,
    );
  });

  it('stops reading a body without Content-Length once it passes maxBytes', async () => {
    let clientLeft: () => void = () => undefined;
    const left = new Promise<void>((resolve) => (clientLeft = resolve));
    const server = await serve({
      '/endless': (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        // Chunked and endless: only the client hanging up ends it.
        const timer = setInterval(() => response.write('x'.repeat(512)), 1);
        response.on('close', () => {
          clearInterval(timer);
          clientLeft();
        });
      },
    });
    expect(await failure(fetchUrl(`${server.origin}/endless`, { maxBytes: 4096 }))).toBe(
      `${server.origin}/endless is over 4 KB; Parallax imports up to 4 KB.`,
    );
    await left;
  });

  it('says 20 MB in the size message by default', async () => {
    const server = await serve({
      '/huge': (_request, response) => {
        response.writeHead(200, {
          'Content-Type': 'application/pdf',
          'Content-Length': 30 * 1024 * 1024,
        });
        response.write('%PDF-1.7');
      },
    });
    expect(await failure(fetchUrl(`${server.origin}/huge`))).toBe(
      `${server.origin}/huge is over 20 MB; Parallax imports up to 20 MB.`,
    );
  });

  it('refuses a content type Parallax cannot import', async () => {
    const server = await serve({
      '/photo': (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'image/png' });
        response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      },
    });
    expect(await failure(fetchUrl(`${server.origin}/photo`))).toBe(
      `${server.host} sent image/png, which Parallax cannot import.`,
    );
  });

  it.each([
    ['file:///etc/passwd', 'file:'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,<p>Hello</p>', 'data:'],
    ['ftp://example.com/article.txt', 'ftp:'],
  ])('refuses %s before any network activity', async (address, scheme) => {
    expect(await failure(fetchUrl(address))).toBe(
      `Parallax only imports http and https addresses (this one is ${scheme}).`,
    );
  });

  it('opens no connection for a refused scheme, even to a live host', async () => {
    const server = await serve({ '/': html });
    await failure(fetchUrl(`ftp://${server.host}/`));
    expect(server.connections()).toBe(0);
  });

  it.each(['not a url', 'www.example.com/news', 'http://', ''])(
    'refuses %j as not a web address',
    async (address) => {
      expect(await failure(fetchUrl(address))).toBe(`"${address}" is not a web address.`);
    },
  );

  it('reports a host that refuses the connection', async () => {
    const server = await serve({});
    const closedPort = server.origin;
    for (const open of servers.splice(0)) await new Promise((resolve) => open.close(resolve));
    expect(await failure(fetchUrl(`${closedPort}/article`))).toBe(
      `Cannot reach ${server.host} (ECONNREFUSED).`,
    );
  });
});
