import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComparisonView as Comparison, LibraryOverview } from '../../shared/api';
import type { VersionView } from '../../shared/domain';
import { api } from './api/client';
import { ALIGNED_SHORTCUTS } from './comparison/aligned/alignedKeys';
import { ANNOTATION_SHORTCUTS } from './comparison/annotation/annotationShortcuts';
import { ComparisonView } from './comparison/ComparisonView';
import { LENS_SHORTCUTS } from './comparison/lenses/LensBar';
import { VERSION_SHORTCUTS } from './comparison/versions/versionShortcuts';
import { NoComparison } from './comparison/NoComparison';
import { SingleVersionView } from './comparison/SingleVersionView';
import { useErrors } from './hooks/useErrors';
import { DropOverlay } from './importing/DropOverlay';
import { ImportDialog, type ImportDialogHandle } from './importing/ImportDialog';
import { useImportTriggers, type ImportInput } from './importing/useImportTriggers';
import { useMediaQuery } from './hooks/useMediaQuery';
import { usePending } from './hooks/usePending';
import { LibraryView } from './library/LibraryView';
import {
  canCompare,
  chooseSide,
  NO_SELECTION,
  type Side,
  type SideSelection,
} from './library/selection';
import { AppHeader } from './shell/AppHeader';
import { ClassroomDialog } from './classroom/ClassroomDialog';
import { LibraryChangesContext } from './libraryChanges';
import { ErrorAlerts } from './shell/ErrorAlerts';
import { GLOBAL_SHORTCUTS, type ShortcutGroup } from './shell/shortcuts';
import { ShortcutsSheet } from './shell/ShortcutsSheet';
import { useGlobalShortcuts } from './shell/useGlobalShortcuts';

/** What the main area shows. */
type MainView =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'comparison'; comparison: Comparison }
  | { kind: 'version'; view: VersionView };

const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  { title: 'Everywhere', shortcuts: GLOBAL_SHORTCUTS },
  { title: 'Aligned comparison', shortcuts: ALIGNED_SHORTCUTS },
  { title: 'Lenses', shortcuts: LENS_SHORTCUTS },
  { title: 'Annotating', shortcuts: ANNOTATION_SHORTCUTS },
  { title: 'Changes between versions', shortcuts: VERSION_SHORTCUTS },
];

/** Below this width the library stacks above the reading area and starts folded away. */
const NARROW = '(max-width: 800px)';
const LIBRARY_ID = 'library';

function mainTitle(main: MainView): string | null {
  if (main.kind === 'comparison') return main.comparison.comparison.title;
  if (main.kind === 'version') return `${main.view.outlet.name}: ${main.view.version.headline}`;
  return null;
}

function hasArticles(overview: LibraryOverview | null): boolean {
  return (
    overview !== null &&
    (overview.unfiled.length > 0 || overview.stories.some((s) => s.articles.length > 0))
  );
}

