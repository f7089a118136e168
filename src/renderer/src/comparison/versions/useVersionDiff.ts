import { useEffect, useState } from 'react';
import type { VersionDiffResult } from '../../../../shared/engine';
import { api } from '../../api/client';

export type VersionDiffState =
  | { kind: 'loading'; previous: VersionDiffResult | null }
  | { kind: 'ready'; diff: VersionDiffResult }
  | { kind: 'failed'; message: string };

interface Answer {
  pair: string;
  hideCosmetic: boolean;
  state: Extract<VersionDiffState, { kind: 'ready' | 'failed' }>;
}

/**
 * The engine's diff of two versions (worked out off the UI thread by the main
 * process). Switching "hide cosmetic changes" asks again; the last diff of the
 * same two versions stays on screen meanwhile, so the text does not flash away.
 */
export function useVersionDiff(
  oldVersionId: string,
  newVersionId: string,
  hideCosmetic: boolean,
): VersionDiffState {
  const pair = `${oldVersionId}→${newVersionId}`;
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    let current = true;
    const settle = (state: Answer['state']) => {
      if (current) setAnswer({ pair, hideCosmetic, state });
    };
    api['version:diff']({ oldVersionId, newVersionId, hideCosmetic }).then(
      (diff) => settle({ kind: 'ready', diff }),
      (error: Error) => settle({ kind: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [pair, oldVersionId, newVersionId, hideCosmetic]);

  if (answer && answer.pair === pair && answer.hideCosmetic === hideCosmetic) return answer.state;
  const previous =
    answer?.pair === pair && answer.state.kind === 'ready' ? answer.state.diff : null;
  return { kind: 'loading', previous };
}
