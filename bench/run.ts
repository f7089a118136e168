// `npm run bench`: every benchmark in turn. Each module runs when imported, in
// this order (workspace last: it needs a build and Chromium); arguments (e.g. `-- --versions 2000`) go to the import benchmark.
import './import';
import './engine';
import './anchoring';
import './workspace';
