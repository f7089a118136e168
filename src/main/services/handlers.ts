import type { Handlers } from '../../shared/api';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { EngineRunner } from '../engine/engineRunner';
import {
  createAnnotations,
  deleteAnnotation,
  listAnnotations,
  restoreAnnotation,
  updateAnnotation,
} from './annotations';
import { createCode, mergeCodes, updateCode } from './codes';
import { previewImport } from './importSources';
import { saveArticles } from './saveArticles';
import { libraryOverview, versionView } from './libraryQueries';
import { deleteLens, saveLens } from './lenses';
import { getSettings, updateSettings } from './settings';
import { createReport } from './reports';
import { printPdf } from '../export/chromiumPdf';
import { exportBundleFile, mergeUploadedBundle } from './bundles';
import { openedBundles } from '../bundle/bundleFacts';

export interface AppContext {
  mode: 'electron' | 'browser' | 'cli';
  appVersion: string;
  /** Prints a report page to PDF: Electron's own printToPDF in the app, else a headless Chromium. */
  printPdf?: (html: string) => Promise<Buffer>;
}

/** The whole API, implemented once over a library; IPC, HTTP and the CLI all call these. */
export function createHandlers(
  library: Library,
  context: AppContext,
  engine: EngineRunner = new EngineRunner(),
): Handlers {
  const viewVersion = (id: string) => versionView(library, id);

  return {
    'app:info': () => ({
      version: context.appVersion,
      mode: context.mode,
      databasePath: library.path,
    }),

    'library:overview': () => libraryOverview(library),

    'library:search': ({ query, limit }) => ({ hits: library.versions.search(query, limit) }),

    'version:get': ({ id }) => viewVersion(id),

    'import:preview': ({ source, outlet }) => previewImport(source, outlet),

    'import:commit': ({ articles, story, rawInput, sourceKind, sourceName }) => ({
      saved: saveArticles(library, { articles, story, rawInput, sourceKind, sourceName }),
    }),

    'comparison:list': () => ({ comparisons: library.comparisons.list() }),

    'comparison:open': ({ aVersionId, bVersionId }) => {
      if (aVersionId === bVersionId)
        throw new UserError('Choose two different versions to compare.');
      const a = viewVersion(aVersionId);
      const b = viewVersion(bVersionId);
      const topic = a.story?.title ?? b.story?.title ?? a.version.headline;
      const comparison = library.transaction(() =>
        library.comparisons.open(
          aVersionId,
          bVersionId,
          `${a.outlet.name} vs ${b.outlet.name}: ${topic}`,
        ),
      );
      return { comparison, a, b };
    },

    'comparison:analyze': async ({ aVersionId, bVersionId }) => {
      const a = viewVersion(aVersionId).version;
      const b = viewVersion(bVersionId).version;
      return engine.run('compare', { aBody: a.body, bBody: b.body, lenses: library.lenses.list() });
    },

    'version:diff': async ({ oldVersionId, newVersionId, hideCosmetic }) => {
      const before = viewVersion(oldVersionId).version;
      const after = viewVersion(newVersionId).version;
      return engine.run('versionDiff', { oldBody: before.body, newBody: after.body, hideCosmetic });
    },

    'codebook:list': () => ({ codebooks: library.codebooks.list() }),

    'code:create': (request) => ({ code: createCode(library, request) }),

    'code:update': (request) => ({ code: updateCode(library, request) }),

    'code:merge': (request) => mergeCodes(library, request),

    'annotation:list': (request) => listAnnotations(library, request),

    'annotation:create': (request) => ({ annotations: createAnnotations(library, request) }),

    'annotation:update': (request) => ({ annotation: updateAnnotation(library, request) }),

    'annotation:delete': (request) => deleteAnnotation(library, request),

    'annotation:restore': (request) => ({ annotation: restoreAnnotation(library, request) }),

    'lens:list': () => ({ lenses: library.lenses.list() }),

    'lens:save': (request) => ({ lens: saveLens(library, request) }),

    'lens:delete': (request) => {
      deleteLens(library, request);
      return {};
    },

    'settings:get': () => getSettings(library),

    'settings:update': (request) => updateSettings(library, request),

    'report:create': (request) =>
      createReport(library, request, context.printPdf ?? ((html) => printPdf(html))),

    'bundle:export': (request) => exportBundleFile(library, request, context.appVersion),

    'bundle:open': (request) => mergeUploadedBundle(library, request),

    'bundle:assignments': () => ({ bundles: openedBundles(library) }),
  };
}
