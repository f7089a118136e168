import { Fragment, memo } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import type { TextComparisonResult } from '../../../../shared/engine';
import type { Side, TextMark } from '../workspaceTypes';
import { looksLikeHeading, type AlignedRow } from './alignedRows';
import { splitIntoSpans, type TextRange, type TextSpan } from './sentenceSpans';

type Sentence = TextComparisonResult['a']['sentences'][number];

/** What every row shares: the texts, names, and the view's callbacks. */
export interface RowContext {
  sentences: { a: Sentence[]; b: Sentence[] };
  bodies: { a: string; b: string };
  outlets: { a: string; b: string };
  /** Ids of hidden elements naming outlets and row kinds, for `aria-labelledby`. */
  labelIds: Record<string, string>;
  /** Terms of the active lens, per side. */
  lensRanges: { a: TextRange[]; b: TextRange[] };
  marks: { a: TextMark[]; b: TextMark[] };
  onSentenceFocus: (side: Side, sentence: number) => void;
  /** Go to a sentence shown in another row. */
  onJump: (side: Side, sentence: number) => void;
  /** Index of the row that shows a sentence, in the current order. */
  rowOf: (side: Side, sentence: number) => number | undefined;
}

interface AlignedRowViewProps {
  row: AlignedRow;
  index: number;
  count: number;
  /** Wording only this side uses (empty for rows without both sides). */
  only: { a: TextRange[]; b: TextRange[] };
  /** "a:3": the sentence that takes Tab (roving tabindex); null when it is another row's. */
  tabbable: string | null;
  context: RowContext;
  measureRef: (element: HTMLElement | null) => (() => void) | undefined;
}

const GUTTER: Partial<Record<AlignedRow['kind'], { glyph: string; title: string }>> = {
  match: { glyph: '=', title: 'Both say this' },
  related: { glyph: '≠', title: 'Different claim' },
  elsewhere: { glyph: '↕', title: 'Said elsewhere in the other outlet' },
};

/** One row of the aligned view: A's sentences, what connects them, B's sentences. */
export const AlignedRowView = memo(function AlignedRowView({
  row,
  index,
  count,
  only,
  tabbable,
  context,
  measureRef,
}: AlignedRowViewProps) {
  const gutter = GUTTER[row.kind];
  const identical = row.kind === 'match' && row.identical;
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={count}
      className={`aligned-row kind-${row.kind}${identical ? ' is-identical' : ''}`}
      data-row-key={row.key}
      data-kind={row.kind}
      data-testid="aligned-row"
      ref={measureRef}
    >
      {row.kind === 'related' && (
        <p className="row-caption" aria-hidden="true">
          <span className="caption-glyph">≠</span> Different claim
          <span className="caption-detail"> · same point, but they do not say the same thing</span>
        </p>
      )}
      <SideCell side="a" row={row} only={only.a} tabbable={tabbable} context={context} />
      <div className="aligned-gutter" aria-hidden="true">
        {gutter && (
          <span className={`gutter-glyph glyph-${row.kind}`} title={gutter.title}>
            {identical ? '≡' : gutter.glyph}
          </span>
        )}
      </div>
      <SideCell side="b" row={row} only={only.b} tabbable={tabbable} context={context} />
    </div>
  );
});

