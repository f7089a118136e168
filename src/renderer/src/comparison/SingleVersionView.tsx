import type { VersionView } from '../../../shared/domain';
import { VersionColumn } from './VersionColumn';

/** One version read on its own (opened from search), until a second side is chosen. */
export function SingleVersionView({ view }: { view: VersionView }) {
  return (
    <section
      className="single-version"
      data-testid="version-reader"
      aria-label="Reading one version"
    >
      <p className="single-version-hint">
        Reading one version. Mark it <strong>A</strong> or <strong>B</strong> in the library, choose
        the other side, and press <strong>Compare</strong>.
      </p>
      <VersionColumn key={view.version.id} view={view} />
    </section>
  );
}
