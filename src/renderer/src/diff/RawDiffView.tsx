import { useMemo, useState } from 'react';
import { formatCount } from '../format/counts';
import { diffRawAndCleaned, foldUnchanged } from './rawDiff';

interface RawDiffViewProps {
  raw: string;
  cleaned: string;
  /** Names the region, e.g. "Raw input vs cleaned text of tehran-times-page.txt". */
  label: string;
}

/**
 * What cleanup did to the raw input, word by word: text it took out struck
 * through, text it put in underlined, each also tinted and marked for screen
 * readers. The raw input may be markup; it is shown as text, never rendered.
 */
export function RawDiffView({ raw, cleaned, label }: RawDiffViewProps) {
  const result = useMemo(() => diffRawAndCleaned(raw, cleaned), [raw, cleaned]);
  // Long unchanged runs are folded so the changes stand out; each fold opens on its own.
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(() => new Set());

  if (result.kind === 'too-different') {
    return (
      <p className="raw-diff-note" data-testid="raw-diff">
        The texts are too different to diff quickly.
      </p>
    );
  }
  if (result.kind === 'same') {
    return (
      <p className="raw-diff-note" data-testid="raw-diff">
        The cleaned text is the raw input word for word: cleanup changed nothing.
      </p>
    );
  }
  return (
    <div className="raw-diff" data-testid="raw-diff">
      <p className="raw-diff-legend">
        <span className="legend-item">
          <del>Struck through</del>: only in the raw input — dropped, or moved (
          {formatCount(result.removed, 'word')})
        </span>
        <span className="legend-item">
          <ins>Underlined</ins>: only in the cleaned text — joined or moved (
          {formatCount(result.added, 'word')})
        </span>
        <span className="legend-item">Plain: the same in both</span>
      </p>
      <div className="raw-diff-text" role="region" aria-label={label} tabIndex={0} dir="auto">
        {result.parts.map((part, i) => {
          if (part.removed) return <del key={i}>{part.value}</del>;
          if (part.added) return <ins key={i}>{part.value}</ins>;
          const fold = unfolded.has(i)
            ? null
            : foldUnchanged(part.value, { first: i === 0, last: i === result.parts.length - 1 });
          if (!fold) return <span key={i}>{part.value}</span>;
          return (
            <span key={i}>
              {fold.head}
              <button
                type="button"
                className="fold-button"
                title="Show this unchanged text"
                onClick={() => setUnfolded((open) => new Set(open).add(i))}
              >
                {formatCount(fold.hiddenWords, 'unchanged word')}
              </button>
              {fold.tail}
            </span>
          );
        })}
      </div>
    </div>
  );
}
