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
  /** The changes listed (the cleanup keeps the first examples of each kind). */
  items: Change[];
  /** How many more changes of this kind were made than are listed. */
  more: number;
}

export function summarizeChanges(changes: Change[]): ChangeGroup[] {
  const byKind = new Map<string, { items: Change[]; more: number }>();
  for (const change of changes) {
    let group = byKind.get(change.kind);
    if (!group) byKind.set(change.kind, (group = { items: [], more: 0 }));
    if (change.more !== undefined) group.more += change.more;
    else group.items.push(change);
  }
  const groups: ChangeGroup[] = [];
  for (const { kind, singular, plural } of KINDS) {
    const group = byKind.get(kind);
    if (!group) continue;
    const label = formatCount(group.items.length + group.more, singular, plural);
    groups.push({ kind, label, ...group });
    byKind.delete(kind);
  }
  // Kinds this version of the UI does not know yet still show, named as the cleanup names them.
  for (const [kind, group] of byKind) {
    const label = `${group.items.length + group.more} × ${kind.replace(/-/g, ' ')}`;
    groups.push({ kind, label, ...group });
  }
  return groups;
}
