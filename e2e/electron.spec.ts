// The desktop shell, driven through Playwright's Electron support. It needs
// Electron's binary, which offline installs (and our CI) do not have: there the
// test says why it skips. Everything behind the shell is covered by the
// browser-mode specs, which use the same services and UI.
import { _electron as electron, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function electronBinary(): { path: string | null; reason: string } {
  try {
    const path = createRequire(join(process.cwd(), 'package.json'))('electron') as string;
    if (!existsSync(path)) return { path: null, reason: `Electron's binary is missing at ${path}` };
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      return {
        path: null,
        reason: 'there is no display (DISPLAY/WAYLAND_DISPLAY) for an Electron window',
      };
    }
    return { path, reason: '' };
  } catch {
    // electron/index.js throws when the install skipped or failed the binary download.
    return {
      path: null,
      reason: "Electron's binary is not installed (its download was skipped or failed)",
    };
  }
}

test('the Electron app opens the sample comparison', async () => {
  const binary = electronBinary();
  if (!binary.path) console.log(`[e2e] Electron test skipped: ${binary.reason}.`);
  test.skip(!binary.path, `${binary.reason}; browser-mode specs cover the same UI and services`);

  // What `npm start` does before launching: better-sqlite3 built for Electron's ABI.
  execFileSync(process.execPath, ['scripts/build-electron-native.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'parallax-electron-'));
  const app = await electron.launch({
    executablePath: binary.path!,
    args: ['.', '--db', join(dir, 'library.db')],
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('comparison-title')).toContainText('Tehran Times vs CGTN');
    await window.getByRole('tab', { name: 'Reading' }).click();
    await expect(window.getByTestId('side-a')).toContainText('Tehran Times');
    await expect(window.getByTestId('side-b')).toContainText('CGTN');
    // The renderer has no Node: the sandbox holds.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
