import type { ErrorEntry } from '../hooks/useErrors';
import { CloseIcon } from './Icon';

interface ErrorAlertsProps {
  errors: ErrorEntry[];
  onDismiss: (id: number) => void;
}

/** API errors, in the words the services chose for the reader, until dismissed. */
export function ErrorAlerts({ errors, onDismiss }: ErrorAlertsProps) {
  if (errors.length === 0) return null;
  return (
    <div className="alerts">
      {errors.map((error) => (
        <div className="alert" role="alert" key={error.id}>
          <svg viewBox="0 0 20 20" aria-hidden="true" className="alert-icon">
            <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <path d="M10 5.5v5.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            <circle cx="10" cy="14.2" r="1.2" fill="currentColor" />
          </svg>
          <p className="alert-message">{error.message}</p>
          <button
            type="button"
            className="alert-dismiss"
            onClick={() => onDismiss(error.id)}
            aria-label="Dismiss"
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
