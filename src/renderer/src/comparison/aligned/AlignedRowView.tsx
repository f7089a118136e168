import { Fragment, memo } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import type { TextComparisonResult } from '../../../../shared/engine';
import type { Side, TextMark } from '../workspaceTypes';
import { formatConfidence } from '../../../../shared/linkWording';
import { isQuestionOnly, looksLikeHeading, type AlignedRow } from './alignedRows';
import { EvidenceDetails } from './EvidenceDetails';
import { contrastReasons, explainRow, questionReasons } from './rowEvidence';
import type { RowHighlights, SideHighlights } from './rowWording';
import { NO_LAYERS, sameRowLayers, type RowLayers, type SentenceLayers } from './sentenceLayers';
import { splitIntoSpans, type TextRange, type TextSpan } from './sentenceSpans';

type Sentence = TextComparisonResult['a']['sentences'][number];

/**
 * What every row shares: the texts, names, and the view's callbacks. It
 * changes only with the analysis, so a row re-renders for its own props.
 */
export interface RowContext {
  sentences: { a: Sentence[]; b: Sentence[] };
  bodies: { a: string; b: string };
  outlets: { a: string; b: string };
  /** Ids of hidden elements naming outlets and row kinds, for `aria-labelledby`. */
  labelIds: Record<string, string>;
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
  /** What the row highlights in its sentences: evidence, differing phrases, a near-identical pair's word diff. */
  highlights: RowHighlights;
  /** Lens terms and annotation marks on this row's sentences. */
  layers: RowLayers;
  /** "a:3": the sentence that takes Tab (roving tabindex); null when it is another row's. */
  tabbable: string | null;
  context: RowContext;
  measureRef: (element: HTMLElement | null) => (() => void) | undefined;
}

const GUTTER: Partial<Record<AlignedRow['kind'], { glyph: string; title: string }>> = {
  match: { glyph: '=', title: 'Both say this' },
  contrast: { glyph: '≠', title: 'Different claim' },
  possible: { glyph: '?', title: 'Possibly the same claim — check' },
  elsewhere: { glyph: '↕', title: 'Said elsewhere in the other outlet' },
};

/** The gutter's glyph, its style and its button's name. */
function gutterOf(row: AlignedRow): { glyph: string; kind: string; title: string } | null {
  const gutter = GUTTER[row.kind];
  if (!gutter) return null;
  if (row.kind === 'match' && row.identical) {
    return { glyph: '≡', kind: 'match', title: 'Both say this, word for word' };
  }
  if (isQuestionOnly(row)) {
    return { glyph: '?', kind: 'possible', title: 'Maybe said elsewhere — check' };
  }
  return { ...gutter, kind: row.kind };
}

/** Props are equal by identity, but layers by what they draw (marks are rebuilt on each change). */
function sameRowProps(x: AlignedRowViewProps, y: AlignedRowViewProps): boolean {
  return (
    x.row === y.row &&
    x.index === y.index &&
    x.count === y.count &&
    x.highlights === y.highlights &&
    x.tabbable === y.tabbable &&
    x.context === y.context &&
    x.measureRef === y.measureRef &&
    sameRowLayers(x.layers, y.layers)
  );
}

/** One row of the aligned view: A's sentences, what connects them, B's sentences. */
export const AlignedRowView = memo(function AlignedRowView({
  row,
  index,
  count,
  highlights,
  layers,
  tabbable,
  context,
  measureRef,
}: AlignedRowViewProps) {
  const gutter = gutterOf(row);
  const identical = row.kind === 'match' && row.identical;
  const explanations = row.links.length > 0 ? explainRow(row, context.sentences) : [];
  const best = explanations[0];
  return (
    <div
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={count}
      className={`aligned-row kind-${row.kind}${identical ? ' is-identical' : ''}${isQuestionOnly(row) ? ' is-question' : ''}`}
      data-row-key={row.key}
      data-kind={row.kind}
      data-testid="aligned-row"
      ref={measureRef}
    >
      {row.kind === 'contrast' && <ContrastCaption row={row} />}
      {row.kind === 'possible' && (
        <p className="row-caption caption-possible" aria-hidden="true">
          <span className="caption-glyph">?</span> Possibly the same claim — check
          <span className="caption-detail">
            {' '}
            · maybe in the other outlet; not counted as a finding
          </span>
          {questionReasons(row).map((reason) => (
            <span key={reason} className="caption-detail" data-testid="question-reason">
              {' '}
              · {reason}
            </span>
          ))}
        </p>
      )}
      <SideCell
        side="a"
        row={row}
        highlights={highlights.a}
        layers={layers}
        tabbable={tabbable}
        context={context}
      />
      <div className="aligned-gutter">
        {gutter && best && (
          <EvidenceDetails
            id={`${context.labelIds.prefix}-why-${row.key}`}
            glyph={gutter.glyph}
            glyphKind={gutter.kind}
            label={`Why: ${gutter.title.toLowerCase()}, ${best.confidence} confidence`}
            explanations={explanations}
            tabbable={tabbable !== null}
          />
        )}
        {gutter && !best && (
          <span className={`gutter-glyph glyph-${gutter.kind}`} aria-hidden="true">
            {gutter.glyph}
          </span>
        )}
      </div>
      <SideCell
        side="b"
        row={row}
        highlights={highlights.b}
        layers={layers}
        tabbable={tabbable}
        context={context}
      />
    </div>
  );
}, sameRowProps);

