// The built `parallax` command as a shell user runs it.
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';

test('a reader that closes the pipe early (parallax … | head) ends the command quietly', async () => {
  const child = spawn(process.execPath, ['out/main/cli.js', '--help'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Close our end before the command writes, as `head` does once it has its lines.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(stderr).not.toContain('EPIPE');
  expect(code).toBe(0);
});
