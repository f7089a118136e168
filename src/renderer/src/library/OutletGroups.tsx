import type { ArticleEntry, Side, SideSelection } from './selection';
import { VersionRow } from './VersionRow';

interface OutletGroupsProps {
  entries: ArticleEntry[];
  selection: SideSelection;
  onChoose: (side: Side, versionId: string) => void;
}

function groupByOutlet(
  entries: ArticleEntry[],
): { name: string; id: string; entries: ArticleEntry[] }[] {
  const groups = new Map<string, { name: string; id: string; entries: ArticleEntry[] }>();
  for (const entry of entries) {
    const group = groups.get(entry.outlet.id);
    if (group) group.entries.push(entry);
    else
      groups.set(entry.outlet.id, {
        name: entry.outlet.name,
        id: entry.outlet.id,
        entries: [entry],
      });
  }
  return [...groups.values()];
}

/** Articles under their outlet, each with its latest headline and every captured version. */
export function OutletGroups({ entries, selection, onChoose }: OutletGroupsProps) {
  return groupByOutlet(entries).map((group) => (
    <div className="outlet-group" key={group.id}>
      <h4 className="outlet-name">{group.name}</h4>
      {group.entries.map(({ article, versions }) => {
        const ordered = [...versions].sort((x, y) => x.seq - y.seq);
        const latest = ordered[ordered.length - 1];
        return (
          <div className="library-article" key={article.id}>
            <p className="library-headline" dir="auto">
              {latest?.headline ?? 'Untitled'}
            </p>
            <ul
              className="version-list"
              aria-label={`Versions of ${group.name}: ${latest?.headline ?? ''}`}
            >
              {ordered.map((version) => (
                <VersionRow
                  key={version.id}
                  version={version}
                  outletName={group.name}
                  selection={selection}
                  onChoose={onChoose}
                />
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  ));
}
