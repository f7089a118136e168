import type { ReactNode } from 'react';
import { arrow, JumpLink, Tag, TrackedWords, type ChangesLayoutProps } from './ChangeMarks';
import { excerpt, isChangeStop, paragraphMark, type ChangeItem } from './versionDiffModel';

/**
 * The newer version as one text, with the edits from the older one marked in
 * place: removed words struck through, added words underlined, whole added and
 * removed paragraphs labelled, moved paragraphs linked to where they were.
 */
export function TrackChanges({ items, placeId, names, subheads }: ChangesLayoutProps) {
  return (
    <div
      className="vd-track"
      role="region"
      aria-label={`Track changes: ${names.new} with the changes since ${names.old}`}
      data-testid="track-changes"
    >
      {items.map((item) => (
        <TrackItem key={item.key} item={item} placeId={placeId} names={names} subheads={subheads} />
      ))}
    </div>
  );
}

function TrackItem({
  item,
  placeId,
  names,
  subheads,
}: { item: ChangeItem } & Omit<ChangesLayoutProps, 'items'>) {
  const stop = isChangeStop(item) ? { 'data-change-stop': '' } : {};
  const isSubhead =
    'newIndex' in item && item.kind !== 'movedAway'
      ? subheads.new.has(item.newIndex)
      : subheads.old.has(item.oldIndex);
  const body = (content: ReactNode, className = '') => (
    <p className={`vd-text${isSubhead ? ' vd-subhead' : ''}${className}`} dir="auto">
      {content}
    </p>
  );

  switch (item.kind) {
    case 'unchanged':
      return (
        <div className="vd-item" id={placeId('new', item.newIndex)} tabIndex={-1}>
          <Gutter index={item.newIndex} />
          {body(item.text)}
        </div>
      );
    case 'changed':
      return (
        <div
          className={`vd-item vd-changed${item.cosmetic ? ' vd-cosmetic' : ''}`}
          id={placeId('new', item.newIndex)}
          tabIndex={-1}
          data-kind="changed"
          {...stop}
        >
          <Gutter index={item.newIndex} />
          <p className="vd-label">
            {item.cosmetic ? (
              <Tag kind="cosmetic">Spacing, quotes or punctuation only</Tag>
            ) : (
              <Tag kind="changed">Edited</Tag>
            )}
          </p>
          {body(<TrackedWords parts={item.parts} />)}
        </div>
      );
    case 'added':
      return (
        <div
          className="vd-item vd-added"
          id={placeId('new', item.newIndex)}
          tabIndex={-1}
          data-kind="added"
          {...stop}
        >
          <Gutter index={item.newIndex} />
          <p className="vd-label">
            <Tag kind="added">Added paragraph</Tag>
            <span className="vd-where">new in {names.new}</span>
          </p>
          {body(<ins className="vd-whole">{item.text}</ins>)}
        </div>
      );
    case 'removed':
      return (
        <div
          className="vd-item vd-removed"
          id={placeId('old', item.oldIndex)}
          tabIndex={-1}
          data-kind="removed"
          {...stop}
        >
          <Gutter />
          <p className="vd-label">
            <Tag kind="removed">Removed paragraph</Tag>
            <span className="vd-where">
              was {paragraphMark(item.oldIndex)} in {names.old}
            </span>
          </p>
          {body(<del className="vd-whole">{item.text}</del>)}
        </div>
      );
    case 'moved':
      return (
        <div
          className="vd-item vd-moved"
          id={placeId('new', item.newIndex)}
          tabIndex={-1}
          data-kind="moved"
          {...stop}
        >
          <Gutter index={item.newIndex} />
          <p className="vd-label">
            <Tag kind="moved">Moved</Tag>
            <JumpLink
              to={placeId('old', item.oldIndex)}
              label={`Moved from paragraph ${item.oldIndex + 1} of ${names.old}: go to where it was`}
            >
              from {paragraphMark(item.oldIndex)} {arrow(item.otherPlace)}
            </JumpLink>
            {item.parts && <span className="vd-where">and edited</span>}
          </p>
          {body(item.parts ? <TrackedWords parts={item.parts} /> : item.newText)}
        </div>
      );
    case 'movedAway':
      return (
        <div
          className="vd-item vd-moved-away"
          id={placeId('old', item.oldIndex)}
          tabIndex={-1}
          data-kind="moved-away"
        >
          <Gutter />
          <p className="vd-stub">
            <span className="vd-stub-what">
              {paragraphMark(item.oldIndex)} of {names.old} stood here:
            </span>{' '}
            <q className="vd-stub-excerpt" dir="auto">
              {excerpt(item.oldText)}
            </q>{' '}
            <JumpLink
              to={placeId('new', item.newIndex)}
              label={`Moved to paragraph ${item.newIndex + 1} of ${names.new}: go there`}
            >
              Moved to {paragraphMark(item.newIndex)} {arrow(item.otherPlace)}
            </JumpLink>
          </p>
        </div>
      );
  }
}

/** The paragraph's number in the newer version; blank for text it no longer has. */
function Gutter({ index }: { index?: number }) {
  return (
    <span className="vd-gutter" aria-hidden="true">
      {index === undefined ? '' : paragraphMark(index)}
    </span>
  );
}
