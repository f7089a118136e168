// The rows of the aligned view: which sentences of A and B stand side by side.
// The engine links sentences in any order and one-to-many; a reader needs rows
// in one outlet's order where every sentence shows exactly once, so its
// annotations, focus and scroll position have one place to live.

import type { TextComparisonResult } from '../../../../shared/engine';
import { isFinding, strongestKind } from '../../../../shared/linkWording';
import type { Side } from '../workspaceTypes';

type Sentence = TextComparisonResult['a']['sentences'][number];
type Link = TextComparisonResult['links'][number];
type Lens = TextComparisonResult['lenses'][number];

export type RowKind =
  /** Both outlets say it (at least one `same` link). */
  | 'match'
  /** Same point, different claim (`contrast` links, no `same` one). */
  | 'contrast'
  /** Perhaps the same claim (only `possible` links): a question for the reader, not a finding. */
  | 'possible'
  /** Only A says it: not in B. */
  | 'onlyA'
  /** Only B says it: not in A. */
  | 'onlyB'
  /** A says it and B has a partner, but that partner sits in another row. */
  | 'elsewhere';

/** A partner of this row's sentences that is shown in another row. */
export interface ElsewhereLink {
  side: Side;
  sentence: number;
  kind: Link['kind'];
}

export interface AlignedRow {
  /** Stable across orders and lens filters: measured heights and focus follow it. */
  key: string;
  kind: RowKind;
  /** Sentence ids of each side, ascending. */
  a: number[];
  b: number[];
  /** In a `match` row, sentences linked here by `contrast` but not `same`: a contrasting claim inside it. */
  contrasting: { a: number[]; b: number[] };
  /** Sentences whose links here are all `possible`: maybe the same claim, for the reader to check. */
  possible: { a: number[]; b: number[] };
  /** In an `elsewhere` row, the partners shown in other rows. */
  elsewhere: ElsewhereLink[];
  /**
   * The links this row shows: between its own sentences for a row of both sides,
   * to the partners shown elsewhere for an `elsewhere` row; none for omissions.
   */
  links: Link[];
  /** A `match` row whose two sides read the same, word for word. */
  identical: boolean;
}

export type RowOrder = Side;

/** Omission rows hold at most this many sentences, so a long one-sided stretch stays navigable. */
const MAX_OMISSION_SENTENCES = 6;

/**
 * Short lines without closing punctuation are subheads ("U.S. imposes new
 * sanctions"): an omission block starts at one, and it is set in bold.
 */
