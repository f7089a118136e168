import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding package.json and resources/. Found by walking up, so it is
 * the same whether code runs from src/ (tests) or from the bundle in out/main/.
 */
export function findAppRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the Parallax folder above ${start}`);
    dir = parent;
  }
}

export const samplesDir = (appRoot: string): string => join(appRoot, 'resources', 'samples');
