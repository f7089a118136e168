// The preload runs in a sandboxed renderer, where `require` knows only a few
// Electron modules: the built bundle must require `electron` and nothing else
// (SECURITY.md, checklist item 4). Needs a build (`npx electron-vite build`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bundle = join(__dirname, '../../../out/preload/index.js');
const built = existsSync(bundle);
if (!built) console.log(`Skipping the preload bundle test: ${bundle} is not built.`);

describe.skipIf(!built)('the built preload bundle', () => {
  it('requires only electron', () => {
    const source = readFileSync(bundle, 'utf8');
    const required = [...source.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map(
      (match) => match[2],
    );
    expect(required.length).toBeGreaterThan(0);
    expect([...new Set(required)]).toEqual(['electron']);
    // No dynamic require(variable) or import() either.
    expect(source).not.toMatch(/\brequire\s*\(\s*[^'"`\s)]/);
    expect(source).not.toMatch(/\bimport\s*\(/);
  });
});
