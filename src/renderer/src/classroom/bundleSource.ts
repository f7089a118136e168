/** Where an opened assignment came from, as the Class dialog says it above the assignment. */
export function bundleSource(bundle: { name: string; author: string; openedAt: string }): string {
  const author = bundle.author.trim();
  // openedAt is an ISO timestamp; the day is enough to tell bundles apart.
  const day = bundle.openedAt.slice(0, 10);
  return author
    ? `From ${author} · ${bundle.name}, opened ${day}`
    : `Opened from ${bundle.name} on ${day}`;
}
