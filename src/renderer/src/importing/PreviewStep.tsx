import { useId, useMemo, type RefObject } from 'react';
import type { LibraryOverview } from '../../../shared/api';
import { formatCount } from '../format/counts';
import { ArticleCard } from './ArticleCard';
import { CleanupReport } from './CleanupReport';
import type { DraftArticle, DraftSource } from './draft';

interface PreviewStepProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  sources: DraftSource[];
  story: string;
  overview: LibraryOverview | null;
  showProblems: boolean;
  onStory: (story: string) => void;
  onChangeArticle: (sourceKey: string, articleKey: string, patch: Partial<DraftArticle>) => void;
  onMerge: (sourceKey: string, index: number) => void;
  onSplit: (sourceKey: string, index: number, paragraphIndex: number) => void;
}

function sourceTitle(source: DraftSource): string {
  if (source.sourceKind === 'paste') return 'From the pasted text';
  return `From ${source.name ?? 'the page'}`;
}

/** Names already in the library, offered as suggestions while typing. */
function libraryNames(overview: LibraryOverview | null): { outlets: string[]; stories: string[] } {
  if (!overview) return { outlets: [], stories: [] };
  const entries = [...overview.stories.flatMap((s) => s.articles), ...overview.unfiled];
  const outlets = [...new Set(entries.map((e) => e.outlet.name))].sort();
  const stories = overview.stories.map((s) => s.story.title);
  return { outlets, stories };
}

/** What Parallax proposes to save: warnings first, then each article as an editable card. */
export function PreviewStep(props: PreviewStepProps) {
  const { headingRef, sources, story, overview, showProblems } = props;
  const { onStory, onChangeArticle, onMerge, onSplit } = props;
  const outletListId = useId();
  const storyListId = useId();
  const storyHint = useId();
  const names = useMemo(() => libraryNames(overview), [overview]);
  const many = sources.length > 1;
  const total = sources.reduce((n, s) => n + s.articles.length, 0);
  const warnings = sources.flatMap((source) =>
    source.warnings.map((warning) => ({
      key: `${source.key}:${warning}`,
      text: many ? `${source.name ?? 'The text'}: ${warning}` : warning,
    })),
  );

  return (
    <div className="import-preview">
      <h3 className="import-step-title" ref={headingRef} tabIndex={-1}>
        Check {total === 1 ? 'the article' : `the ${total} articles`} before saving
      </h3>

      {warnings.length > 0 && (
        <section className="import-warnings" aria-labelledby="import-warnings-title">
          <h4 id="import-warnings-title" className="import-warnings-title">
            <svg viewBox="0 0 20 20" aria-hidden="true" className="warning-icon">
              <path
                d="M10 2.5l8 14.5H2z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.7"
                strokeLinejoin="round"
              />
              <path d="M10 8v4.2" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" />
              <circle cx="10" cy="14.6" r="1.05" fill="currentColor" />
            </svg>
            {formatCount(warnings.length, 'thing', 'things')} to check
          </h4>
          <div role="status" data-testid="import-warnings">
            <ul>
              {warnings.map((warning) => (
                <li key={warning.key}>{warning.text}</li>
              ))}
            </ul>
          </div>
        </section>
      )}

      <div className="field import-story-field">
        <label htmlFor="import-story">
          Story <span className="optional">(optional)</span>
        </label>
        <input
          id="import-story"
          type="text"
          value={story}
          list={storyListId}
          autoComplete="off"
          aria-describedby={storyHint}
          onChange={(event) => onStory(event.target.value)}
        />
        <p className="field-hint" id={storyHint}>
          The event these articles report. Saved articles are filed under it; a new name starts a
          new story.
        </p>
        <datalist id={storyListId}>
          {names.stories.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <datalist id={outletListId}>
        {names.outlets.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>

      {sources.map((source) => (
        <section
          className="import-source-group"
          key={source.key}
          aria-label={sourceTitle(source)}
          data-testid="import-source"
        >
          <p className="import-source-name">
            {sourceTitle(source)}
            <span className="muted"> · {formatCount(source.articles.length, 'article')}</span>
          </p>
          <ol className="import-cards">
            {source.articles.map((article, index) => (
              <li key={article.key}>
                <ArticleCard
                  article={article}
                  index={index}
                  count={source.articles.length}
                  outletListId={outletListId}
                  showProblems={showProblems}
                  onChange={(patch) => onChangeArticle(source.key, article.key, patch)}
                  onMerge={() => onMerge(source.key, index)}
                  onSplit={(paragraphIndex) => onSplit(source.key, index, paragraphIndex)}
                />
              </li>
            ))}
          </ol>
          <CleanupReport source={source} />
        </section>
      ))}
    </div>
  );
}
