import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../services/handlers';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { sampleFolder, tempDir, tempLibrary } from '../testing/tempLibrary';
import { startBrowserServer, type RunningServer } from './browserServer';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function startServer(): Promise<RunningServer> {
  const library = tempLibrary();
  await seedSampleCorpus(library, sampleFolder());
  const rendererDir = tempDir();
  mkdirSync(join(rendererDir, 'assets'));
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
  it('listens on 127.0.0.1 and prints a URL carrying the token', async () => {
    const server = await startServer();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
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
    expect(JSON.parse(wrong.body)).toEqual({ ok: false, error: 'Missing or wrong access token.' });
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

  it('serves the page only with the token, then by cookie for its assets', async () => {
    const server = await startServer();
    expect((await send(server, '/')).status).toBe(401);
    expect((await send(server, '/assets/app.js')).status).toBe(401);
    const page = await send(server, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe(`parallax_token=${server.token}`);
    expect((await send(server, '/assets/app.js', { headers: { cookie } })).status).toBe(200);
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