/** A contrast row's caption: what differs, in words (time, numbers, who says it…). */
function ContrastCaption({ row }: { row: AlignedRow }) {
  const reasons = contrastReasons(row);
  return (
    <p className="row-caption" aria-hidden="true" data-testid="contrast-reason">
      <span className="caption-glyph">≠</span> Different claim
      {reasons.map((reason) => (
        <span key={reason} className="caption-detail">
          {' '}
          · {reason}
        </span>
      ))}
    </p>
  );
}

function SideCell({
  side,
  row,
  highlights,
  layers,
  tabbable,
  context,
}: {
  side: Side;
  row: AlignedRow;
  highlights: SideHighlights;
  layers: RowLayers;
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
                highlights={highlights}
                layers={layers.get(`${side}:${id}`) ?? NO_LAYERS}
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
  if (isQuestionOnly(row)) return row.kind === 'elsewhere' ? 'elsewhere-possible' : 'possible';
  if (row.possible[side].includes(id)) return 'possible';
  if (row.contrasting[side].includes(id)) return 'contrast';
  if (row.kind === 'match' && row.identical) return 'identical';
  return row.kind;
}

function SentenceView({
  side,
  id,
  row,
  highlights,
  layers,
  tabbable,
  context,
}: {
  side: Side;
  id: number;
  row: AlignedRow;
  highlights: SideHighlights;
  layers: SentenceLayers;
  tabbable: boolean;
  context: RowContext;
}) {
  const sentence = context.sentences[side][id];
  if (!sentence) return null;
  const body = context.bodies[side];
  const spans = splitIntoSpans(sentence, { ...highlights, lens: layers.lens, marks: layers.marks });
  const textId = `${context.labelIds.prefix}-${side}-${id}`;
  const marksId = `${textId}-marks`;
  const whyId = `${textId}-why`;
  const contrasting = row.contrasting[side].includes(id);
  // A maybe inside a row of findings is tagged; a row of maybes says so in its caption.
  const maybe = !isQuestionOnly(row) && row.possible[side].includes(id);
  const reasons = row.kind === 'contrast' || contrasting ? contrastReasons(row, side, id) : [];
  const labelledBy = [
    context.labelIds[`outlet-${side}`],
    context.labelIds[`kind-${kindLabelId(row, side, id)}`],
    textId,
  ].join(' ');
  const describedBy = [reasons.length > 0 && whyId, layers.marks.length > 0 && marksId]
    .filter(Boolean)
    .join(' ');
  const maybeLink = maybe ? row.links.find((l) => l[side] === id && l.kind === 'possible') : null;
  return (
    <span
      className={`aligned-sentence${contrasting ? ' is-contrasting' : ''}${maybe ? ' is-maybe' : ''}`}
      tabIndex={tabbable ? 0 : -1}
      role="group"
      aria-roledescription="sentence"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy || undefined}
      data-focus-key={`${side}:${id}`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) context.onSentenceFocus(side, id);
      }}
    >
      {contrasting && (
        <span className="sentence-tag" aria-hidden="true">
          ≠ different claim{reasons.length > 0 && `: ${reasons.join('; ')}`}
        </span>
      )}
      {maybe && (
        <span className="sentence-tag tag-maybe" aria-hidden="true">
          ? possibly the same — check
          {maybeLink && ` (${formatConfidence(maybeLink.confidence)})`}
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
      {reasons.length > 0 && (
        <span id={whyId} hidden>
          {reasons.join('. ')}.
        </span>
      )}
      {layers.marks.length > 0 && (
        <MarkLabels id={marksId} marks={layers.marks} sentence={sentence} body={body} />
      )}
    </span>
  );
}

/**
 * What the sentence's marks are, for screen readers: its description, read
 * after its name. Outside `.sentence-text`, whose text must stay the body's
 * (and a label on a <mark> would replace the marked words in the name).
 * Hidden, so a selection does not copy it nor find-in-page find it.
 */
function MarkLabels({
  id,
  marks,
  sentence,
  body,
}: {
  id: string;
  marks: readonly TextMark[];
  sentence: TextRange;
  body: string;
}) {
  return (
    <span id={id} hidden>
      {marks.map((mark, k) => {
        const words = body.slice(
          Math.max(mark.start, sentence.start),
          Math.min(mark.end, sentence.end),
        );
        return (
          <Fragment key={mark.id}>
            {k > 0 && ' '}
            Marked “{words.trim()}”: {/[.!?…]$/u.test(mark.label) ? mark.label : `${mark.label}.`}
          </Fragment>
        );
      })}
    </span>
  );
}

/** A piece of a sentence: plain, or wrapped in its evidence / contrast / diff / lens / annotation layers. */
function SpanView({ span, text }: { span: TextSpan; text: string }) {
  const classes = [
    span.only && 'diff-only',
    span.shared && 'evidence-shared',
    span.differs !== null && 'differs',
    span.differs !== null && span.differsEnd && 'differs-end',
    span.lens && 'lens-term',
  ]
    .filter(Boolean)
    .join(' ');
  let node: ReactNode = classes ? (
    <span
      className={classes}
      data-differs={span.differs !== null && span.differsEnd ? span.differs : undefined}
    >
      {text}
    </span>
  ) : (
    text
  );
  for (const mark of [...span.marks].reverse()) {
    node = (
      <mark
        className="annotation-mark"
        data-mark-id={mark.id}
        title={mark.label}
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
        const what =
          link.kind === 'same'
            ? `Said ${place}`
            : link.kind === 'contrast'
              ? `Different claim, ${place}`
              : `Maybe ${place} — check`;
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
