import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface ErrorEntry {
  id: number;
  message: string;
}

export type ReportError = (error: unknown) => void;

/** ApiError messages are written for the reader; anything else is a bug, so say so plainly. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return `Something went wrong: ${error.message}`;
  return 'Something went wrong.';
}

/** The errors shown in the alert region; the same message twice is shown once. */
export function useErrors(): {
  errors: ErrorEntry[];
  report: ReportError;
  dismiss: (id: number) => void;
} {
  const [errors, setErrors] = useState<ErrorEntry[]>([]);
  const nextId = useRef(1);

  const report = useCallback<ReportError>((error) => {
    if (!(error instanceof ApiError)) console.error(error);
    const message = errorMessage(error);
    const id = nextId.current++;
    setErrors((list) =>
      list.some((e) => e.message === message) ? list : [...list, { id, message }],
    );
  }, []);

  const dismiss = useCallback((id: number) => {
    setErrors((list) => list.filter((e) => e.id !== id));
  }, []);

  return { errors, report, dismiss };
}
