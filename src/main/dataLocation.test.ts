import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataDir, resolveDatabasePath } from './dataLocation';

describe('where the library lives', () => {
  it('prefers --db, then PARALLAX_DB, then the userData folder', () => {
    expect(resolveDatabasePath({ flag: '/x/flag.db', env: { PARALLAX_DB: '/x/env.db' } })).toBe(
      '/x/flag.db',
    );
    expect(resolveDatabasePath({ env: { PARALLAX_DB: '/x/env.db' } })).toBe('/x/env.db');
    expect(resolveDatabasePath({ env: {}, userDataDir: '/u/Parallax' })).toBe(
      join('/u/Parallax', 'parallax.db'),
    );
  });

  it("matches Electron's appData folder on each platform", () => {
    expect(appDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config');
    expect(appDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg');
    expect(appDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support');
    expect(
      appDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana'),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming');
  });
});
