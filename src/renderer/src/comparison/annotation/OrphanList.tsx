import { useEffect, useId, useState, type CSSProperties } from 'react';
import type { Codebook, OrphanedAnnotation } from '../../../../shared/domain';
import { api } from '../../api/client';
import { codesById, shortenQuote, sideOfVersion, UNCODED_COLOR } from './annotationModel';
import { SideTag } from './SelectionPopover';

interface OrphanListProps {
  orphans: OrphanedAnnotation[];
  codebooks: Codebook[];
  versions: { aVersionId: string; bVersionId: string };
  outlets: { a: string; b: string };
}

/**
 * Annotations of an earlier version whose words are gone from this one: listed
 * with the text they marked, so a coder can redo them by hand.
 */
export function OrphanList({ orphans, codebooks, versions, outlets }: OrphanListProps) {
  const headingId = useId();
  const seqs = useVersionSeqs(orphans.map((o) => o.annotation.versionId));
  if (orphans.length === 0) return null;
  const codes = codesById(codebooks);

  return (
    <section className="orphans" data-testid="orphans" aria-labelledby={headingId}>
      <h3 id={headingId} className="orphans-title">
        <span aria-hidden="true">⚠ </span>Could not be placed ({orphans.length})
      </h3>
      <p className="orphans-why">
        The text these marked changed in this version, so they are not shown in it. Each is kept on
        the version it was made on.
      </p>
      <ul className="annotation-list">
        {orphans.map((orphan) => {
          const { annotation } = orphan;
          const code = annotation.codeId ? codes.get(annotation.codeId) : undefined;
          const side = sideOfVersion(orphan.versionId, versions);
          const seq = seqs.get(annotation.versionId);
          const quote = orphan.oldText.replace(/\s+/g, ' ').trim();
          return (
            <li
              key={`${annotation.id}-${orphan.versionId}`}
              className="annotation-item orphan-item"
              data-testid="orphan-item"
              style={{ '--code-color': code?.color ?? UNCODED_COLOR } as CSSProperties}
            >
              <div className="annotation-item-head">
                {side && <SideTag side={side} outlet={outlets[side]} />}
                {annotation.annotator.trim() && (
                  <span className="annotation-annotator" dir="auto">
                    by {annotation.annotator.trim()}
                  </span>
                )}
              </div>
              <blockquote className="orphan-quote" dir="auto">
                <span className="visually-hidden">It marked: </span>“{shortenQuote(quote, 220)}”
              </blockquote>
              <p className="orphan-code">
                <span
                  className="code-swatch"
                  style={{ background: code?.color ?? UNCODED_COLOR }}
                  aria-hidden="true"
                />
                {code?.name ?? 'No code'}
              </p>
              {annotation.note.trim() && (
                <p className="annotation-note" dir="auto">
                  {annotation.note}
                </p>
              )}
              <p className="orphan-origin muted">
                {seq === undefined ? 'Made on an earlier version' : `Made on version ${seq}`}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The capture number of each version named (fetched once per id; unknown until it answers). */
function useVersionSeqs(versionIds: string[]): Map<string, number> {
  const [seqs, setSeqs] = useState<Map<string, number>>(() => new Map());
  const key = [...new Set(versionIds)].sort().join(',');
  useEffect(() => {
    let current = true;
    const missing = key.split(',').filter((id) => id && !seqs.has(id));
    if (missing.length === 0) return;
    // A version that cannot be read leaves its orphans saying "an earlier version".
    void Promise.allSettled(missing.map((id) => api['version:get']({ id }))).then((results) => {
      if (!current) return;
      setSeqs((known) => {
        const next = new Map(known);
        results.forEach((result, index) => {
          if (result.status === 'fulfilled') next.set(missing[index]!, result.value.version.seq);
        });
        return next;
      });
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return seqs;
}
