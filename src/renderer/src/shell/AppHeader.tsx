import { AnnotatorName } from './AnnotatorName';
import { Logo } from './Logo';
import { Icon } from './Icon';
import { ThemeButton } from './ThemeButton';

interface AppHeaderProps {
  title: string | null;
  pending: boolean;
  libraryOpen: boolean;
  libraryId: string;
  onToggleLibrary: () => void;
  onImport: () => void;
  onClassroom: () => void;
}

export function AppHeader({
  title,
  pending,
  libraryOpen,
  libraryId,
  onToggleLibrary,
  onImport,
  onClassroom,
}: AppHeaderProps) {
  return (
    <header className="app-header">
      <button
        type="button"
        className="button button-quiet library-toggle"
        aria-expanded={libraryOpen}
        aria-controls={libraryId}
        title={libraryOpen ? 'Hide the library' : 'Show the library'}
        onClick={onToggleLibrary}
      >
        <Icon d="M3 5h14M3 10h14M3 15h14" strokeWidth={1.8} />
        Library
      </button>
      <div className="brand">
        <Logo />
        <h1>Parallax</h1>
      </div>
      {title && (
        <p className="header-title" data-testid="comparison-title" dir="auto" title={title}>
          {title}
        </p>
      )}
      <button
        type="button"
        className="button import-button"
        title="Import articles from files, pasted text or a web address (or drop files on the window)"
        onClick={onImport}
      >
        <Icon d="M10 3v9m0 0L6.5 8.5M10 12l3.5-3.5M4 13v2.5A1.5 1.5 0 005.5 17h9a1.5 1.5 0 001.5-1.5V13" />
        Import
      </button>
      <button
        type="button"
        className="button button-quiet"
        title="Class bundles: hand out an assignment, open one, or merge students’ work"
        onClick={onClassroom}
      >
        <Icon d="M3 8l7-4 7 4-7 4-7-4zM6 10v4c0 1 2 2.5 4 2.5s4-1.5 4-2.5v-4" strokeWidth={1.6} />
        Class
      </button>
      <AnnotatorName />
      <ThemeButton />
      {/* One quiet bar for every request in flight; the regions themselves carry aria-busy. */}
      <div className={`progress${pending ? ' is-active' : ''}`} aria-hidden="true" />
    </header>
  );
}
