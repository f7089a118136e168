import { useCallback, useEffect, useState } from 'react';
import type { TextComparisonResult } from '../../../shared/engine';
import { api } from '../api/client';

export type AnalysisState =
  | { kind: 'loading' }
  | { kind: 'ready'; analysis: TextComparisonResult }
  | { kind: 'failed'; message: string };

/** The engine's comparison of two versions (run off the UI thread by the main process); `rerun` after lenses change. */
export function useAnalysis(
  aVersionId: string,
  bVersionId: string,
): { state: AnalysisState; rerun: () => void } {
  const [state, setState] = useState<AnalysisState>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    api['comparison:analyze']({ aVersionId, bVersionId }).then(
      (analysis) => current && setState({ kind: 'ready', analysis }),
      (error: Error) => current && setState({ kind: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [aVersionId, bVersionId, round]);
  const rerun = useCallback(() => setRound((n) => n + 1), []);
  return { state, rerun };
}
