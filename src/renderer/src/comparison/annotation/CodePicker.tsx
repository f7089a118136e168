import { useEffect, useId, useMemo, useState, type Ref } from 'react';
import type { Code, Codebook } from '../../../../shared/domain';
import { filterCodes } from './annotationModel';

interface CodePickerProps {
  codebooks: Codebook[];
  /** The chosen code; null for "No code". */
  value: string | null;
  onChange: (codeId: string | null) => void;
  /** Enter in the list: choose the highlighted code and save. */
  onSubmit: (codeId: string | null) => void;
  inputRef?: Ref<HTMLInputElement>;
}

const NO_CODE = 'none';

interface Option {
  key: string;
  code: Code | null;
  group: string;
}

/** The options for a query: with no filter grouped as the codebook has them, filtered best match first. */
function optionsFor(codebooks: Codebook[], query: string): Option[] {
  const codes = codebooks.flatMap((book) => book.codes.map((code) => ({ code, book: book.name })));
  const groupOf = new Map(codes.map(({ code, book }) => [code.id, code.group || book]));
  const matching = filterCodes(
    codes.map(({ code }) => code),
    query,
  ).map((code) => ({ key: code.id, code, group: groupOf.get(code.id)! }));
  const q = query.trim().toLowerCase();
  const ordered = q
    ? matching
    : [...new Set(matching.map((o) => o.group))].flatMap((g) =>
        matching.filter((o) => o.group === g),
      );
  const none = !q || 'no code'.includes(q) || 'none'.includes(q);
  return none ? [...ordered, { key: NO_CODE, code: null, group: 'Other' }] : ordered;
}

/**
 * A filterable list of codes (the ARIA combobox pattern): typing narrows the
 * list, arrow keys move through it, Enter saves with the highlighted code.
 * Codes carry their name next to their colour, never colour alone.
 */
export function CodePicker({ codebooks, value, onChange, onSubmit, inputRef }: CodePickerProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const options = useMemo(() => optionsFor(codebooks, query), [codebooks, query]);

  const chosenIndex = options.findIndex((o) => (o.code?.id ?? null) === value);
  const [active, setActive] = useState(Math.max(chosenIndex, 0));
  const activeIndex = Math.min(active, options.length - 1);
  const activeOption = options[activeIndex];
  const optionId = (option: Option) => `${listId}-${option.key}`;

  useEffect(() => {
    if (!activeOption) return;
    document.getElementById(optionId(activeOption))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeOption?.key]);

  const groups: { name: string; options: Option[] }[] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last && last.name === option.group) last.options.push(option);
    else groups.push({ name: option.group, options: [option] });
  }

  return (
    <div className="code-picker">
      <label htmlFor={`${listId}-input`} className="annotation-label">
        Code
      </label>
      <input
        id={`${listId}-input`}
        ref={inputRef}
        className="code-filter"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        placeholder="Type to filter codes"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          // The best match becomes the choice, so Save and Enter agree with what is highlighted.
          setQuery(event.target.value);
          setActive(0);
          const first = optionsFor(codebooks, event.target.value)[0];
          if (first) onChange(first.code?.id ?? null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            const next = Math.min(Math.max(activeIndex + step, 0), options.length - 1);
            setActive(next);
            const option = options[next];
            if (option) onChange(option.code?.id ?? null);
          } else if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            if (activeOption) onSubmit(activeOption.code?.id ?? null);
          }
        }}
      />
      <div id={listId} role="listbox" aria-label="Codes" className="code-list" tabIndex={-1}>
        {groups.map((group, groupIndex) => (
          <div
            key={`${groupIndex}-${group.name}`}
            role="group"
            aria-label={group.name}
            className="code-group"
          >
            <div className="code-group-name" aria-hidden="true">
              {group.name}
            </div>
            {group.options.map((option) => {
              const index = options.indexOf(option);
              const chosen = (option.code?.id ?? null) === value;
              return (
                <div
                  key={option.key}
                  id={optionId(option)}
                  role="option"
                  aria-selected={chosen}
                  className={`code-option${index === activeIndex ? ' is-active' : ''}`}
                  title={option.code?.description || undefined}
                  // Keep focus in the filter, so typing and Enter still work after a click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => {
                    setActive(index);
                    onChange(option.code?.id ?? null);
                  }}
                >
                  <span
                    className={`code-swatch${option.code ? '' : ' is-empty'}`}
                    style={option.code ? { background: option.code.color } : undefined}
                    aria-hidden="true"
                  />
                  <span className="code-option-name">{option.code?.name ?? 'No code'}</span>
                  {chosen && (
                    <span className="code-option-check" aria-hidden="true">
                      ✓
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
        {options.length === 0 && (
          <p className="code-list-empty" role="presentation">
            No code matches “{query.trim()}”.
          </p>
        )}
      </div>
    </div>
  );
}
