import { useId, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { Coefficient } from '../../../../core/agreement';
import { splitParagraphOffsets } from '../../../../core/engine/sentences';
import type { ComparisonView as Comparison } from '../../../../shared/api';
import type { Code } from '../../../../shared/domain';
import { codesById, shortenQuote, UNCODED_COLOR } from '../annotation/annotationModel';
import type { AnnotationsController } from '../annotation/useAnnotations';
import type { Side } from '../workspaceTypes';
import {
  agreementOf,
  codedTextFor,
  coderRow,
  codersOnVersion,
  formatKappa,
  spansByCoder,
  type CoderRow,
  type Disagreement,
  type Piece,
} from './codersModel';
import './coders.css';

export interface CodersViewProps {
  comparison: Comparison;
  controller: AnnotationsController;
}

/** What a code id shows as: its name and colour, or a placeholder for a code since deleted. */
type CodeLookup = (id: string) => { name: string; color: string };

/**
 * Two coders' spans on one version side by side, paragraph by paragraph, with
 * the passages they disagree on and Cohen's κ between them.
 */
export function CodersView({ comparison, controller }: CodersViewProps) {
  const id = useId();
  const [side, setSide] = useState<Side>('a');
  const [codedOnly, setCodedOnly] = useState(false);
  const [picked, setPicked] = useState<{ first: string | null; second: string | null }>({
    first: null,
    second: null,
  });
  const view = comparison[side];
  const versionId = view.version.id;
  const body = view.version.body;
  const { annotations, codebooks } = controller;

  const coders = useMemo(() => codersOnVersion(annotations, versionId), [annotations, versionId]);
  // A choice stays while that coder is on this version; otherwise the first ones in name order.
  const first = picked.first && coders.includes(picked.first) ? picked.first : coders[0];
  const second =
    picked.second && picked.second !== first && coders.includes(picked.second)
      ? picked.second
      : coders.find((coder) => coder !== first);

  const codes = useMemo(() => codesById(codebooks), [codebooks]);
  const codeOf: CodeLookup = (codeId) => {
    const code: Code | undefined = codes.get(codeId);
    return { name: code?.name ?? 'A deleted code', color: code?.color ?? UNCODED_COLOR };
  };

  const paragraphs = useMemo(() => splitParagraphOffsets(body), [body]);
  const result = useMemo(() => {
    if (first === undefined || second === undefined) return null;
    const text = codedTextFor(annotations, versionId, [first, second]);
    const firstSpans = spansByCoder(text, first);
    const secondSpans = spansByCoder(text, second);
    return {
      summary: agreementOf(first, second, text),
      rows: paragraphs.map((p) => coderRow(body, p, firstSpans, secondSpans)),
    };
  }, [annotations, versionId, first, second, paragraphs, body]);

  const choose = (which: 'first' | 'second', coder: string) => {
    // Picking the coder already in the other column swaps the two.
    const other = which === 'first' ? second : first;
    const current = which === 'first' ? first : second;
    setPicked(
      which === 'first'
        ? { first: coder, second: coder === other ? (current ?? null) : (second ?? null) }
        : { first: coder === other ? (current ?? null) : (first ?? null), second: coder },
    );
  };

  const outletLabel = (s: Side) => `${comparison[s].outlet.name} (${s.toUpperCase()})`;

  return (
    <section className="coders" data-testid="coders-view" aria-labelledby={`${id}-title`}>
      <div className="coders-head">
        <h2 id={`${id}-title`} className="coders-title">
          Two coders side by side
        </h2>
        <div className="coders-controls">
          <fieldset className="coders-side">
            <legend>Version</legend>
            {(['a', 'b'] as const).map((s) => (
              <label key={s} className={`coders-side-option coders-side-${s}`}>
                <input
                  type="radio"
                  name={`${id}-side`}
                  value={s}
                  checked={side === s}
                  onChange={() => setSide(s)}
                />
                {outletLabel(s)}
              </label>
            ))}
          </fieldset>
          {coders.length >= 2 && (
            <>
              <CoderSelect
                id={`${id}-first`}
                label="Coder 1"
                value={first!}
                coders={coders}
                onChange={(coder) => choose('first', coder)}
              />
              <CoderSelect
                id={`${id}-second`}
                label="Coder 2"
                value={second!}
                coders={coders}
                onChange={(coder) => choose('second', coder)}
              />
            </>
          )}
        </div>
      </div>

      {controller.loading ? (
        <p className="loading-text" role="status">
          Loading annotations…
        </p>
      ) : !result || first === undefined || second === undefined ? (
        <div className="coders-empty" role="status">
          <p className="coders-empty-title">
            Agreement needs two coders: merge your students’ bundles first.
          </p>
          <p className="muted">
            {coders.length === 0
              ? `Nobody has annotated ${comparison[side].outlet.name} in this version yet.`
              : `Only ${coders[0]} has annotated ${comparison[side].outlet.name} in this version.`}{' '}
            Each coder sets their name in the header (“Annotating as …”) before annotating.
          </p>
        </div>
      ) : (
        <>
          <AgreementSummary
            first={first}
            second={second}
            summary={result.summary}
            codeOf={codeOf}
          />
          <label className="coders-coded-only">
            <input
              type="checkbox"
              checked={codedOnly}
              onChange={(event) => setCodedOnly(event.target.checked)}
            />
            Only paragraphs either coder coded
          </label>
          <CoderTable
            codedOnly={codedOnly}
            caption={`${first} and ${second} on ${outletLabel(side)}, paragraph by paragraph`}
            first={first}
            second={second}
            rows={result.rows}
            body={body}
            codeOf={codeOf}
          />
        </>
      )}
    </section>
  );
}

function CoderSelect(props: {
  id: string;
  label: string;
  value: string;
  coders: string[];
  onChange: (coder: string) => void;
}) {
  return (
    <div className="coders-select">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.coders.map((coder) => (
          <option key={coder} value={coder}>
            {coder}
          </option>
        ))}
      </select>
    </div>
  );
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function KappaValue({ kappa }: { kappa: Coefficient }) {
  if (kappa.value === null) return <span className="muted">none ({kappa.reason})</span>;
  return <span className="coders-kappa-number">{formatKappa(kappa.value)}</span>;
}

function AgreementSummary({
  first,
  second,
  summary,
  codeOf,
}: {
  first: string;
  second: string;
  summary: ReturnType<typeof agreementOf>;
  codeOf: CodeLookup;
}) {
  const headingId = useId();
  const { kappa, units } = summary.overall;
  return (
    <section className="coders-agreement" aria-labelledby={headingId}>
      <h3 id={headingId} className="coders-agreement-title">
        Agreement between {first} and {second}
      </h3>
      <p className="coders-overall" data-testid="coders-kappa">
        <span className="coders-kappa-label">Cohen’s κ</span> <KappaValue kappa={kappa} />
        {kappa.value !== null && (
          <span className="muted">
            {' '}
            over {units.toLocaleString('en')} coded characters: they agree on{' '}
            {percent(kappa.observed)} of them, where chance alone would agree on{' '}
            {percent(kappa.expected)}.
          </span>
        )}
      </p>
      {summary.codes.length > 0 && (
        <table className="coders-codes">
          <caption className="visually-hidden">Cohen’s κ per code</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">κ</th>
              <th scope="col">Characters given this code</th>
            </tr>
          </thead>
          <tbody>
            {summary.codes.map((c) => {
              const code = codeOf(c.code);
              return (
                <tr key={c.code}>
                  <th scope="row">
                    <span
                      className="code-swatch"
                      style={{ background: code.color }}
                      aria-hidden="true"
                    />{' '}
                    {code.name}
                  </th>
                  <td>
                    <KappaValue kappa={c.kappa} />
                  </td>
                  <td>{c.units.toLocaleString('en')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CoderTable(props: {
  codedOnly: boolean;
  caption: string;
  first: string;
  second: string;
  rows: CoderRow[];
  body: string;
  codeOf: CodeLookup;
}) {
  const { first, second, rows, body, codeOf } = props;
  const names = { first, second };
  return (
    <table className="coders-table">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="coders-number">
            <span aria-hidden="true">¶</span>
            <span className="visually-hidden">Paragraph</span>
          </th>
          <th scope="col">
            <span className="coders-column-kicker">Coder 1</span> {first}
          </th>
          <th scope="col">
            <span className="coders-column-kicker">Coder 2</span> {second}
          </th>
          <th scope="col" className="coders-diff-head">
            Differences
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) =>
          props.codedOnly && !row.coded ? null : (
            <tr
              key={row.start}
              className={row.disagreements.length > 0 ? 'coders-row-differs' : ''}
            >
              <th scope="row" className="coders-number">
                {index + 1}
              </th>
              <td className="coders-text" dir="auto">
                <CoderText body={body} pieces={row.first} codeOf={codeOf} />
              </td>
              <td className="coders-text" dir="auto">
                <CoderText body={body} pieces={row.second} codeOf={codeOf} />
              </td>
              <td className="coders-diffs">
                <Differences row={row} body={body} names={names} codeOf={codeOf} />
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/** One coder's paragraph: their spans as marks, each opening with its code's name. */
function CoderText({
  body,
  pieces,
  codeOf,
}: {
  body: string;
  pieces: Piece[];
  codeOf: CodeLookup;
}) {
  const out: ReactNode[] = [];
  for (const piece of pieces) {
    const text = body.slice(piece.start, piece.end);
    const differs = piece.differs ? ' coders-differs' : '';
    if (piece.code === null) {
      out.push(
        differs ? (
          <span key={piece.start} className="coders-uncoded coders-differs">
            {text}
          </span>
        ) : (
          text
        ),
      );
      continue;
    }
    const code = codeOf(piece.code);
    out.push(
      <mark
        key={piece.start}
        className={`coders-mark${differs}`}
        style={{ '--code-color': code.color } as CSSProperties}
        title={code.name}
      >
        {piece.label && <span className="coders-code-label">{code.name}</span>}
        {text}
      </mark>,
    );
  }
  return <>{out}</>;
}

const KIND_TEXT: Record<Disagreement['kind'], { icon: string; text: (n: Names) => string }> = {
  'codes-differ': { icon: '≠', text: () => 'codes differ' },
  'only-first': { icon: '◧', text: (n) => `only coder 1 (${n.first})` },
  'only-second': { icon: '◨', text: (n) => `only coder 2 (${n.second})` },
};

type Names = { first: string; second: string };

function Differences({
  row,
  body,
  names,
  codeOf,
}: {
  row: CoderRow;
  body: string;
  names: Names;
  codeOf: CodeLookup;
}) {
  if (row.disagreements.length === 0) {
    return row.coded ? (
      <span className="coders-agree">
        <span aria-hidden="true">✓ </span>Same codes
      </span>
    ) : (
      <span className="muted">Not coded</span>
    );
  }
  return (
    <ul className="coders-diff-list">
      {row.disagreements.map((d) => {
        const kind = KIND_TEXT[d.kind];
        const gave = (code: string | null) => (code === null ? 'nothing' : codeOf(code).name);
        return (
          <li key={d.start} className={`coders-diff coders-diff-${d.kind}`}>
            <span className="coders-diff-kind">
              <span aria-hidden="true">{kind.icon} </span>
              {kind.text(names)}
            </span>{' '}
            <span className="coders-diff-quote" dir="auto">
              “{shortenQuote(body.slice(d.start, d.end).replace(/\s+/g, ' ').trim(), 80)}”
            </span>{' '}
            <span className="coders-diff-codes">
              {names.first}: {gave(d.first)} · {names.second}: {gave(d.second)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
