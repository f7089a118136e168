import type { ReactNode } from 'react';
import { CloseIcon } from './Icon';

interface ModalHeadProps {
  /** The id the dialog's aria-labelledby names. */
  titleId: string;
  children: ReactNode;
  onClose: () => void;
}

/** A dialog's title bar: its heading, then its close button (Esc closes it too). */
export function ModalHead({ titleId, children, onClose }: ModalHeadProps) {
  return (
    <header className="modal-head">
      <h2 id={titleId}>{children}</h2>
      <button
        type="button"
        className="icon-button"
        aria-label="Close"
        title="Close (Esc)"
        onClick={onClose}
      >
        <CloseIcon />
      </button>
    </header>
  );
}
