import { useCallback, useState } from 'react';

/** Counts requests in flight so the shell can show one quiet progress bar for all of them. */
export function usePending(): { pending: boolean; track: <T>(work: Promise<T>) => Promise<T> } {
  const [count, setCount] = useState(0);
  const track = useCallback(<T>(work: Promise<T>): Promise<T> => {
    setCount((n) => n + 1);
    return work.finally(() => setCount((n) => n - 1));
  }, []);
  return { pending: count > 0, track };
}
