import type { RefObject } from 'react';
import type { SavedArticle } from '../../../shared/api';
import { formatCount } from '../format/counts';

interface SavedStepProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  saved: SavedArticle[];
  onOpen: (versionId: string) => void;
}

/** What the save did, article by article: added, or already in the library. */
export function SavedStep({ headingRef, saved, onOpen }: SavedStepProps) {
  const added = saved.filter((s) => s.created).length;
  const known = saved.length - added;
  const title =
    added === 0
      ? 'Nothing new: the library already had all of it'
      : known === 0
        ? `Saved ${formatCount(added, 'article')}`
        : `Saved ${formatCount(added, 'article')}; ${known} already in the library`;
  return (
    <div className="import-saved">
      <h3 className="import-step-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <ul className="saved-list" data-testid="import-results">
        {saved.map((item) => (
          <li
            key={`${item.versionId}`}
            className={`saved-item${item.created ? ' is-created' : ' is-known'}`}
            data-testid="import-result"
            data-created={item.created}
          >
            <span className="saved-badge">
              {item.created ? (
                <svg viewBox="0 0 20 20" aria-hidden="true">
                  <path
                    d="M4.5 10.5l3.5 3.5 7.5-8"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
              ) : (
                <svg viewBox="0 0 20 20" aria-hidden="true">
                  <circle
                    cx="10"
                    cy="10"
                    r="7"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.8"
                  />
                  <path d="M6.5 10h7" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              )}
              {item.created ? 'Added' : 'Already in the library'}
            </span>
            <p className="saved-message" dir="auto">
              {item.message}
            </p>
            <button
              type="button"
              className="button button-small"
              onClick={() => onOpen(item.versionId)}
              aria-label={`Read ${item.outlet}: ${item.headline}`}
            >
              Read
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
