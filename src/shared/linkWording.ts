// How a link between two outlets' sentences reads, in words, wherever it is shown:
// the aligned view, its evidence popover, and the HTML and Markdown reports. One
// wording, so the app and a report never disagree on what a link asserts.
import type { TextComparisonResult } from './engine';

type Link = TextComparisonResult['links'][number];
export type LinkKind = Link['kind'];
export type LinkEvidence = Link['evidence'][number];
export type LinkContrast = NonNullable<Link['contrast']>;
export type ContrastSlot = LinkContrast['slot'];
export type EvidenceKind = LinkEvidence['kind'];

/** What a link asserts, as a label with its glyph. */
export const LINK_KIND_LABEL: Record<LinkKind, string> = {
  same: '= Same claim',
  contrast: '≠ Different claim',
  possible: '? Possibly the same claim — check',
};

/** The slot two sentences differ in, named for a reader. */
export const SLOT_LABEL: Record<ContrastSlot, string> = {
  time: 'Timing',
  number: 'Numbers',
  speaker: 'Who says it',
  certainty: 'Certainty',
  negation: 'Negation',
  evaluation: 'Evaluation',
};

/** What the slot's difference is about, where the name alone does not say. */
const SLOT_DETAIL: Partial<Record<ContrastSlot, string>> = {
  certainty: ' (hedged vs flat)',
  evaluation: ' (word choice)',
};

/** What a side that lacks the phrase does instead (its span is null). */
const LACKS_PHRASE: Record<ContrastSlot, string> = {
  time: '(gives no time)',
  number: '(gives no number)',
  speaker: '(names no one)',
  certainty: '(states it flatly)',
  negation: '(no negation)',
  evaluation: '(neutral wording)',
};

/** One side's phrase of a contrast: quoted, or what the side does without it. */
export function contrastSide(contrast: LinkContrast, side: 'a' | 'b'): string {
  const span = side === 'a' ? contrast.aSpan : contrast.bSpan;
  const text = (side === 'a' ? contrast.a : contrast.b).trim();
  if (span === null || text === '') return LACKS_PHRASE[contrast.slot];
  return `“${text}”`;
}

/** "Timing differs: “in subsequent consultations” vs “early next week”". */
export function contrastReason(contrast: LinkContrast): string {
  const label = SLOT_LABEL[contrast.slot];
  const verb = contrast.slot === 'number' ? 'differ' : 'differs';
  return `${label} ${verb}${SLOT_DETAIL[contrast.slot] ?? ''}: ${contrastSide(contrast, 'a')} vs ${contrastSide(contrast, 'b')}`;
}

/** The reason of a contrast link, or a plain note when the engine gave none. */
export function contrastReasonOf(link: Pick<Link, 'contrast'>): string {
  return link.contrast
    ? contrastReason(link.contrast)
    : 'Same point, but they do not say the same thing';
}

/** What would differ if a question is confirmed: "If so, timing differs: …"; null when nothing would. */
export function questionReasonOf(link: Pick<Link, 'contrast'>): string | null {
  if (!link.contrast) return null;
  const reason = contrastReason(link.contrast);
  return `If so, ${reason[0]!.toLowerCase()}${reason.slice(1)}`;
}

/** "86%". */
export function formatConfidence(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** The heading of a group of evidence. */
export const EVIDENCE_LABEL: Record<EvidenceKind, string> = {
  name: 'Shared names',
  number: 'Shared numbers',
  quote: 'Quoted words',
  word: 'Shared words',
  paraphrase: 'Paraphrases',
};

const EVIDENCE_ORDER: readonly EvidenceKind[] = ['name', 'number', 'quote', 'paraphrase', 'word'];

/**
 * One piece of evidence: "Araghchi"; a name or number in two spellings,
 * "Albusaidi / Al Busaidi"; words that differ but mean alike, "“determined” ≈ “decide”".
 */
export function evidenceItem(evidence: Pick<LinkEvidence, 'kind' | 'a' | 'b'>): string {
  const a = evidence.a.trim();
  const b = evidence.b.trim();
  const same = a.toLocaleLowerCase() === b.toLocaleLowerCase();
  if (
    evidence.kind === 'paraphrase' ||
    (!same && evidence.kind !== 'name' && evidence.kind !== 'number')
  ) {
    return `“${a}” ≈ “${b}”`;
  }
  if (evidence.kind === 'quote') return `“${a}”`;
  return same ? a : `${a} / ${b}`;
}

/** The evidence of a link grouped by kind, in a fixed order, each item once. */
export function groupEvidence(
  evidence: readonly Pick<LinkEvidence, 'kind' | 'a' | 'b'>[],
): { kind: EvidenceKind; label: string; items: string[] }[] {
  return EVIDENCE_ORDER.flatMap((kind) => {
    const items = [...new Set(evidence.filter((e) => e.kind === kind).map(evidenceItem))];
    return items.length > 0 ? [{ kind, label: EVIDENCE_LABEL[kind], items }] : [];
  });
}

/** The evidence in one line: "Shared names: Araghchi, Oman; Paraphrases: “determined” ≈ “decide”". */
export function evidenceLine(evidence: readonly Pick<LinkEvidence, 'kind' | 'a' | 'b'>[]): string {
  return groupEvidence(evidence)
    .map((group) => `${group.label}: ${group.items.join(', ')}`)
    .join('; ');
}

/**
 * What a set of links between the same sentences asserts together: `same` when
 * any says both report it, else `contrast` when any says they differ, else only
 * `possible` — a question, never a finding. Null without links.
 */
export function strongestKind(links: readonly Pick<Link, 'kind'>[]): LinkKind | null {
  if (links.some((l) => l.kind === 'same')) return 'same';
  if (links.some((l) => l.kind === 'contrast')) return 'contrast';
  return links.length > 0 ? 'possible' : null;
}

/** Links that assert something (a finding); `possible` ones only ask. */
export const isFinding = (link: Pick<Link, 'kind'>): boolean => link.kind !== 'possible';
