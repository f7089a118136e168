/** What a library with no open comparison says: how to get to one. */
export function NoComparison({
  hasArticles,
  onImport,
}: {
  hasArticles: boolean;
  onImport: () => void;
}) {
  return (
    <section className="empty-state" aria-labelledby="empty-title" data-testid="empty-state">
      <h2 id="empty-title">
        {hasArticles ? 'Choose two versions to compare' : 'Nothing to compare yet'}
      </h2>
      <p>Parallax shows how two outlets framed the same event, side by side.</p>
      <ol>
        <li>
          <button type="button" className="button" onClick={onImport}>
            Import articles
          </button>{' '}
          from files, pasted text or a web address — or drop files on this window.
        </li>
        <li>
          In the library, press <span className="inline-badge inline-badge-a">A</span> on one
          version and <span className="inline-badge inline-badge-b">B</span> on another.
        </li>
        <li>
          Press <strong>Compare</strong>.
        </li>
      </ol>
    </section>
  );
}
