// Entry point of the `parallax` command (bundled to out/main/cli.js).
import { runCli } from './runCli';

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
}).then((code) => {
  // `serve` keeps running: its open server holds the process alive.
  if (code !== 0) process.exitCode = code;
});
