// Entry point of the `parallax` command (bundled to out/main/cli.js).
import { runCli } from './runCli';

// `parallax list | head` closes the pipe early: the reader has what it wanted, so
// stop quietly instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
}).then((code) => {
  // `serve` keeps running: its open server holds the process alive.
  if (code !== 0) process.exitCode = code;
});
