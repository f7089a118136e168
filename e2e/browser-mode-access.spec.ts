import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/fixtures';

const TOKEN_REFUSAL =
  'Missing or wrong access token: open the full address Parallax printed when it started (…/#token=…).';

test('without the token the page loads but the API refuses it, cookie or not', async ({
  page,
  request,
  app,
}) => {
  const withoutToken = await page.goto(app.origin + '/');
  expect(withoutToken?.status()).toBe(200);
  // The UI's files hold no secret; the library stays shut, and the page says how to open it.
  await expect(page.getByRole('alert').first()).toContainText('access token');

  const noHeader = await request.post(`${app.origin}/api/library:overview`, { data: {} });
  expect(noHeader.status()).toBe(401);
  expect(await noHeader.json()).toEqual({ ok: false, error: TOKEN_REFUSAL });

  // The old cookie, as a browser would still send it to every port of 127.0.0.1.
  const cookieOnly = await request.post(`${app.origin}/api/library:overview`, {
    data: {},
    headers: { Cookie: `parallax_token=${app.token}` },
  });
  expect(cookieOnly.status()).toBe(401);

  const withToken = await request.post(`${app.origin}/api/library:overview`, {
    data: {},
    headers: { 'X-Parallax-Token': app.token },
  });
  expect(withToken.status()).toBe(200);
  expect((await withToken.json()).ok).toBe(true);
});

test('the token leaves the address bar, no cookie is set, and a reload keeps working', async ({
  parallax,
  page,
  app,
}) => {
  await parallax.open();
  await expect(parallax.title).toContainText('Tehran Times vs CGTN');
  expect(page.url()).toBe(app.origin + '/');
  expect(await page.context().cookies()).toEqual([]);
  await page.reload();
  await expect(parallax.title).toContainText('Tehran Times vs CGTN');
  await parallax.showReading();
  await expect(parallax.sideB).toContainText('CGTN');
});

test('another server on 127.0.0.1 that the browser visits gets nothing of the token', async ({
  parallax,
  page,
  app,
}) => {
  // A local program on another port: it sees every header the browser sends it.
  const seen: IncomingHttpHeaders[] = [];
  const other = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>Another program</title>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    await parallax.open();
    await expect(parallax.title).toContainText('Tehran Times vs CGTN');
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    await expect(page).toHaveTitle('Another program');
    expect(seen.length).toBeGreaterThan(0);
    for (const headers of seen) {
      expect(headers.cookie).toBeUndefined();
      expect(JSON.stringify(headers)).not.toContain(app.token);
    }
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});
