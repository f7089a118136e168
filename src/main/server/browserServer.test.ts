import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../services/handlers';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { sampleFolder, tempDir, tempLibrary } from '../testing/tempLibrary';
import { startBrowserServer, type RunningServer } from './browserServer';
import { RENDERER_CSP } from '../rendererCsp';

const TOKEN_REFUSAL =
  'Missing or wrong access token: open the full address Parallax printed when it started (…/#token=…).';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function startServer(): Promise<RunningServer> {
  const library = tempLibrary();
  await seedSampleCorpus(library, sampleFolder());
  // The UI folder sits next to a file it must never serve.
  const rendererDir = join(tempDir(), 'ui');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, '..', 'secret.txt'), 'SECRET');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Parallax</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const server = await startBrowserServer({
    handlers: createHandlers(library, { mode: 'browser', appVersion: '0.0.0' }),
    rendererDir,
  });
  running.push(server);
  return server;
}

/** Raw HTTP, so the Host header can be set (fetch forbids it). */
function send(
  server: RunningServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (
  server: RunningServer,
  channel: string,
  headers: Record<string, string>,
  body = '{}',
) =>
  send(server, `/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token in its fragment', async () => {
    const server = await startServer();
    // A fragment is never sent in a request: the page reads it, no server sees it.
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers API calls that carry the token', async () => {
    const server = await startServer();
    const res = await api(server, 'comparison:list', { 'x-parallax-token': server.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: true,
      value: { comparisons: [{ title: expect.any(String) }] },
    });
  });

  it('refuses API calls without the token, or with a wrong one', async () => {
    const server = await startServer();
    expect((await api(server, 'library:overview', {})).status).toBe(401);
    const wrong = await api(server, 'library:overview', { 'x-parallax-token': 'f'.repeat(48) });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toEqual({ ok: false, error: TOKEN_REFUSAL });
  });

  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    const server = await startServer();
    const res = await api(server, 'library:overview', {
      'x-parallax-token': server.token,
      host: `evil.example:${server.port}`,
    });
    expect(res.status).toBe(403);
    expect(res.body).toContain('evil.example');
  });

  it('refuses calls from another origin', async () => {
    const server = await startServer();
    const res = await api(server, 'library:overview', {
      'x-parallax-token': server.token,
      origin: 'http://evil.example',
    });
    expect(res.status).toBe(403);
  });

  it('serves the UI files without the token, and they do not hold it', async () => {
    const server = await startServer();
    const page = await send(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toBe('<!doctype html><title>Parallax</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = await send(server, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log(1)');
    for (const res of [page, script]) {
      expect(res.body).not.toContain(server.token);
      expect(JSON.stringify(res.headers)).not.toContain(server.token);
    }
  });

  it('never serves files outside the UI folder', async () => {
    const server = await startServer();
    const res = await send(server, '/assets/..%2f..%2f..%2fetc%2fpasswd', {
      headers: { 'x-parallax-token': server.token },
    });
    expect(res.status).toBe(404);
  });

  it('creates an annotation pair and lists it over HTTP, like the renderer in browser mode', async () => {
    const server = await startServer();
    const auth = { 'x-parallax-token': server.token };
    const call = async (channel: string, request: unknown) =>
      JSON.parse((await api(server, channel, auth, JSON.stringify(request))).body) as {
        ok: boolean;
        value: { annotations: { id: string; versionId: string; pairId: string | null }[] };
        error?: string;
      };
    const [comparison] = (
      JSON.parse((await api(server, 'comparison:list', auth)).body) as {
        value: { comparisons: { id: string; aVersionId: string; bVersionId: string }[] };
      }
    ).value.comparisons;
    const { aVersionId, bVersionId } = comparison!;
    const at = (start: number, end: number) => [{ type: 'TextPositionSelector', start, end }];
    const created = await call('annotation:create', {
      versionId: aVersionId,
      comparisonId: comparison!.id,
      codeId: null,
      note: 'Who is quoted first',
      selectors: at(0, 4),
      pair: { versionId: bVersionId, selectors: at(0, 4) },
    });
    expect(created.ok).toBe(true);
    expect(created.value.annotations.map((a) => a.versionId)).toEqual([aVersionId, bVersionId]);
    const listed = await call('annotation:list', { aVersionId, bVersionId });
    expect(listed).toEqual({ ok: true, value: { ...created.value, orphans: [] } });
    const refused = await call('annotation:create', {
      versionId: aVersionId,
      comparisonId: null,
      codeId: null,
      note: '',
      selectors: at(0, 10_000_000),
    });
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(/^The selection \(characters 0–10000000\) runs past the end/),
    });
    expect(
      (await call('annotation:list', { aVersionId, bVersionId })).value.annotations,
    ).toHaveLength(2);
  });

  it('answers malformed JSON and wrong methods with a clear status', async () => {
    const server = await startServer();
    const bad = await api(
      server,
      'library:overview',
      { 'x-parallax-token': server.token },
      '{not json',
    );
    expect(bad.status).toBe(400);
    const get = await send(server, '/api/library:overview', {
      headers: { 'x-parallax-token': server.token },
    });
    expect(get.status).toBe(405);
  });
});

/** Resolves once the server answers (status and headers); rejects if the connection fails first. */
function statusOf(server: RunningServer, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: server.port }, () => {
      // Written, not ended: a half-closed socket may be dropped before a streamed file is sent.
      socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
    });
    let head = '';
    socket.on('data', (chunk: Buffer) => (head += chunk.toString()));
    socket.on('end', () => resolve(Number(head.split(' ')[1])));
    socket.on('error', reject);
  });
}

/**
 * POSTs `total` bytes in 1 MB chunks (chunked encoding unless `declaredLength` is
 * given), stopping as soon as the server answers. Returns the status, the body and
 * how many bytes had been written by then.
 */
function postLarge(
  server: RunningServer,
  total: number,
  declaredLength?: number,
): Promise<{ status: number; body: string; written: number; cutOff: boolean }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/library:overview',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-parallax-token': server.token,
          ...(declaredLength === undefined ? {} : { 'content-length': String(declaredLength) }),
        },
      },
      (res) => {
        answered = true;
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        const done = () => resolve({ status: res.statusCode ?? 0, body, written, cutOff: false });
        res.on('end', done);
        res.on('error', done);
      },
    );
    // Once refused, the server closes the connection under the rest of the upload; a
    // client still writing may see that reset before it has read the 413 (a race in
    // any HTTP server that stops reading), so a reset mid-upload is reported as such.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET')
        resolve({ status: 0, body: '', written, cutOff: true });
      else reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const writeMore = (): void => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      if (!answered && declaredLength === undefined) req.end();
    };
    writeMore();
  });
}

describe('browser mode refuses what it must (issue 7)', () => {
  const auth = (server: RunningServer) => ({ 'x-parallax-token': server.token });

  it('listens on 127.0.0.1 only: another loopback address is refused', async () => {
    const server = await startServer();
    expect(await statusOf(server, '127.0.0.1')).toBe(200);
    // Bound to 0.0.0.0 it would answer here too; bound to 127.0.0.1 it cannot.
    await expect(statusOf(server, '127.0.0.2')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses a Host naming another port of 127.0.0.1, or no Host at all', async () => {
    const server = await startServer();
    const otherPort = await api(server, 'library:overview', {
      ...auth(server),
      host: `127.0.0.1:${server.port + 1}`,
    });
    expect(otherPort.status).toBe(403);
    expect(otherPort.body).toBe(
      `Refused: Host "127.0.0.1:${server.port + 1}" is not this Parallax server.`,
    );
    const page = await send(server, '/', { headers: { host: `evil.example:${server.port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<title>');
  });

  it('refuses Origin null (sandboxed frames, file:// pages) and other origins, but not its own', async () => {
    const server = await startServer();
    for (const origin of ['null', 'http://evil.example', `http://127.0.0.1:${server.port + 1}`]) {
      const res = await api(server, 'library:overview', { ...auth(server), origin });
      expect(res.status, origin).toBe(403);
      expect(res.body).toBe(`Refused: requests from ${origin} are not allowed.`);
    }
    const own = await api(server, 'library:overview', {
      ...auth(server),
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(own.status).toBe(200);
  });

  it('refuses GET on the API with 405, and the GET changes nothing', async () => {
    const server = await startServer();
    const overview = await send(server, '/api/library:overview', { headers: auth(server) });
    expect(overview.status).toBe(405);
    expect(JSON.parse(overview.body)).toEqual({ ok: false, error: 'API calls use POST.' });
    // A GET that would change a setting if it reached the handler (a link, an <img>).
    const get = await send(server, '/api/settings:update?annotatorName=Mallory', {
      headers: auth(server),
    });
    expect(get.status).toBe(405);
    const settings = await api(server, 'settings:get', auth(server));
    expect(JSON.parse(settings.body)).toEqual({ ok: true, value: { annotatorName: '' } });
  });

  it('refuses API calls that are not JSON (415), so a cross-site form cannot post one', async () => {
    const server = await startServer();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await send(server, '/api/settings:update', {
        method: 'POST',
        headers: { ...auth(server), 'content-type': type },
        body: JSON.stringify({ annotatorName: 'Mallory' }),
      });
      expect(res.status, type).toBe(415);
      expect(JSON.parse(res.body)).toEqual({
        ok: false,
        error: 'API calls send JSON (Content-Type: application/json).',
      });
    }
    const untyped = await send(server, '/api/settings:update', {
      method: 'POST',
      headers: auth(server),
      body: JSON.stringify({ annotatorName: 'Mallory' }),
    });
    expect(untyped.status).toBe(415);
    const settings = await api(server, 'settings:get', auth(server));
    expect(JSON.parse(settings.body)).toEqual({ ok: true, value: { annotatorName: '' } });
    const withCharset = await api(server, 'settings:get', {
      ...auth(server),
      'content-type': 'application/json; charset=utf-8',
    });
    expect(withCharset.status).toBe(200);
  });

  it('answers malformed JSON with 400 and one clear message', async () => {
    const server = await startServer();
    const res = await api(server, 'settings:update', auth(server), '{"annotatorName": "Ma');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: 'The request body is not valid JSON.',
    });
  });

  it('refuses a body declared over 48 MB with 413 before reading it', async () => {
    const server = await startServer();
    // Only 1 MB is sent: the answer comes from the declared length alone.
    const res = await postLarge(server, 1024 * 1024, 49 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: 'Request too large (over 48 MB).' });
  });

  it('stops reading a chunked body once it passes 48 MB, and answers 413', async () => {
    const server = await startServer();
    const res = await postLarge(server, 200 * 1024 * 1024);
    // Refused: the 413, or the connection cut under the upload before the client read it.
    if (!res.cutOff) expect(res.status).toBe(413);
    // The upload was cut off well before its 200 MB.
    expect(res.written).toBeLessThan(120 * 1024 * 1024);
    // And the server is still there.
    expect((await api(server, 'settings:get', auth(server))).status).toBe(200);
  });

  it('never serves a file outside the UI folder, however the path is written', async () => {
    const server = await startServer();
    const paths = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/../../../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/app.js%00.html',
      '/%E0%A4%A',
    ];
    for (const path of paths) {
      const res = await send(server, path, { headers: auth(server) });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('SECRET');
      expect(res.body).not.toContain('root:');
    }
    const malformedChannel = await api(server, '%E0%A4%A', auth(server));
    expect(malformedChannel.status).toBe(400);
  });

  it('sends CSP, nosniff, no-referrer and no-framing headers on pages, files, API answers and refusals', async () => {
    const server = await startServer();
    const responses = {
      page: await send(server, '/'),
      file: await send(server, '/assets/app.js'),
      api: await api(server, 'settings:get', auth(server)),
      refusal: await api(server, 'settings:get', {}),
    };
    for (const [name, res] of Object.entries(responses)) {
      // The desktop app's policy: nothing by default, scripts and styles only from Parallax.
      expect(res.headers['content-security-policy'], name).toBe(RENDERER_CSP);
      expect(RENDERER_CSP).toContain("default-src 'none'");
      expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
      expect(res.headers['referrer-policy'], name).toBe('no-referrer');
      expect(res.headers['x-frame-options'], name).toBe('DENY');
    }
  });
});

