import { useId, useRef, type RefObject } from 'react';
import { ACCEPT_ATTRIBUTE, ACCEPTED_EXTENSIONS } from './readFiles';

export interface SourceFields {
  text: string;
  url: string;
  outlet: string;
}

interface SourceStepProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  fields: SourceFields;
  busy: boolean;
  onChange: (patch: Partial<SourceFields>) => void;
  onFiles: (files: File[]) => void;
  onPreviewText: () => void;
  onPreviewUrl: () => void;
}

/** The three ways in — files, pasted text, a web address — and the optional outlet name. */
export function SourceStep(props: SourceStepProps) {
  const { headingRef, fields, busy, onChange, onFiles, onPreviewText, onPreviewUrl } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const outletHint = useId();
  const fileHint = useId();
  const textHint = useId();
  const urlHint = useId();

  return (
    <div className="import-source">
      <h3 className="import-step-title" ref={headingRef} tabIndex={-1}>
        What would you like to import?
      </h3>

      <div className="field import-outlet-field">
        <label htmlFor="import-outlet">
          Outlet <span className="optional">(optional)</span>
        </label>
        <input
          id="import-outlet"
          type="text"
          value={fields.outlet}
          autoComplete="off"
          aria-describedby={outletHint}
          onChange={(event) => onChange({ outlet: event.target.value })}
        />
        <p className="field-hint" id={outletHint}>
          Leave it empty and Parallax guesses from the web address, the file name or the site’s
          name. You can change it for each article before saving.
        </p>
      </div>

      <div className="import-ways">
        <section className="import-way import-way-text" aria-labelledby="import-way-text">
          <h4 id="import-way-text">Paste text</h4>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              onPreviewText();
            }}
          >
            <label htmlFor="import-text" className="visually-hidden">
              Article text
            </label>
            <textarea
              id="import-text"
              value={fields.text}
              rows={12}
              spellCheck={false}
              aria-describedby={textHint}
              placeholder="Paste the article: headline, byline and text, as copied."
              onChange={(event) => onChange({ text: event.target.value })}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  onPreviewText();
                }
              }}
            />
            <div className="import-way-actions">
              <p className="field-hint" id={textHint}>
                Text copied from a page or a PDF is fine: Parallax cleans it up. Ctrl+Enter
                previews.
              </p>
              <button type="submit" className="button button-primary" disabled={busy}>
                Preview text
              </button>
            </div>
          </form>
        </section>

        <div className="import-way-stack">
          <section className="import-way import-way-file" aria-labelledby="import-way-file">
            <h4 id="import-way-file">From files</h4>
            <div className="drop-zone">
              <svg viewBox="0 0 24 24" aria-hidden="true" className="drop-zone-icon">
                <path
                  d="M12 15V4m0 0L8 8m4-4l4 4M5 14v4a2 2 0 002 2h10a2 2 0 002-2v-4"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.7"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              <p>Drop files anywhere on the window, or</p>
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-describedby={fileHint}
                onClick={() => fileInput.current?.click()}
              >
                Choose files…
              </button>
              <input
                ref={fileInput}
                type="file"
                multiple
                accept={ACCEPT_ATTRIBUTE}
                className="visually-hidden"
                tabIndex={-1}
                aria-label="Choose files to import"
                data-testid="import-file-input"
                onChange={(event) => {
                  const files = [...(event.target.files ?? [])];
                  // Cleared so choosing the same file again still reads it.
                  event.target.value = '';
                  if (files.length > 0) onFiles(files);
                }}
              />
              <p className="field-hint" id={fileHint}>
                {ACCEPTED_EXTENSIONS.join(' ')} · up to 20 MB each
              </p>
            </div>
          </section>

          <section className="import-way import-way-url" aria-labelledby="import-way-url">
            <h4 id="import-way-url">From the web</h4>
            <form
              className="url-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                onPreviewUrl();
              }}
            >
              <label htmlFor="import-url">Web address</label>
              <div className="url-row">
                <input
                  id="import-url"
                  type="text"
                  inputMode="url"
                  value={fields.url}
                  placeholder="https://…"
                  autoComplete="off"
                  spellCheck={false}
                  aria-describedby={urlHint}
                  onChange={(event) => onChange({ url: event.target.value })}
                />
                <button type="submit" className="button" disabled={busy}>
                  Fetch
                </button>
              </div>
              <p className="field-hint" id={urlHint}>
                Needs a network connection. Parallax fetches the page once and keeps its text.
              </p>
            </form>
          </section>
        </div>
      </div>
    </div>
  );
}
