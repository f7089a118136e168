// "What Parallax cleaned": the cleanup's changes counted and named by kind, in
// the order a reader checks them (text joined, text moved out, text dropped,
// structure found).
import type { ImportProposal } from '../../../shared/api';
import { formatCount } from '../format/counts';

type Change = ImportProposal['changes'][number];

const KINDS: { kind: string; singular: string; plural: string }[] = [
  {
    kind: 'joined-hyphenation',
    singular: 'word re-joined across line breaks',
    plural: 'words re-joined across line breaks',
  },
  { kind: 'rejoined-sentence', singular: 'sentence re-joined', plural: 'sentences re-joined' },
  { kind: 'caption', singular: 'caption moved out', plural: 'captions moved out' },
  { kind: 'credit', singular: 'photo credit moved out', plural: 'photo credits moved out' },
  {
    kind: 'boilerplate',
    singular: 'line of boilerplate dropped',
    plural: 'lines of boilerplate dropped',
  },
  { kind: 'reordered', singular: 'column jump restored', plural: 'column jumps restored' },
  { kind: 'subhead', singular: 'subhead', plural: 'subheads' },
  { kind: 'headline', singular: 'headline found', plural: 'headlines found' },
  { kind: 'deck', singular: 'deck found', plural: 'decks found' },
  { kind: 'byline', singular: 'byline found', plural: 'bylines found' },
];

export interface ChangeGroup {
  kind: string;
  /** "2 words re-joined across line breaks" */
  label: string;
  items: Change[];
}

export function summarizeChanges(changes: Change[]): ChangeGroup[] {
  const byKind = new Map<string, Change[]>();
  for (const change of changes) {
    const list = byKind.get(change.kind);
    if (list) list.push(change);
    else byKind.set(change.kind, [change]);
  }
  const groups: ChangeGroup[] = [];
  for (const { kind, singular, plural } of KINDS) {
    const items = byKind.get(kind);
    if (!items) continue;
    groups.push({ kind, label: formatCount(items.length, singular, plural), items });
    byKind.delete(kind);
  }
  // Kinds this version of the UI does not know yet still show, named as the cleanup names them.
  for (const [kind, items] of byKind) {
    groups.push({ kind, label: `${items.length} × ${kind.replace(/-/g, ' ')}`, items });
  }
  return groups;
}
