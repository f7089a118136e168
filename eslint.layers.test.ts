// The layer rule of DESIGN.md is only as good as its lint config: check that it
// actually rejects each forbidden arrow and allows the permitted ones.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: __dirname });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/core/x.ts', "import fs from 'fs';"],
    ['src/core/x.ts', "import { app } from 'electron';"],
    ['src/core/x.ts', "import { createRoot } from 'react-dom/client';"],
    ['src/core/x.ts', "import { openLibrary } from '../main/db/library';"],
    ['src/shared/x.ts', "import { countWords } from '../core/canonicalText';"],
    ['src/renderer/src/x.ts', "import { openLibrary } from '../../main/db/library';"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src/main/services/x.ts', "import { ipcMain } from 'electron';"],
    ['src/main/db/x.ts', "import { api } from '../../renderer/src/api/client';"],
    ['src/preload/x.ts', "import { openLibrary } from '../main/db/library';"],
  ])('forbids in %s: %s', async (file, code) => {
    expect(await layerErrors(file, `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['src/core/x.ts', "import { channels } from '../shared/channels';"],
    ['src/renderer/src/x.ts', "import { countWords } from '../../core/canonicalText';"],
    ['src/main/electron/x.ts', "import { app } from 'electron';"],
    ['src/main/db/x.ts', "import { join } from 'node:path';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await layerErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
