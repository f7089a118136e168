// Two coders' work on one version, side by side: who coded it, each coder's
// spans cut into the pieces a paragraph shows, the passages where the two
// disagree, and Cohen's κ between them. CodedText comes from the same builder
// the agreement service uses (core/agreement/codedText), so the numbers here
// match `parallax agreement`. Pure, so it is tested without a DOM.
import {
  codedText,
  coderOf,
  measureAgreement,
  UNNAMED_CODER,
  type AgreementSummary,
  type CodedSpan,
  type CodedText,
} from '../../../../core/agreement';
import type { Annotation } from '../../../../shared/domain';

export { UNNAMED_CODER };

/** Everyone who annotated this version (a note counts: they worked on it), by name. */
export function codersOnVersion(annotations: readonly Annotation[], versionId: string): string[] {
  const names = annotations.filter((a) => a.versionId === versionId).map(coderOf);
  return [...new Set(names)].sort((x, y) => x.localeCompare(y));
}

/**
 * The version's coded text for these coders: their coded, positioned annotations
 * as spans, oldest first (a coder's later span wins where two of theirs overlap),
 * and every one of them who annotated it at all as present.
 */
export function codedTextFor(
  annotations: readonly Annotation[],
  versionId: string,
  coders: readonly string[],
): CodedText {
  return codedText(
    annotations.filter((a) => a.versionId === versionId && coders.includes(coderOf(a))),
  );
}

/** Cohen's κ (and α) between two coders on this text, overall and per code. */
export function agreementOf(first: string, second: string, text: CodedText): AgreementSummary {
  return measureAgreement([first, second], [text]);
}

/** A stretch of a paragraph with one value for this coder and for the other. */
export interface Piece {
  start: number;
  end: number;
  /** This coder's code here (their latest span covering it), or null. */
  code: string | null;
  /** Index into this coder's spans of the span giving `code`; -1 where uncoded. */
  span: number;
  /** A span begins here: the place for its code's name. */
  label: boolean;
  /** The other coder gave something else here (another code, or nothing). */
  differs: boolean;
}

export type DisagreementKind = 'codes-differ' | 'only-first' | 'only-second';

/** A passage where the two coders' values differ, in body offsets. */
export interface Disagreement {
  start: number;
  end: number;
  kind: DisagreementKind;
  first: string | null;
  second: string | null;
}

/** One paragraph as the two columns show it, and what the coders disagree on in it. */
export interface CoderRow {
  start: number;
  end: number;
  first: Piece[];
  second: Piece[];
  disagreements: Disagreement[];
  /** Either coder coded something in this paragraph. */
  coded: boolean;
}

/** The latest of these spans covering [start, end), by index; -1 for none. */
function coveringSpan(spans: readonly CodedSpan[], start: number, end: number): number {
  for (let i = spans.length - 1; i >= 0; i--) {
    if (spans[i]!.start <= start && spans[i]!.end >= end) return i;
  }
  return -1;
}

/**
 * The paragraph [start, end) of `body` cut at every edge of either coder's spans.
 * Passages of whitespace only are not listed as disagreements (they count in κ,
 * but a reader has nothing to look at there).
 */
export function coderRow(
  body: string,
  paragraph: { start: number; end: number },
  firstSpans: readonly CodedSpan[],
  secondSpans: readonly CodedSpan[],
): CoderRow {
  const { start, end } = paragraph;
  const inside = (x: number) => x > start && x < end;
  const edges = [
    ...new Set([
      start,
      end,
      ...[...firstSpans, ...secondSpans].flatMap((s) => [s.start, s.end]).filter(inside),
    ]),
  ].sort((x, y) => x - y);

  const first: Piece[] = [];
  const second: Piece[] = [];
  const disagreements: Disagreement[] = [];
  const push = (pieces: Piece[], piece: Piece) => {
    const last = pieces.at(-1);
    if (last && last.span === piece.span && last.differs === piece.differs) last.end = piece.end;
    else pieces.push({ ...piece, label: piece.span >= 0 && last?.span !== piece.span });
  };
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const one = coveringSpan(firstSpans, from, to);
    const two = coveringSpan(secondSpans, from, to);
    const firstCode = one >= 0 ? firstSpans[one]!.code : null;
    const secondCode = two >= 0 ? secondSpans[two]!.code : null;
    const differs = firstCode !== secondCode;
    push(first, { start: from, end: to, code: firstCode, span: one, label: false, differs });
    push(second, { start: from, end: to, code: secondCode, span: two, label: false, differs });
    if (!differs) continue;
    const kind: DisagreementKind =
      firstCode === null ? 'only-second' : secondCode === null ? 'only-first' : 'codes-differ';
    const last = disagreements.at(-1);
    if (last && last.end === from && last.first === firstCode && last.second === secondCode) {
      last.end = to;
    } else {
      disagreements.push({ start: from, end: to, kind, first: firstCode, second: secondCode });
    }
  }
  return {
    start,
    end,
    first,
    second,
    disagreements: disagreements.filter((d) => body.slice(d.start, d.end).trim() !== ''),
    coded: first.some((p) => p.code !== null) || second.some((p) => p.code !== null),
  };
}

/** Each coder's spans, in the order of the coded text (oldest first). */
export function spansByCoder(text: CodedText, coder: string): CodedSpan[] {
  return text.spans.filter((span) => span.coder === coder);
}

/** κ as a reader writes it: two decimals, a real minus sign. */
export function formatKappa(value: number): string {
  return value.toFixed(2).replace('-', '−');
}
