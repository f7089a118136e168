// The marks both layouts share: words struck out or put in, one side's wording,
// and the links between a moved paragraph's old and new places.
import type { MouseEvent, ReactNode } from 'react';
import { sideOfParts, type ChangeItem, type WordPart } from './versionDiffModel';

/** Where a paragraph of either version is on the page (its element id). */
export type PlaceId = (version: 'old' | 'new', index: number) => string;

/** What both layouts are given. */
export interface ChangesLayoutProps {
  items: readonly ChangeItem[];
  placeId: PlaceId;
  /** "v1", "v2": how the two versions are named on screen. */
  names: { old: string; new: string };
  /** Paragraph indices that are subheads, in each version. */
  subheads: { old: ReadonlySet<number>; new: ReadonlySet<number> };
}

/** Both versions in one run of text: removed words struck through, added words underlined. */
export function TrackedWords({ parts }: { parts: readonly WordPart[] }) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.kind === 'onlyA') return <del key={i}>{part.text}</del>;
        if (part.kind === 'onlyB') return <ins key={i}>{part.text}</ins>;
        return <span key={i}>{part.text}</span>;
      })}
    </>
  );
}

/** One version's wording, with only its own side of the changes marked. */
export function SideWords({ parts, side }: { parts: readonly WordPart[]; side: 'old' | 'new' }) {
  return (
    <>
      {sideOfParts(parts, side).map((piece, i) => {
        if (!piece.changed) return <span key={i}>{piece.text}</span>;
        return side === 'old' ? <del key={i}>{piece.text}</del> : <ins key={i}>{piece.text}</ins>;
      })}
    </>
  );
}

/** Scrolls to a paragraph and gives it focus, so keyboard and screen-reader users land there too. */
export function jumpTo(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
  target.focus({ preventScroll: true });
}

interface JumpLinkProps {
  to: string;
  /** What the link does, in full, for its tooltip and screen readers. */
  label: string;
  children: ReactNode;
}

/** A link to another place in the diff; it moves focus there rather than changing the address. */
export function JumpLink({ to, label, children }: JumpLinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    jumpTo(to);
  };
  return (
    <a href={`#${to}`} className="vd-jump" title={label} aria-label={label} onClick={follow}>
      {children}
    </a>
  );
}

/** Which way a jump goes on the page. */
export const arrow = (place: 'above' | 'below') => (place === 'above' ? '↑' : '↓');

export type TagKind = 'changed' | 'cosmetic' | 'added' | 'removed' | 'moved';

/** A change's name in words, with a symbol, so it never rests on colour alone. */
export function Tag({ kind, children }: { kind: TagKind; children: ReactNode }) {
  return <span className={`vd-tag vd-tag-${kind}`}>{children}</span>;
}
