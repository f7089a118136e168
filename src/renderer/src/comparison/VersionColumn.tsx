import { useId, useMemo } from 'react';
import { splitParagraphs } from '../../../core/canonicalText';
import type { VersionView } from '../../../shared/domain';
import { formatWordCount } from '../format/counts';
import { formatDate, formatDateTime } from '../format/dates';
import type { Side } from '../library/selection';

interface VersionColumnProps {
  view: VersionView;
  /** Which side of a comparison this column is; none when a version is read on its own. */
  side?: Side;
}

/** One captured version, as the outlet published it: headline, credits, dates, body, captions. */
export function VersionColumn({ view, side }: VersionColumnProps) {
  const { version, outlet } = view;
  const paragraphs = useMemo(() => splitParagraphs(version.body), [version.body]);
  const captionsId = useId();
  const sideName = side?.toUpperCase();

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
      </header>
      <div className="article-body" data-testid={side ? `body-${side}` : 'body'}>
        {paragraphs.length > 0 ? (
          paragraphs.map((text, i) => (
            <p key={i} dir="auto">
              {text}
            </p>
          ))
        ) : (
          <p className="muted">This version has no body text.</p>
        )}
      </div>
      {version.captions.length > 0 && (
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