function SideCell({
  side,
  row,
  only,
  tabbable,
  context,
}: {
  side: Side;
  row: AlignedRow;
  only: TextRange[];
  tabbable: string | null;
  context: RowContext;
}) {
  const ids = row[side];
  const outlet = context.outlets[side];
  if (ids.length === 0) {
    if (row.kind === 'elsewhere' && side === 'b') {
      return (
        <div className={`aligned-cell cell-${side} is-elsewhere`} data-outlet={outlet}>
          <ElsewhereNote row={row} side={side} context={context} />
        </div>
      );
    }
    return (
      <div className={`aligned-cell cell-${side} is-missing`} data-outlet={outlet}>
        <p className="missing-note">
          <span className="missing-glyph" aria-hidden="true">
            ∅
          </span>
          Not in {outlet}
        </p>
      </div>
    );
  }
  const oneSided = row.kind === `only${side.toUpperCase()}`;
  return (
    <div className={`aligned-cell cell-${side}${oneSided ? ' is-only' : ''}`} data-outlet={outlet}>
      {oneSided && (
        <p className="only-caption" aria-hidden="true">
          Only in {outlet}
        </p>
      )}
      {paragraphsOf(ids, context.sentences[side]).map((paragraph) => (
        <p
          key={paragraph[0]}
          className={`aligned-paragraph${paragraph.length === 1 && looksLikeHeading(context.sentences[side][paragraph[0]!]?.text ?? '') ? ' is-heading' : ''}`}
        >
          {paragraph.map((id, k) => (
            <Fragment key={id}>
              {k > 0 && ' '}
              <SentenceView
                side={side}
                id={id}
                row={row}
                only={only}
                tabbable={tabbable === `${side}:${id}`}
                context={context}
              />
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}

/** Consecutive sentences of one paragraph flow as prose; a new paragraph starts a new block. */
function paragraphsOf(ids: readonly number[], sentences: readonly Sentence[]): number[][] {
  const paragraphs: number[][] = [];
  let last: number | undefined;
  for (const id of ids) {
    const paragraph = sentences[id]?.paragraph;
    const current = paragraphs.at(-1);
    if (current && paragraph === last) current.push(id);
    else paragraphs.push([id]);
    last = paragraph;
  }
  return paragraphs;
}

function kindLabelId(row: AlignedRow, side: Side, id: number): string {
  if (row.contrasting[side].includes(id)) return 'related';
  if (row.kind === 'match' && row.identical) return 'identical';
  return row.kind;
}

function SentenceView({
  side,
  id,
  row,
  only,
  tabbable,
  context,
}: {
  side: Side;
  id: number;
  row: AlignedRow;
  only: TextRange[];
  tabbable: boolean;
  context: RowContext;
}) {
  const sentence = context.sentences[side][id];
  if (!sentence) return null;
  const body = context.bodies[side];
  const spans = splitIntoSpans(sentence, {
    only,
    lens: context.lensRanges[side],
    marks: context.marks[side],
  });
  const textId = `${context.labelIds.prefix}-${side}-${id}`;
  const contrasting = row.contrasting[side].includes(id);
  const labelledBy = [
    context.labelIds[`outlet-${side}`],
    context.labelIds[`kind-${kindLabelId(row, side, id)}`],
    textId,
  ].join(' ');
  return (
    <span
      className={`aligned-sentence${contrasting ? ' is-contrasting' : ''}`}
      tabIndex={tabbable ? 0 : -1}
      role="group"
      aria-roledescription="sentence"
      aria-labelledby={labelledBy}
      data-focus-key={`${side}:${id}`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) context.onSentenceFocus(side, id);
      }}
    >
      {contrasting && (
        <span className="sentence-tag" aria-hidden="true">
          ≠ different claim
        </span>
      )}
      <span
        className="sentence-text"
        id={textId}
        data-side={side}
        data-sentence={id}
        data-start={sentence.start}
        data-end={sentence.end}
      >
        {spans.map((span) => (
          <SpanView key={span.start} span={span} text={body.slice(span.start, span.end)} />
        ))}
      </span>
    </span>
  );
}

/** A piece of a sentence: plain, or wrapped in its diff / lens / annotation layers. */
function SpanView({ span, text }: { span: TextSpan; text: string }) {
  const classes = [span.only && 'diff-only', span.lens && 'lens-term'].filter(Boolean).join(' ');
  let node: ReactNode = classes ? <span className={classes}>{text}</span> : text;
  for (const mark of [...span.marks].reverse()) {
    node = (
      <mark
        className="annotation-mark"
        data-mark-id={mark.id}
        title={mark.label}
        aria-label={mark.label}
        style={{ '--mark-color': mark.color } as CSSProperties}
      >
        {node}
      </mark>
    );
  }
  return node;
}

function ElsewhereNote({
  row,
  side,
  context,
}: {
  row: AlignedRow;
  side: Side;
  context: RowContext;
}) {
  const here = context.rowOf('a', row.a[0]!);
  const outlet = context.outlets[side];
  return (
    <div className="elsewhere-note">
      {row.elsewhere.map((link) => {
        const there = context.rowOf(link.side, link.sentence);
        const where =
          there === undefined || here === undefined
            ? 'elsewhere'
            : there < here
              ? 'earlier'
              : 'later';
        const arrow = where === 'earlier' ? '↑' : where === 'later' ? '↓' : '↕';
        const place =
          where === 'elsewhere' ? `in ${outlet}, hidden by the lens` : `${where} in ${outlet}`;
        const what = link.kind === 'same' ? `Said ${place}` : `Different claim, ${place}`;
        const text = context.sentences[link.side][link.sentence]?.text ?? '';
        return (
          <button
            key={link.sentence}
            type="button"
            className="elsewhere-link"
            onClick={() => context.onJump(link.side, link.sentence)}
            disabled={there === undefined}
            title={there === undefined ? 'Hidden by the lens' : `Go to ${outlet}'s sentence`}
          >
            <span className="elsewhere-what">
              <span aria-hidden="true">{arrow} </span>
              {what}
            </span>
            <span className="elsewhere-quote">“{shorten(text, 140)}”</span>
          </button>
        );
      })}
    </div>
  );
}

function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return `${text.slice(0, cut > length / 2 ? cut : length)}…`;
}
