import { useMemo, useState } from 'react';
import { RawDiffView } from '../diff/RawDiffView';
import { summarizeChanges } from './cleanupSummary';
import { cleanedText, draftText, type DraftSource } from './draft';

/** What cleanup changed in one source: counted by kind, listed, and as a raw-vs-cleaned diff. */
export function CleanupReport({ source }: { source: DraftSource }) {
  const groups = useMemo(() => summarizeChanges(source.changes), [source.changes]);
  const [diffOpen, setDiffOpen] = useState(false);
  const name = source.sourceKind === 'paste' ? 'the pasted text' : (source.name ?? 'the page');
  const included = source.articles.filter((a) => a.include);

  return (
    <div className="cleanup-report">
      <section
        className="cleanup-summary"
        aria-label="What Parallax cleaned"
        data-testid="cleanup-summary"
      >
        <h4>What Parallax cleaned</h4>
        {groups.length === 0 ? (
          <p className="muted">Nothing: the text went in as it was.</p>
        ) : (
          <>
            <p className="cleanup-counts">{groups.map((g) => g.label).join(', ')}.</p>
            <details className="disclosure">
              <summary>Show each change</summary>
              <dl className="cleanup-items">
                {groups.map((group) => (
                  <div key={group.kind} className="cleanup-group">
                    <dt>{group.label}</dt>
                    {group.items.map((item, i) => (
                      <dd key={i} dir="auto">
                        {item.result !== undefined ? (
                          <>
                            <span className="change-before">{item.text}</span>
                            {' → '}
                            <span className="change-after">{item.result}</span>
                          </>
                        ) : (
                          item.text
                        )}
                      </dd>
                    ))}
                    {group.more > 0 && (
                      <dd className="muted">
                        … and {group.more.toLocaleString('en-US')} more like these
                      </dd>
                    )}
                  </div>
                ))}
              </dl>
            </details>
          </>
        )}
      </section>

      <details
        className="disclosure raw-diff-disclosure"
        data-testid="raw-diff-disclosure"
        onToggle={(event) => setDiffOpen(event.currentTarget.open)}
      >
        <summary>Raw vs cleaned</summary>
        {diffOpen &&
          (included.length === 0 ? (
            <p className="raw-diff-note">No article from {name} is included.</p>
          ) : (
            <RawDiffView
              raw={source.rawInput}
              cleaned={cleanedText(included.map(draftText))}
              label={`Raw input vs cleaned text of ${name}`}
            />
          ))}
      </details>
    </div>
  );
}
