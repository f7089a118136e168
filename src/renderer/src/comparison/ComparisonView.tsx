import type { ComparisonView as Comparison } from '../../../shared/api';
import { VersionColumn } from './VersionColumn';
import { Icon } from '../shell/Icon';

interface ComparisonViewProps {
  comparison: Comparison;
  onSwap: () => void;
}

/** The two versions side by side: A on the left, B on the right. */
export function ComparisonView({ comparison, onSwap }: ComparisonViewProps) {
  const { a, b } = comparison;
  // Name the story only when both sides report the same one; otherwise the title says enough.
  const story = a.story && a.story.id === b.story?.id ? a.story : null;
  return (
    <section
      className="comparison"
      data-testid="comparison"
      aria-label={comparison.comparison.title}
    >
      <div className="comparison-bar">
        <div className="comparison-story">
          {story ? (
            <>
              <p className="story-kicker" dir="auto">
                {story.title}
              </p>
              {story.description && (
                <p className="story-description" dir="auto">
                  {story.description}
                </p>
              )}
            </>
          ) : (
            <p className="story-kicker">Two versions side by side</p>
          )}
        </div>
        <button
          type="button"
          className="button button-quiet"
          onClick={onSwap}
          title="Put B on the left and A on the right"
        >
          <Icon d="M4 7h12m0 0l-3-3m3 3l-3 3M16 13H4m0 0l3-3m-3 3l3 3" strokeWidth={1.6} />
          Swap sides
        </button>
      </div>
      <div className="columns">
        <VersionColumn key={a.version.id} view={a} side="a" />
        <VersionColumn key={b.version.id} view={b} side="b" />
      </div>
    </section>
  );
}
