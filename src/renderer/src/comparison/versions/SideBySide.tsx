import type { ReactNode } from 'react';
import { arrow, JumpLink, SideWords, Tag, type ChangesLayoutProps } from './ChangeMarks';
import { isChangeStop, paragraphMark, type ChangeItem } from './versionDiffModel';

interface SideBySideProps extends ChangesLayoutProps {
  /** Column headings, e.g. "v1 · captured 6 Feb 2026". */
  headings: { old: string; new: string };
}

/**
 * The two versions in two columns, paragraph by paragraph: each side's changed
 * words marked on that side, a paragraph only one version has opposite a gap
 * that says so, and a moved paragraph in both places, linked.
 */
export function SideBySide({ items, placeId, names, subheads, headings }: SideBySideProps) {
  return (
    <table className="vd-table" data-testid="side-by-side">
      <caption className="visually-hidden">
        {names.old} and {names.new} side by side, paragraph by paragraph
      </caption>
      <colgroup>
        <col className="vd-col" />
        <col className="vd-col" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="vd-th vd-th-old">
            {headings.old}
          </th>
          <th scope="col" className="vd-th vd-th-new">
            {headings.new}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <Row key={item.key} item={item} placeId={placeId} names={names} subheads={subheads} />
        ))}
      </tbody>
    </table>
  );
}

function Row({
  item,
  placeId,
  names,
  subheads,
}: { item: ChangeItem } & Omit<ChangesLayoutProps, 'items'>) {
  const stop = isChangeStop(item) ? { 'data-change-stop': '' } : {};
  const cosmetic = item.kind === 'changed' && item.cosmetic ? ' vd-row-cosmetic' : '';
  const row = (id: string, kind: string, old: ReactNode, now: ReactNode) => (
    <tr
      id={id}
      tabIndex={-1}
      className={`vd-row vd-row-${kind}${cosmetic}`}
      data-kind={kind}
      {...stop}
    >
      <td className="vd-cell vd-cell-old" data-version={names.old}>
        {old}
      </td>
      <td className="vd-cell vd-cell-new" data-version={names.new}>
        {now}
      </td>
    </tr>
  );
  // The tag sits inline, after the number, so both sides' text starts on the same line.
  const text = (version: 'old' | 'new', index: number, content: ReactNode, tag?: ReactNode) => {
    const subhead = (version === 'old' ? subheads.old : subheads.new).has(index);
    return (
      <p className={`vd-text${subhead ? ' vd-subhead' : ''}`} dir="auto">
        <span className="vd-num" aria-hidden="true">
          {paragraphMark(index)}
        </span>
        {tag && <span className="vd-inline-label">{tag}</span>}
        {content}
      </p>
    );
  };
  const absent = (what: string) => <p className="vd-absent">{what}</p>;

  switch (item.kind) {
    case 'unchanged':
      return row(
        placeId('new', item.newIndex),
        'unchanged',
        text('old', item.oldIndex, item.text),
        text('new', item.newIndex, item.text),
      );
    case 'changed':
      return row(
        placeId('new', item.newIndex),
        'changed',
        text('old', item.oldIndex, <SideWords parts={item.parts} side="old" />),
        text(
          'new',
          item.newIndex,
          <SideWords parts={item.parts} side="new" />,
          item.cosmetic ? (
            <Tag kind="cosmetic">Spacing, quotes or punctuation only</Tag>
          ) : (
            <Tag kind="changed">Edited</Tag>
          ),
        ),
      );
    case 'added':
      return row(
        placeId('new', item.newIndex),
        'added',
        absent(`Not in ${names.old}`),
        text(
          'new',
          item.newIndex,
          <ins className="vd-whole">{item.text}</ins>,
          <Tag kind="added">Added paragraph</Tag>,
        ),
      );
    case 'removed':
      return row(
        placeId('old', item.oldIndex),
        'removed',
        text(
          'old',
          item.oldIndex,
          <del className="vd-whole">{item.text}</del>,
          <Tag kind="removed">Removed paragraph</Tag>,
        ),
        absent(`Not in ${names.new}`),
      );
    case 'moved':
      return row(
        placeId('new', item.newIndex),
        'moved',
        <p className="vd-absent">
          <JumpLink
            to={placeId('old', item.oldIndex)}
            label={`Moved from paragraph ${item.oldIndex + 1} of ${names.old}: go to where it was`}
          >
            Was {paragraphMark(item.oldIndex)} in {names.old} {arrow(item.otherPlace)}
          </JumpLink>
        </p>,
        text(
          'new',
          item.newIndex,
          item.parts ? <SideWords parts={item.parts} side="new" /> : item.newText,
          <Tag kind="moved">
            Moved from {paragraphMark(item.oldIndex)}
            {item.parts ? ' and edited' : ''}
          </Tag>,
        ),
      );
    case 'movedAway':
      return row(
        placeId('old', item.oldIndex),
        'moved-away',
        text(
          'old',
          item.oldIndex,
          item.parts ? <SideWords parts={item.parts} side="old" /> : item.oldText,
          <Tag kind="moved">Moved to {paragraphMark(item.newIndex)}</Tag>,
        ),
        <p className="vd-absent">
          <JumpLink
            to={placeId('new', item.newIndex)}
            label={`Moved to paragraph ${item.newIndex + 1} of ${names.new}: go there`}
          >
            Now {paragraphMark(item.newIndex)} in {names.new} {arrow(item.otherPlace)}
          </JumpLink>
        </p>,
      );
  }
}
