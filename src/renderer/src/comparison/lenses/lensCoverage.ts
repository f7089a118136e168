// How a lens's coverage of one outlet reads on its chip: words, share of the
// text, how early the topic comes up (prominence), or that the outlet leaves it
// out altogether.
import type { TextComparisonResult } from '../../../../shared/engine';
import { formatCount, formatWordCount } from '../../format/counts';

export type LensCoverage = TextComparisonResult['lenses'][number]['a'];
type Sentence = TextComparisonResult['a']['sentences'][number];

/** "1st", "2nd", "3rd", "4th", "11th", "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "12%"; a sliver is "under 1%", so a mention never reads as none. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return 'under 1%';
  return `${Math.round(share * 100)}%`;
}

/** Paragraphs up to here are named ("from the 3rd paragraph"); later ones as a share of the text. */
const NAMED_PARAGRAPHS = 3;

/**
 * Where the topic first comes up: "from the 1st paragraph" near the top, where
 * a reader meets it; "first at 62% of the text" further down.
 */
export function formatFirstPosition(firstPosition: number, paragraph: number | null): string {
  if (paragraph !== null && paragraph < NAMED_PARAGRAPHS) {
    return `from the ${ordinal(paragraph + 1)} paragraph`;
  }
  return `first at ${Math.round(firstPosition * 100)}% of the text`;
}

export type CoverageSummary =
  | { absent: true; badge: string; text: string }
  | {
      absent: false;
      sentences: string;
      words: string;
      share: string;
      position: string;
      /** The whole line, for screen readers and tooltips. */
      text: string;
    };

/** One outlet's coverage by a lens, in words a reader takes in at a glance. */
export function summarizeCoverage(
  coverage: LensCoverage,
  outlet: string,
  sentences: readonly Sentence[],
): CoverageSummary {
  if (coverage.absent || coverage.firstPosition === null) {
    return { absent: true, badge: `Not in ${outlet}`, text: `${outlet} never mentions it.` };
  }
  const firstId = coverage.sentences[0];
  const paragraph = sentences.find((s) => s.id === firstId)?.paragraph ?? null;
  const summary = {
    sentences: formatCount(coverage.sentences.length, 'sentence'),
    words: formatWordCount(coverage.words),
    share: formatShare(coverage.share),
    position: formatFirstPosition(coverage.firstPosition, paragraph),
  };
  return {
    absent: false,
    ...summary,
    text: `${outlet}: ${summary.sentences}, ${summary.words} (${summary.share} of the text), ${summary.position}.`,
  };
}

/** Lens N (1-based) for the keys 1–9; 0 clears. Null when the key picks no lens. */
export function lensForKey(key: string, lenses: readonly string[]): { lens: string | null } | null {
  if (!/^[0-9]$/.test(key)) return null;
  const n = Number(key);
  if (n === 0) return { lens: null };
  const lens = lenses[n - 1];
  return lens === undefined ? null : { lens };
}
