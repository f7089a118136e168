// Test support, run as its own process (node --import tsx): merges the bundles given
// after the library path, saying "merging" on stdout first, so a test can kill it
// half-way through as a power cut or a crash would.
import { mergeBundles } from '../bundle/mergeBundle';
import { openLibrary } from '../db/library';

const [libraryPath, ...bundles] = process.argv.slice(2);
const library = openLibrary(libraryPath!);
process.stdout.write('merging\n');
mergeBundles(
  library,
  bundles.map((path) => ({ path })),
);
library.close();
process.stdout.write('merged\n');
