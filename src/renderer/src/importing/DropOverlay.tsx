import { ACCEPTED_EXTENSIONS } from './readFiles';

/** Shown while files or text are dragged over the window: dropping anywhere imports them. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">
        <svg viewBox="0 0 24 24" className="drop-overlay-icon">
          <path
            d="M12 4v11m0 0l-4-4m4 4l4-4M5 14v4a2 2 0 002 2h10a2 2 0 002-2v-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <p className="drop-overlay-title">Drop to import</p>
        <p className="drop-overlay-hint">{ACCEPTED_EXTENSIONS.join(' ')} files, or text</p>
      </div>
    </div>
  );
}
