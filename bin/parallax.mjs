#!/usr/bin/env node
// The `parallax` command: runs the CLI bundle built by `npm run build`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(
    'parallax: the CLI is not built yet; run `npm run build` (or `npm start`) in the Parallax folder.',
  );
  process.exit(1);
}
createRequire(import.meta.url)(cli);