export function looksLikeHeading(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 90) return false;
  if (/[.!?:;,…"'”’)\]]$/u.test(trimmed)) return false;
  return trimmed.split(/\s+/).length <= 12;
}

const KIND_RANK: Record<Link['kind'], number> = { same: 0, contrast: 1, possible: 2 };

/** Which link should place a sentence: `same`, then `contrast`, then `possible`; then the higher score, then the earlier partner. */
function betterLink(x: Link, y: Link, partner: (l: Link) => number): boolean {
  if (x.kind !== y.kind) return KIND_RANK[x.kind] < KIND_RANK[y.kind];
  if (x.score !== y.score) return x.score > y.score;
  return partner(x) < partner(y);
}

function normalizeForIdentity(text: string): string {
  return text.replace(/[“”„]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

function rowKey(a: readonly number[], b: readonly number[]): string {
  return `a${a.join(',')}|b${b.join(',')}`;
}

function makeRow(
  kind: RowKind,
  a: number[],
  b: number[],
  extra: Partial<
    Pick<AlignedRow, 'contrasting' | 'possible' | 'elsewhere' | 'links' | 'identical'>
  > = {},
): AlignedRow {
  return {
    key: rowKey(a, b),
    kind,
    a,
    b,
    contrasting: extra.contrasting ?? { a: [], b: [] },
    possible: extra.possible ?? { a: [], b: [] },
    elsewhere: extra.elsewhere ?? [],
    links: extra.links ?? [],
    identical: extra.identical ?? false,
  };
}

const ROW_KIND: Record<Link['kind'], RowKind> = {
  same: 'match',
  contrast: 'contrast',
  possible: 'possible',
};

/** Kind, contrasting and possible sentences, links and identity of a row that holds sentences of both sides. */
function finishPairRow(
  a: number[],
  b: number[],
  linksOfA: Map<number, Link[]>,
  sentences: { a: Sentence[]; b: Sentence[] },
): AlignedRow {
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  const inRow = a.flatMap((id) => (linksOfA.get(id) ?? []).filter((l) => b.includes(l.b)));
  const kind = ROW_KIND[strongestKind(inRow) ?? 'possible'];
  const kindOf = (side: Side, id: number) => strongestKind(inRow.filter((l) => l[side] === id));
  const having = (side: Side, ids: number[], wanted: Link['kind']) =>
    ids.filter((id) => kindOf(side, id) === wanted);
  const contrasting =
    kind === 'match'
      ? { a: having('a', a, 'contrast'), b: having('b', b, 'contrast') }
      : { a: [], b: [] };
  const possible =
    kind === 'possible'
      ? { a: [...a], b: [...b] }
      : { a: having('a', a, 'possible'), b: having('b', b, 'possible') };
  const text = (side: Side, ids: number[]) =>
    normalizeForIdentity(ids.map((id) => sentences[side][id]?.text ?? '').join(' '));
  const identical = kind === 'match' && text('a', a) === text('b', b);
  return makeRow(kind, a, b, { contrasting, possible, links: inRow, identical });
}

/**
 * Splits consecutive one-sided sentences into omission blocks: a new block at
 * a gap in the ids, at a subhead, or when a block is full.
 */
function omissionBlocks(ids: readonly number[], sentences: readonly Sentence[]): number[][] {
  const blocks: number[][] = [];
  for (const id of ids) {
    const block = blocks.at(-1);
    const previous = block?.at(-1);
    const continues =
      block !== undefined &&
      previous === id - 1 &&
      block.length < MAX_OMISSION_SENTENCES &&
      !looksLikeHeading(sentences[id]?.text ?? '');
    if (continues) block.push(id);
    else blocks.push([id]);
  }
  return blocks;
}

/**
 * The rows in A's order. Each B sentence lives in the row of its best A
 * partner; an A sentence whose partners all live in the neighbouring row joins
 * that row (one-to-many shows once, with all partners); one whose partners
 * live further away gets an `elsewhere` row pointing at them. B's unlinked
 * sentences follow the row of the closest linked B sentence before them.
 */
export function buildAlignedRows(analysis: TextComparisonResult): AlignedRow[] {
  const sentences = { a: analysis.a.sentences, b: analysis.b.sentences };
  const linksOfA = new Map<number, Link[]>();
  const linksOfB = new Map<number, Link[]>();
  for (const link of analysis.links) {
    if (!sentences.a[link.a] || !sentences.b[link.b]) continue;
    linksOfA.set(link.a, [...(linksOfA.get(link.a) ?? []), link]);
    linksOfB.set(link.b, [...(linksOfB.get(link.b) ?? []), link]);
  }

  // Each linked B sentence's home: its best A partner.
  const homeOfB = new Map<number, number>();
  const ownB = new Map<number, number[]>();
  for (const [b, links] of linksOfB) {
    const best = links.reduce((x, y) => (betterLink(y, x, (l) => l.a) ? y : x));
    homeOfB.set(b, best.a);
    ownB.set(best.a, [...(ownB.get(best.a) ?? []), b]);
  }

  interface Unit {
    kind: 'pair' | 'onlyA' | 'elsewhere';
    a: number[];
    b: number[];
    elsewhere: ElsewhereLink[];
    links: Link[];
  }
  const units: Unit[] = [];
  let carried: number[] = [];
  const aIds = sentences.a.map((s) => s.id);
  for (const id of aIds) {
    const links = linksOfA.get(id) ?? [];
    const own = ownB.get(id) ?? [];
    const previous = units.at(-1);
    if (links.length === 0) {
      const extend =
        previous?.kind === 'onlyA' && omissionBlocks([...previous.a, id], sentences.a).length === 1;
      if (extend) previous.a.push(id);
      else units.push({ kind: 'onlyA', a: [id], b: [], elsewhere: [], links: [] });
      continue;
    }
    if (own.length > 0) {
      units.push({ kind: 'pair', a: [...carried, id], b: [...own], elsewhere: [], links: [] });
      carried = [];
      continue;
    }
    // A sentence with a finding is placed by its findings; `possible` links only when it has no other.
    const findings = links.filter(isFinding);
    const placing = findings.length > 0 ? findings : links;
    const homes = new Set(placing.map((l) => homeOfB.get(l.b)));
    if (
      previous?.kind === 'pair' &&
      [...homes].every((h) => h !== undefined && previous.a.includes(h))
    ) {
      previous.a.push(id);
      continue;
    }
    const next = id + 1;
    if ([...homes].every((h) => h === next) && (ownB.get(next)?.length ?? 0) > 0) {
      carried.push(id);
      continue;
    }
    const sorted = links.slice().sort((x, y) => x.b - y.b);
    units.push({
      kind: 'elsewhere',
      a: [id],
      b: [],
      elsewhere: sorted.map((l) => ({ side: 'b' as const, sentence: l.b, kind: l.kind })),
      links: sorted,
    });
  }

  const rows: AlignedRow[] = units.map((unit) =>
    unit.kind === 'pair'
      ? finishPairRow(unit.a, unit.b, linksOfA, sentences)
      : makeRow(unit.kind, unit.a, [], {
          elsewhere: unit.elsewhere,
          links: unit.links,
          possible: {
            a: unit.links.length > 0 && !unit.links.some(isFinding) ? [...unit.a] : [],
            b: [],
          },
        }),
  );

  // B's unlinked sentences, in blocks, each after the row of the linked B sentence before it.
  const unlinkedB = sentences.b.map((s) => s.id).filter((id) => !linksOfB.has(id));
  const rowOfB = new Map<number, number>();
  rows.forEach((row, index) => row.b.forEach((b) => rowOfB.set(b, index)));
  const after = new Map<number, AlignedRow[]>(); // row index (-1: before all) → B-only rows
  for (const block of omissionBlocks(unlinkedB, sentences.b)) {
    let anchor = -1;
    for (let id = block[0]! - 1; id >= 0; id--) {
      const index = rowOfB.get(id);
      if (index !== undefined) {
        anchor = index;
        break;
      }
    }
    after.set(anchor, [...(after.get(anchor) ?? []), makeRow('onlyB', [], block)]);
  }
  const ordered: AlignedRow[] = [...(after.get(-1) ?? [])];
  rows.forEach((row, index) => ordered.push(row, ...(after.get(index) ?? [])));
  return ordered;
}

/**
 * The rows in one side's order. Rows built in A's order already are; for B's,
 * rows holding B sentences sort by their first one and each row without any
 * follows the row it followed in A's order.
 */
export function orderRows(rowsInAOrder: readonly AlignedRow[], order: RowOrder): AlignedRow[] {
  if (order === 'a') return [...rowsInAOrder];
  const withB: { row: AlignedRow; trailing: AlignedRow[] }[] = [];
  const leading: AlignedRow[] = [];
  for (const row of rowsInAOrder) {
    if (row.b.length > 0) withB.push({ row, trailing: [] });
    else (withB.at(-1)?.trailing ?? leading).push(row);
  }
  withB.sort((x, y) => x.row.b[0]! - y.row.b[0]!);
  return [...leading, ...withB.flatMap(({ row, trailing }) => [row, ...trailing])];
}

/** Rows where either side's sentence is in the lens's coverage. */
export function rowsInLens(rows: readonly AlignedRow[], lens: Lens): AlignedRow[] {
  const a = new Set(lens.a.sentences);
  const b = new Set(lens.b.sentences);
  return rows.filter((row) => row.a.some((id) => a.has(id)) || row.b.some((id) => b.has(id)));
}

/**
 * A row that only asks: perhaps the same claim (only `possible` links), here or
 * elsewhere. Not a finding: no difference, no omission, not in the counts of them.
 */
export function isQuestionOnly(row: AlignedRow): boolean {
  if (row.kind === 'possible') return true;
  return row.kind === 'elsewhere' && row.links.length > 0 && !row.links.some(isFinding);
}

/** A row holding a sentence that is maybe in the other outlet (its only links are `possible`). */
export function needsCheck(row: AlignedRow): boolean {
  return row.possible.a.length > 0 || row.possible.b.length > 0;
}

/** Everything but two identical wordings and questions: changed words, a different claim, an omission, a moved claim. */
export function isDifference(row: AlignedRow): boolean {
  return !(row.kind === 'match' && row.identical) && !isQuestionOnly(row);
}

/** What only one outlet says. A sentence that is maybe in the other outlet is not one. */
export function isOmission(row: AlignedRow): boolean {
  return row.kind === 'onlyA' || row.kind === 'onlyB';
}

/** Row index of each sentence ("a:3" → 7). */
export function indexRowsBySentence(rows: readonly AlignedRow[]): Map<string, number> {
  const index = new Map<string, number>();
  rows.forEach((row, i) => {
    row.a.forEach((id) => index.set(`a:${id}`, i));
    row.b.forEach((id) => index.set(`b:${id}`, i));
  });
  return index;
}

export interface Step {
  /** Index of the row stepped to. */
  row: number;
  /** 1-based position among the candidates, for "Difference 3 of 17". */
  position: number;
  total: number;
  /** Went past the last (or first) candidate and came round to the other end. */
  wrapped: boolean;
}

/**
 * The next (`direction` 1) or previous (-1) row after `from` that satisfies
 * `accept`, wrapping round at the ends; null when no row does.
 */
export function stepToRow(
  rows: readonly AlignedRow[],
  from: number,
  direction: 1 | -1,
  accept: (row: AlignedRow) => boolean,
): Step | null {
  const candidates: number[] = [];
  rows.forEach((row, i) => accept(row) && candidates.push(i));
  if (candidates.length === 0) return null;
  let at =
    direction === 1
      ? candidates.findIndex((i) => i > from)
      : candidates.findLastIndex((i) => i < from);
  const wrapped = at === -1;
  if (wrapped) at = direction === 1 ? 0 : candidates.length - 1;
  return { row: candidates[at]!, position: at + 1, total: candidates.length, wrapped };
}

export interface RowSummary {
  /** Rows both outlets say. */
  match: number;
  /** Rows where they make different claims about the same point. */
  contrast: number;
  /** Rows holding a sentence that is maybe in the other outlet: to check, not findings. */
  toCheck: number;
  /** Sentences only in A, only in B. */
  onlyA: number;
  onlyB: number;
  /** Rows whose partner (by a finding) is shown elsewhere. */
  elsewhere: number;
}

/** The counts of the toolbar. Findings never include a `possible` link: those are counted apart, to check. */
export function summarizeRows(rows: readonly AlignedRow[]): RowSummary {
  const summary: RowSummary = {
    match: 0,
    contrast: 0,
    toCheck: 0,
    onlyA: 0,
    onlyB: 0,
    elsewhere: 0,
  };
  for (const row of rows) {
    if (needsCheck(row)) summary.toCheck++;
    if (row.kind === 'match') summary.match++;
    else if (row.kind === 'contrast') summary.contrast++;
    else if (row.kind === 'elsewhere' && !isQuestionOnly(row)) summary.elsewhere++;
    else if (row.kind === 'onlyA') summary.onlyA += row.a.length;
    else if (row.kind === 'onlyB') summary.onlyB += row.b.length;
  }
  return summary;
}
