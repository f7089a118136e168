// The fuse script runs at packaging, on a real Electron binary that our machines
// do not have; here it runs on a file holding the same sentinel and fuse wire.
import { FuseV1Options } from '@electron/fuses';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parallaxFuses, setParallaxFuses } from '../../../scripts/set-fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49; // '1'
const DISABLE = 48; // '0'
let dir = '';

/**
 * Electron's real default fuse wire, in @electron/fuses' order (FuseV1Options):
 * RunAsNode 1, EnableCookieEncryption 0, EnableNodeOptionsEnvironmentVariable 1,
 * EnableNodeCliInspectArguments 1, EnableEmbeddedAsarIntegrityValidation 0,
 * OnlyLoadAppFromAsar 0, LoadBrowserProcessSpecificV8Snapshot 0,
 * GrantFileProtocolExtraPrivileges 1. Every fuse Parallax flips starts the other
 * way, so a fuse the script failed to write shows.
 */
const ELECTRON_DEFAULTS = '10110001';

/** A stand-in binary: the sentinel, wire version 1, 8 fuses at Electron's defaults. */
function fakeElectron(): string {
  dir = mkdtempSync(join(tmpdir(), 'parallax-fuses-'));
  const path = join(dir, 'electron');
  const fuses = ELECTRON_DEFAULTS.split('').map((c) => c.charCodeAt(0));
  const wire = Buffer.from([1, fuses.length, ...fuses]);
  writeFileSync(
    path,
    Buffer.concat([Buffer.alloc(64, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(64, 9)]),
  );
  return path;
}

function fuseBytes(path: string): number[] {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return [...bytes.subarray(at, at + 8)];
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Electron fuses at packaging', () => {
  it('turns off Node as a back door and turns on asar integrity and cookie encryption', () => {
    expect(parallaxFuses).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('writes exactly those fuses into the binary', async () => {
    const path = fakeElectron();
    expect(
      fuseBytes(path)
        .map((byte) => String.fromCharCode(byte))
        .join(''),
    ).toBe(ELECTRON_DEFAULTS);
    await setParallaxFuses(path);
    expect(fuseBytes(path)).toEqual([
      DISABLE,
      ENABLE,
      DISABLE,
      DISABLE,
      ENABLE,
      ENABLE,
      DISABLE,
      DISABLE,
    ]);
  });

  it('as a command, says what it did, and fails clearly on a file that is not Electron', () => {
    const path = fakeElectron();
    const script = join(__dirname, '../../../scripts/set-fuses.mjs');
    expect(execFileSync(process.execPath, [script, path], { encoding: 'utf8' })).toContain(
      'Fuses set',
    );
    writeFileSync(join(dir, 'not-electron'), 'hello');
    expect(() =>
      execFileSync(process.execPath, [script, join(dir, 'not-electron')], { stdio: 'pipe' }),
    ).toThrow(/Could not set fuses.*sentinel/s);
  });
});
