// Test support, run as its own process (node --import tsx): merges the bundles given
// after the library path and is killed (SIGKILL, as by a crash or a power cut) at the
// worst moment: every bundle open, every row written, the transaction not committed.
import { mergeBundles } from '../bundle/mergeBundle';
import { openLibrary, type Library } from '../db/library';

const [libraryPath, ...bundles] = process.argv.slice(2);
const library = openLibrary(libraryPath!);
const transaction = library.transaction.bind(library);
const crashing: Library = {
  ...library,
  transaction: (work) =>
    transaction(() => {
      const result = work();
      process.kill(process.pid, 'SIGKILL');
      return result;
    }),
};
mergeBundles(
  crashing,
  bundles.map((path) => ({ path })),
);
process.stdout.write('merged\n');
