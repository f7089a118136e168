// The UI is written in English, so numbers use English grouping whatever the system locale.
const numberFormat = new Intl.NumberFormat('en-US');

export function formatWordCount(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'word' : 'words'}`;
}
