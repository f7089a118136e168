import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function appVersion(appRoot: string): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
}
