import { useModalDialog } from '../hooks/useModalDialog';
import { CloseIcon } from './Icon';
import type { ShortcutGroup } from './shortcuts';

interface ShortcutsSheetProps {
  open: boolean;
  groups: readonly ShortcutGroup[];
  onClose: () => void;
}

/** The list of keyboard shortcuts, as a modal dialog (`?` opens and closes it). */
export function ShortcutsSheet({ open, groups, onClose }: ShortcutsSheetProps) {
  const dialogRef = useModalDialog(open);
  return (
    <dialog
      ref={dialogRef}
      className="modal shortcuts-sheet"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-sheet"
      onClose={onClose}
      onKeyDown={(event) => {
        // `?` opened the sheet, so it closes it too (page shortcuts wait while a dialog is open).
        if (event.key === '?') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="modal-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className="shortcuts-groups">
        {groups
          .filter((group) => group.shortcuts.length > 0)
          .map((group) => (
            <section key={group.title}>
              <h3>{group.title}</h3>
              <dl>
                {group.shortcuts.map((s) => (
                  <div key={s.keys} className="shortcut">
                    <dt>
                      {s.keys.split(' / ').map((key, i) => (
                        <span key={key}>
                          {i > 0 && ' or '}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{s.action}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
      </div>
    </dialog>
  );
}
