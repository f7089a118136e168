// Why a row's sentences are linked, in words: for each link its kind, how sure
// the engine is, the reason of a contrast and the evidence the two sides share.
// The row's details popover shows it; screen readers hear it as a description.

import type { TextComparisonResult } from '../../../../shared/engine';
import {
  contrastReasonOf,
  formatConfidence,
  questionReasonOf,
  groupEvidence,
  type EvidenceKind,
  type LinkKind,
} from '../../../../shared/linkWording';
import type { Side } from '../workspaceTypes';
import type { AlignedRow } from './alignedRows';

type Sentence = TextComparisonResult['a']['sentences'][number];
type Link = TextComparisonResult['links'][number];

export interface LinkExplanation {
  kind: LinkKind;
  glyph: string;
  /** "Same claim", "Different claim", "Possibly the same claim — check". */
  title: string;
  /** "86%". */
  confidence: string;
  /** Of a contrast: what differs, e.g. "Timing differs: “…” vs “…”"; of a question, what would differ if confirmed; else null. */
  reason: string | null;
  evidence: { kind: EvidenceKind; label: string; items: string[] }[];
  /** Which sentences the link joins, when the row shows more than one link; else null. */
  between: { a: string; b: string } | null;
}

const TITLE: Record<LinkKind, { glyph: string; title: string }> = {
  same: { glyph: '=', title: 'Same claim' },
  contrast: { glyph: '≠', title: 'Different claim' },
  possible: { glyph: '?', title: 'Possibly the same claim — check' },
};

const ORDER: Record<LinkKind, number> = { same: 0, contrast: 1, possible: 2 };

/** The first words of a sentence, for telling a row's links apart. */
export function opening(text: string, words = 6): string {
  const all = text.trim().split(/\s+/);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}

/** The row's links explained, findings first, then by confidence. */
export function explainRow(
  row: Pick<AlignedRow, 'links'>,
  sentences: { a: readonly Sentence[]; b: readonly Sentence[] },
): LinkExplanation[] {
  const several = row.links.length > 1;
  return [...row.links]
    .sort((x, y) => ORDER[x.kind] - ORDER[y.kind] || y.confidence - x.confidence)
    .map((link: Link) => ({
      kind: link.kind,
      ...TITLE[link.kind],
      confidence: formatConfidence(link.confidence),
      reason:
        link.kind === 'contrast'
          ? contrastReasonOf(link)
          : link.kind === 'possible'
            ? questionReasonOf(link)
            : null,
      evidence: groupEvidence(link.evidence),
      between: several
        ? {
            a: opening(sentences.a[link.a]?.text ?? ''),
            b: opening(sentences.b[link.b]?.text ?? ''),
          }
        : null,
    }));
}

/** The explanations as one text: "Same claim, 86% confidence. Shared names: Araghchi." */
export function explanationText(explanations: readonly LinkExplanation[]): string {
  return explanations
    .map((x) => {
      const parts = [`${x.title}, ${x.confidence} confidence.`];
      if (x.between) parts.unshift(`“${x.between.a}” and “${x.between.b}”:`);
      if (x.reason) parts.push(`${x.reason}.`);
      parts.push(
        x.evidence.length > 0
          ? x.evidence.map((g) => `${g.label}: ${g.items.join(', ')}.`).join(' ')
          : 'No shared names, numbers or quotes listed.',
      );
      return parts.join(' ');
    })
    .join(' ');
}

/** The reasons of the contrasts a sentence is part of in its row (a contrast row's caption, a tag). */
export function contrastReasons(
  row: Pick<AlignedRow, 'links'>,
  side?: Side,
  id?: number,
): string[] {
  const links = row.links.filter(
    (l) => l.kind === 'contrast' && (side === undefined || l[side] === id),
  );
  return [...new Set(links.map(contrastReasonOf))];
}

/** What would differ if a row's questions were confirmed ("If so, timing differs: …"). */
export function questionReasons(row: Pick<AlignedRow, 'links'>): string[] {
  const reasons = row.links
    .filter((l) => l.kind === 'possible')
    .map(questionReasonOf)
    .filter((r): r is string => r !== null);
  return [...new Set(reasons)];
}