export function App() {
  const { errors, report, dismiss } = useErrors();
  const { pending, track } = usePending();
  const narrow = useMediaQuery(NARROW);
  const [libraryOpen, setLibraryOpen] = useState(() => !window.matchMedia(NARROW).matches);
  const [overview, setOverview] = useState<LibraryOverview | null>(null);
  const [classroomOpen, setClassroomOpen] = useState(false);
  const [main, setMain] = useState<MainView>({ kind: 'loading' });
  const [selection, setSelection] = useState<SideSelection>(NO_SELECTION);
  const importDialog = useRef<ImportDialogHandle>(null);
  const [importOpen, setImportOpen] = useState(false);
  const startImport = useCallback((input: ImportInput | null) => {
    importDialog.current?.start(input);
  }, []);
  const dragging = useImportTriggers({ onImport: startImport, pasteEnabled: !importOpen });
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const toggleShortcuts = useCallback(() => setShortcutsOpen((open) => !open), []);
  const focusSearch = useCallback(() => {
    setLibraryOpen(true);
    // After the library is shown again.
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus(),
    );
  }, []);
  useGlobalShortcuts({ toggleShortcuts, search: focusSearch });

  const showComparison = useCallback((comparison: Comparison) => {
    setMain({ kind: 'comparison', comparison });
    // The library's A/B buttons follow what is on screen, ready for changing one side.
    setSelection({ a: comparison.a.version.id, b: comparison.b.version.id });
  }, []);

  const loadOverview = useCallback(() => {
    track(api['library:overview']({})).then(setOverview, report);
  }, [track, report]);

  // Bumped when the library changed under the open comparison (a bundle merged,
  // versions imported): its annotations, orphans and coders load again.
  const [libraryChanges, setLibraryChanges] = useState(0);
  const libraryChanged = useCallback(() => {
    loadOverview();
    setLibraryChanges((count) => count + 1);
  }, [loadOverview]);

  useEffect(loadOverview, [loadOverview]);

  // A newcomer lands on the most recently opened comparison (the sample one in a new library).
  useEffect(() => {
    let cancelled = false;
    const openLatest = async (): Promise<Comparison | null> => {
      const { comparisons } = await api['comparison:list']({});
      const latest = comparisons[0];
      if (!latest) return null;
      return api['comparison:open']({
        aVersionId: latest.aVersionId,
        bVersionId: latest.bVersionId,
      });
    };
    track(openLatest()).then(
      (comparison) => {
        if (cancelled) return;
        if (comparison) showComparison(comparison);
        else setMain({ kind: 'none' });
      },
      (error: unknown) => {
        if (cancelled) return;
        report(error);
        setMain({ kind: 'none' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [track, report, showComparison]);

  const title = mainTitle(main);
  useEffect(() => {
    document.title = title ? `${title} — Parallax` : 'Parallax';
  }, [title]);

  /** After choosing from the library on a small screen, fold it away so the text is in view. */
  const revealMain = useCallback(() => {
    if (narrow) setLibraryOpen(false);
    window.scrollTo({ top: 0 });
  }, [narrow]);

  const openComparison = useCallback(
    (aVersionId: string, bVersionId: string) => {
      track(api['comparison:open']({ aVersionId, bVersionId })).then((comparison) => {
        showComparison(comparison);
        revealMain();
      }, report);
    },
    [track, report, showComparison, revealMain],
  );

  const openVersion = useCallback(
    (id: string) => {
      track(api['version:get']({ id })).then((view) => {
        setMain({ kind: 'version', view });
        revealMain();
      }, report);
    },
    [track, report, revealMain],
  );

  const choose = useCallback((side: Side, versionId: string) => {
    setSelection((current) => chooseSide(current, side, versionId));
  }, []);

  const compare = (): void => {
    if (canCompare(selection) && selection.a && selection.b)
      openComparison(selection.a, selection.b);
  };

  const swap = (): void => {
    if (main.kind === 'comparison') {
      openComparison(main.comparison.b.version.id, main.comparison.a.version.id);
    }
  };

  return (
    <LibraryChangesContext value={libraryChanges}>
      <div className={`app${libraryOpen ? '' : ' library-closed'}`}>
        <a className="skip-link" href="#content">
          Skip to the text
        </a>
        <AppHeader
          title={title}
          pending={pending}
          libraryOpen={libraryOpen}
          libraryId={LIBRARY_ID}
          onToggleLibrary={() => setLibraryOpen((open) => !open)}
          onImport={() => startImport(null)}
          onClassroom={() => setClassroomOpen(true)}
        />
        <div className="shell">
          <LibraryView
            id={LIBRARY_ID}
            hidden={!libraryOpen}
            overview={overview}
            selection={selection}
            onChoose={choose}
            onCompare={compare}
            onOpenVersion={openVersion}
            onRefresh={loadOverview}
            onError={report}
          />
          <main id="content" className="content" tabIndex={-1} aria-busy={main.kind === 'loading'}>
            {main.kind === 'loading' && (
              <p className="loading-text">Opening the latest comparison…</p>
            )}
            {main.kind === 'none' && (
              <NoComparison
                hasArticles={hasArticles(overview)}
                onImport={() => startImport(null)}
              />
            )}
            {main.kind === 'comparison' && (
              // A new comparison starts afresh: its own mode, lens and focus.
              <ComparisonView
                key={main.comparison.comparison.id}
                comparison={main.comparison}
                onSwap={swap}
              />
            )}
            {main.kind === 'version' && <SingleVersionView view={main.view} />}
          </main>
        </div>
        <ErrorAlerts errors={errors} onDismiss={dismiss} />
        <ImportDialog
          handleRef={importDialog}
          overview={overview}
          dragging={dragging}
          onOpenChange={setImportOpen}
          onSaved={libraryChanged}
          onOpenVersion={openVersion}
        />
        {dragging && !importOpen && <DropOverlay />}
        <ClassroomDialog
          open={classroomOpen}
          overview={overview}
          onClose={() => setClassroomOpen(false)}
          onOpened={libraryChanged}
        />
        <ShortcutsSheet
          open={shortcutsOpen}
          groups={SHORTCUT_GROUPS}
          onClose={() => setShortcutsOpen(false)}
        />
      </div>
    </LibraryChangesContext>
  );
}
