import { useId, useMemo, useState } from 'react';
import { splitParagraphs } from '../../../core/canonicalText';
import type { Version, VersionView } from '../../../shared/domain';
import { RawDiffView } from '../diff/RawDiffView';
import { cleanedText } from '../importing/draft';
import { formatWordCount } from '../format/counts';
import { formatDate, formatDateTime } from '../format/dates';
import type { Side } from '../library/selection';
import { Icon } from '../shell/Icon';

interface VersionColumnProps {
  view: VersionView;
  /** Which side of a comparison this column is; none when a version is read on its own. */
  side?: Side;
}

/** The stored cleaned text, laid out as the import dialog's diff lays it out. */
function storedCleanedText(version: Version, paragraphs: string[]): string {
  return cleanedText([
    {
      headline: version.headline,
      deck: version.deck,
      byline: version.byline,
      paragraphs,
      captions: version.captions,
    },
  ]);
}

/** One captured version, as the outlet published it: headline, credits, dates, body, captions. */
export function VersionColumn({ view, side }: VersionColumnProps) {
  const { version, outlet } = view;
  const paragraphs = useMemo(() => splitParagraphs(version.body), [version.body]);
  const subheads = useMemo(() => new Set(version.subheads), [version.subheads]);
  const [showRaw, setShowRaw] = useState(false);
  const captionsId = useId();
  const rawId = useId();
  const sideName = side?.toUpperCase();
  const testId = (name: string) => (side ? `${name}-${side}` : name);

  return (
    <article
      className={`version-column${side ? ` side-${side}` : ''}`}
      aria-label={`${outlet.name}: ${version.headline}`}
      data-testid={side ? `side-${side}` : 'version'}
    >
      <header className="column-head">
        <p className="outlet-label">
          {sideName && (
            <>
              <span className="side-badge" aria-hidden="true">
                {sideName}
              </span>
              <span className="visually-hidden">Side {sideName}: </span>
            </>
          )}
          <span className="outlet-label-name">{outlet.name}</span>
          {outlet.domain && <span className="outlet-domain">{outlet.domain}</span>}
        </p>
        <h2 className="headline" dir="auto">
          {version.headline}
        </h2>
        {version.deck && (
          <p className="deck" dir="auto">
            {version.deck}
          </p>
        )}
        {version.byline && (
          <p className="byline" dir="auto">
            {version.byline}
          </p>
        )}
        <p className="version-meta">
          {version.publishedAt && (
            <span>
              Published{' '}
              <time dateTime={version.publishedAt}>{formatDate(version.publishedAt)}</time>
            </span>
          )}
          <span>
            Captured <time dateTime={version.capturedAt}>{formatDateTime(version.capturedAt)}</time>
          </span>
          <span>Version {version.seq}</span>
          <span>{formatWordCount(version.wordCount)}</span>
        </p>
        <button
          type="button"
          className="button button-small raw-toggle"
          aria-pressed={showRaw}
          aria-controls={rawId}
          data-testid={testId('raw-toggle')}
          title="What cleanup changed: the raw input as imported, word by word against the cleaned text"
          onClick={() => setShowRaw((shown) => !shown)}
        >
          <Icon d="M6 6L2.5 10 6 14M14 6l3.5 4-3.5 4" />
          Show raw input
        </button>
      </header>
      {showRaw ? (
        <section id={rawId} className="stored-raw" aria-label="Raw input vs cleaned text">
          <h3 className="stored-raw-title">
            Raw input vs cleaned text
            {version.sourceName && <span className="muted"> · {version.sourceName}</span>}
          </h3>
          <RawDiffView
            raw={version.rawInput}
            cleaned={storedCleanedText(version, paragraphs)}
            label={`Raw input vs cleaned text of ${outlet.name}: ${version.headline}`}
          />
        </section>
      ) : (
        <div id={rawId} className="article-body" data-testid={testId('body')}>
          {paragraphs.length > 0 ? (
            paragraphs.map((text, i) =>
              subheads.has(i) ? (
                <h3 key={i} className="subhead" dir="auto">
                  {text}
                </h3>
              ) : (
                <p key={i} dir="auto">
                  {text}
                </p>
              ),
            )
          ) : (
            <p className="muted">This version has no body text.</p>
          )}
        </div>
      )}
      {!showRaw && version.captions.length > 0 && (
        <section className="captions" aria-labelledby={captionsId}>
          <h3 id={captionsId}>Captions</h3>
          <ul>
            {version.captions.map((caption, i) => (
              <li key={i} dir="auto">
                {caption}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
