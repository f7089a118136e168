import { useId, useState } from 'react';
import { formatCount } from '../format/counts';
import { articleCounts, articleProblems, type DraftArticle, type DraftField } from './draft';
import { Icon } from '../shell/Icon';

interface ArticleCardProps {
  article: DraftArticle;
  index: number;
  count: number;
  outletListId: string;
  /** After a save was refused: mark every field that stops it. */
  showProblems: boolean;
  onChange: (patch: Partial<DraftArticle>) => void;
  onMerge: () => void;
  onSplit: (paragraphIndex: number) => void;
}

/** Paragraphs shown before the card is expanded. */
const PREVIEW_PARAGRAPHS = 3;

type TextField = 'headline' | 'deck' | 'byline' | 'outlet' | 'publishedAt';

/** One proposed article: include it or not, edit its details, adjust where it starts and ends. */
export function ArticleCard(props: ArticleCardProps) {
  const { article, index, count, outletListId, showProblems, onChange, onMerge, onSplit } = props;
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const counts = articleCounts(article);
  const problems = articleProblems(article);
  // A missing headline is flagged at once (a split leaves one to write); the rest after "Save".
  const problemFor = (field: DraftField): string | null => {
    if (!article.include) return null;
    const problem = problems.find((p) => p.field === field);
    if (!problem) return null;
    return showProblems || field === 'headline' ? problem.message : null;
  };
  const bodyProblem = problemFor('body');
  const shown = expanded ? article.paragraphs : article.paragraphs.slice(0, PREVIEW_PARAGRAPHS);
  const hidden = article.paragraphs.length - shown.length;
  const subheads = new Set(article.subheads);

  const field = (
    name: TextField,
    label: string,
    options: { hint?: string; wide?: boolean } = {},
  ) => {
    const fieldId = `${id}-${name}`;
    const problem = problemFor(name === 'publishedAt' ? 'publishedAt' : (name as DraftField));
    const describedBy = [problem && `${fieldId}-problem`, options.hint && `${fieldId}-hint`]
      .filter(Boolean)
      .join(' ');
    return (
      <div className={`field${options.wide ? ' field-wide' : ''}`}>
        <label htmlFor={fieldId}>{label}</label>
        <input
          id={fieldId}
          type="text"
          value={article[name]}
          dir="auto"
          autoComplete="off"
          spellCheck={name === 'headline' || name === 'deck'}
          list={name === 'outlet' ? outletListId : undefined}
          placeholder={
            name === 'headline' ? 'Untitled' : name === 'publishedAt' ? 'yyyy-mm-dd' : undefined
          }
          inputMode={name === 'publishedAt' ? 'numeric' : undefined}
          required={name === 'headline' || name === 'outlet'}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange({ [name]: event.target.value })}
        />
        {options.hint && (
          <p className="field-hint" id={`${fieldId}-hint`}>
            {options.hint}
          </p>
        )}
        {problem && (
          <p className="field-problem" id={`${fieldId}-problem`}>
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <section
      className={`import-card${article.include ? '' : ' is-excluded'}`}
      aria-labelledby={`${id}-title`}
      data-testid="import-article"
      data-card-key={article.key}
    >
      <header className="import-card-head">
        <h4 className="import-card-title" id={`${id}-title`} tabIndex={-1}>
          Article {index + 1} of {count}
          {!article.include && <span className="excluded-note"> · left out</span>}
        </h4>
        <label className="include-toggle">
          <input
            type="checkbox"
            checked={article.include}
            onChange={(event) => onChange({ include: event.target.checked })}
          />
          Include
        </label>
        {index > 0 && (
          <button
            type="button"
            className="button button-small"
            title={`Append this article’s paragraphs and captions to article ${index}, which keeps its headline and details`}
            onClick={onMerge}
          >
            <Icon d="M10 17V8m0 0l-3.5 3.5M10 8l3.5 3.5M4 3.5h12" />
            Merge with previous article
          </button>
        )}
      </header>

      <div className="import-fields">
        {field('headline', 'Headline', { wide: true })}
        {field('deck', 'Deck', { wide: true })}
        {field('byline', 'Byline')}
        {field('outlet', 'Outlet')}
        {field('publishedAt', 'Published')}
      </div>

      <p className="import-counts" data-testid="import-counts">
        {formatCount(counts.paragraphs, 'paragraph')} · {formatCount(counts.words, 'word')} ·{' '}
        {formatCount(counts.captions, 'caption')}
      </p>
      {bodyProblem && <p className="field-problem">{bodyProblem}</p>}

      {expanded && article.paragraphs.length > 1 && (
        <p className="field-hint">
          Two articles run together? Press “Split here” at the paragraph where the second one
          starts.
        </p>
      )}
      <ol className="import-paragraphs" id={`${id}-paragraphs`} aria-label="Paragraphs">
        {shown.map((text, i) => (
          <li key={i} className={subheads.has(i) ? 'is-subhead' : undefined}>
            {expanded && i > 0 && (
              <button
                type="button"
                className="split-button"
                aria-label={`Split here: start a new article at paragraph ${i + 1}`}
                title="Start a new article at this paragraph"
                onClick={() => onSplit(i)}
              >
                <svg viewBox="0 0 20 20" aria-hidden="true">
                  <circle
                    cx="5"
                    cy="6"
                    r="2.3"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.5"
                  />
                  <circle
                    cx="5"
                    cy="14"
                    r="2.3"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.5"
                  />
                  <path
                    d="M7 7.2L17 13M7 12.8L17 7"
                    stroke="currentColor"
                    strokeWidth="1.5"
                    strokeLinecap="round"
                  />
                </svg>
                Split here
              </button>
            )}
            {subheads.has(i) ? (
              <p className="import-subhead" dir="auto">
                <span className="visually-hidden">Subhead: </span>
                {text}
              </p>
            ) : (
              <p dir="auto">{text}</p>
            )}
          </li>
        ))}
      </ol>

      {expanded && article.captions.length > 0 && (
        <section className="import-captions" aria-label="Captions">
          <h5>Captions</h5>
          <ul>
            {article.captions.map((caption, i) => (
              <li key={i} dir="auto">
                {caption}
              </li>
            ))}
          </ul>
        </section>
      )}

      <button
        type="button"
        className="button button-quiet expand-button"
        aria-expanded={expanded}
        aria-controls={`${id}-paragraphs`}
        onClick={() => setExpanded((open) => !open)}
      >
        {expanded
          ? 'Show less'
          : hidden > 0
            ? `Show all ${counts.paragraphs} paragraphs${counts.captions > 0 ? ' and captions' : ''}`
            : `Show the whole article${counts.captions > 0 ? ' and captions' : ''}`}
      </button>
    </section>
  );
}
