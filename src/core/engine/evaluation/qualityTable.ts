// The README's alignment quality table, written from a run of the evaluation.
import { ratio, type AlignmentScores, type Count } from './alignmentScores';

const ROWS: [keyof AlignmentScores, string, string][] = [
  ['linkPrecision', 'Shown links (same + contrast) that gold pairs', '≥ 0.90'],
  ['samePrecision', '`same` links that gold calls the same claim', ''],
  ['strongRecallShown', 'Same-claim pairs found among shown links', '≥ 0.75'],
  ['strongRecallWithPossible', 'Same-claim pairs found among shown + possible links', '≥ 0.90'],
  ['contrastPrecision', '`contrast` links that gold calls a different claim', '≥ 0.70'],
  ['contrastRecall', 'Gold different-claim pairs found as `contrast`', ''],
  ['omissionPrecision', '"Only in this outlet" that gold says has no counterpart', '≥ 0.90'],
  ['omissionRecall', "Gold's sentences with no counterpart shown as such", '≥ 0.90'],
];

const figure = (c: Count) => `${ratio(c).toFixed(2)} (${c.hits}/${c.of})`;

/** A Markdown table laid out as Prettier writes it (cells padded to their column), so a formatted README still holds it verbatim. */
function markdownTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(3, ...rows.map((r) => [...r[c]!].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join(
    '\n',
  );
}

export function qualityTable(shipped: AlignmentScores, leaveOneOut: AlignmentScores): string {
  return markdownTable([
    ['measure', 'new pairs (leave one event out)', 'dev set, shipped model', 'target'],
    ...ROWS.map(([key, label, target]) => [
      label,
      `**${figure(leaveOneOut[key])}**`,
      figure(shipped[key]),
      target,
    ]),
  ]);
}
