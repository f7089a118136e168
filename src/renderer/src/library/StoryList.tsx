import type { LibraryOverview } from '../../../shared/api';
import { OutletGroups } from './OutletGroups';
import type { Side, SideSelection } from './selection';

interface StoryListProps {
  overview: LibraryOverview;
  selection: SideSelection;
  onChoose: (side: Side, versionId: string) => void;
}

/** The library tree: stories, then articles that belong to none. */
export function StoryList({ overview, selection, onChoose }: StoryListProps) {
  const { stories, unfiled } = overview;
  if (stories.length === 0 && unfiled.length === 0) {
    return (
      <p className="library-note">
        The library is empty. Press <strong>Import</strong>, drop a file on the window, or paste an
        article’s text.
      </p>
    );
  }
  return (
    <>
      {stories.map(({ story, articles }) => (
        <section className="story" key={story.id} aria-labelledby={`story-${story.id}`}>
          <h3 className="story-title" id={`story-${story.id}`} dir="auto">
            {story.title}
          </h3>
          {articles.length > 0 ? (
            <OutletGroups entries={articles} selection={selection} onChoose={onChoose} />
          ) : (
            <p className="library-note">No articles yet.</p>
          )}
        </section>
      ))}
      {unfiled.length > 0 && (
        <section className="story" aria-labelledby="story-unfiled">
          <h3 className="story-title" id="story-unfiled">
            Not in a story
          </h3>
          <OutletGroups entries={unfiled} selection={selection} onChoose={onChoose} />
        </section>
      )}
    </>
  );
}
