// The UI is written in English, so numbers use English grouping whatever the system locale.
const numberFormat = new Intl.NumberFormat('en-US');

/** "1 caption", "1,261 words". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${numberFormat.format(count)} ${count === 1 ? singular : plural}`;
}

export function formatWordCount(count: number): string {
  return formatCount(count, 'word');
}

/** "+4 / −1 words": the size of a change between two captures. */
export function formatWordChange(added: number, removed: number): string {
  return `+${numberFormat.format(added)} / \u2212${numberFormat.format(removed)} ${
    added + removed === 1 ? 'word' : 'words'
  }`;
}
