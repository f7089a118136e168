import { expect, test } from './support/fixtures';

test('the page and the API refuse requests without the token', async ({ page, request, app }) => {
  const page401 = await page.goto(app.origin + '/');
  expect(page401?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('access token');

  const api401 = await request.post(`${app.origin}/api/library:overview`, { data: {} });
  expect(api401.status()).toBe(401);
  expect(await api401.json()).toEqual({ ok: false, error: 'Missing or wrong access token.' });

  const withToken = await request.post(`${app.origin}/api/library:overview`, {
    data: {},
    headers: { 'X-Parallax-Token': app.token },
  });
  expect(withToken.status()).toBe(200);
  expect((await withToken.json()).ok).toBe(true);
});

test('the UI keeps working after a reload', async ({ parallax }) => {
  await parallax.open();
  await expect(parallax.title).toContainText('Tehran Times vs CGTN');
  await parallax.page.reload();
  await expect(parallax.title).toContainText('Tehran Times vs CGTN');
  await parallax.showReading();
  await expect(parallax.sideB).toContainText('CGTN');
});