/** One raw request over a socket, target as given (node:http would refuse to send some). */
function rawRequest(
  server: RunningServer,
  requestLine: string,
  headers: string[] = [],
): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: server.port }, () => {
      socket.write(
        [
          requestLine,
          `Host: 127.0.0.1:${server.port}`,
          ...headers,
          'Connection: close',
          '',
          '',
        ].join('\r\n'),
      );
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body });
    });
    socket.on('error', reject);
  });
}

describe("browser mode's token stays with Parallax (issue 13)", () => {
  it('sets no cookie on any answer: page, files, API calls and every refusal', async () => {
    const server = await startServer();
    const auth = { 'x-parallax-token': server.token };
    const responses = {
      page: await send(server, '/'),
      pageWithOldStyleToken: await send(server, `/?token=${server.token}`),
      file: await send(server, '/assets/app.js'),
      head: await send(server, '/', { method: 'HEAD' }),
      missing: await send(server, '/nothing-here.js'),
      api: await api(server, 'settings:get', auth),
      noToken: await api(server, 'settings:get', {}),
      wrongMethod: await send(server, '/api/settings:get', { headers: auth }),
      notJson: await send(server, '/api/settings:get', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/plain' },
        body: '{}',
      }),
      badJson: await api(server, 'settings:get', auth, '{'),
      otherHost: await send(server, '/', { headers: { host: `evil.example:${server.port}` } }),
      otherOrigin: await api(server, 'settings:get', { ...auth, origin: 'http://evil.example' }),
    };
    expect(responses.page.status).toBe(200);
    expect(responses.noToken.status).toBe(401);
    for (const [name, res] of Object.entries(responses)) {
      expect(res.headers['set-cookie'], name).toBeUndefined();
    }
    const malformed = await rawRequest(server, 'GET // HTTP/1.1');
    expect(malformed.head.toLowerCase()).not.toContain('set-cookie');
  });

  it('refuses an API call that carries the token in a cookie but not in the header', async () => {
    const server = await startServer();
    for (const cookie of [`parallax_token=${server.token}`, `token=${server.token}`]) {
      const res = await api(server, 'settings:update', { cookie }, '{"annotatorName":"Mallory"}');
      expect(res.status, cookie).toBe(401);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: TOKEN_REFUSAL });
    }
    const settings = await api(server, 'settings:get', { 'x-parallax-token': server.token });
    expect(JSON.parse(settings.body)).toEqual({ ok: true, value: { annotatorName: '' } });
  });

  it('answers malformed request targets with 400 and a short message, never a stack trace', async () => {
    const server = await startServer();
    // Watched, not replaced: anything logged still shows.
    const errors = vi.spyOn(console, 'error');
    try {
      const targets = [
        '//',
        '//evil.example/api/settings:get',
        'http://[',
        'http://[::1',
        'http://',
        'http://[/api/settings:get',
        `http://127.0.0.1:${server.port}/api/settings:get`,
        'http://evil.example/',
        '*',
        'settings:get',
      ];
      for (const target of targets) {
        for (const method of ['GET', 'POST']) {
          const res = await rawRequest(server, `${method} ${target} HTTP/1.1`, [
            `X-Parallax-Token: ${server.token}`,
            'Content-Type: application/json',
          ]);
          expect(res.status, `${method} ${target}`).toBe(400);
          expect(res.body, target).not.toMatch(/\bat |Error|TypeError/);
        }
      }
      const one = await rawRequest(server, 'GET http://[ HTTP/1.1');
      expect(one.head).toMatch(/^HTTP\/1\.1 400 /);
      expect(one.body).toContain('Bad request: the request target is not a path on this server.');
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    // The server is still there for the real page.
    expect((await send(server, '/')).status).toBe(200);
  });
});
