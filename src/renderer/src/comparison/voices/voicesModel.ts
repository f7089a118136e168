// Who each outlet quotes, ready to show: speakers by words given, voices only
// one outlet gives, the numbers as text, and short snippets of their quotes.
import { sameVoice } from '../../../../core/engine/voices';
import type { TextComparisonResult } from '../../../../shared/engine';
import { formatCount, formatWordCount } from '../../format/counts';
import type { Side } from '../workspaceTypes';

type Voices = TextComparisonResult['voices'];

export interface VoiceRow {
  speaker: string;
  quotes: number;
  directWords: number;
  reportedWords: number;
  /** Direct and reported words together: how much room the outlet gives this voice. */
  words: number;
  /** Sentences holding the quotes, in text order. */
  sentences: number[];
  /** The other outlet does not quote this voice at all. */
  onlyHere: boolean;
  /** The same voice in the other outlet (names differ: "Araghchi" / "Seyed Abbas Araghchi"). */
  counterpart: { speaker: string; words: number } | null;
}

/** One outlet's voices, most words first (then most quotes, then by name, so the order is stable). */
export function voiceRows(voices: Voices, side: Side): VoiceRow[] {
  const only = new Set(side === 'a' ? voices.onlyA : voices.onlyB);
  const others = voices[side === 'a' ? 'b' : 'a'];
  return voices[side]
    .map((voice) => ({
      speaker: voice.speaker,
      quotes: voice.quotes,
      directWords: voice.directWords,
      reportedWords: voice.reportedWords,
      words: voice.directWords + voice.reportedWords,
      sentences: [...voice.sentences].sort((x, y) => x - y),
      onlyHere: only.has(voice.speaker),
      counterpart: only.has(voice.speaker) ? null : counterpartOf(voice.speaker, others),
    }))
    .sort((x, y) => y.words - x.words || y.quotes - x.quotes || x.speaker.localeCompare(y.speaker));
}

/** The other outlet's voice by the engine's own test of sameness; the one given most words if several. */
function counterpartOf(
  speaker: string,
  others: Voices['a'],
): { speaker: string; words: number } | null {
  const matches = others
    .filter((o) => sameVoice(speaker, o.speaker))
    .map((o) => ({ speaker: o.speaker, words: o.directWords + o.reportedWords }))
    .sort((x, y) => y.words - x.words);
  return matches[0] ?? null;
}

/** The most words any voice gets on either side: one scale for every bar, so the outlets compare. */
export function voiceScale(voices: Voices): number {
  const words = [...voices.a, ...voices.b].map((v) => v.directWords + v.reportedWords);
  return Math.max(1, ...words);
}

/** "11 quotes", "179 words" and "57 direct, 122 reported". */
export function formatVoiceNumbers(row: VoiceRow): {
  quotes: string;
  words: string;
  split: string;
} {
  return {
    quotes: formatCount(row.quotes, 'quote'),
    words: formatWordCount(row.words),
    split: `${row.directWords} direct, ${row.reportedWords} reported`,
  };
}

/** The bar's two parts as percentages of the scale. */
export function voiceBar(row: VoiceRow, scale: number): { direct: number; reported: number } {
  const percent = (words: number) => Math.round((words / scale) * 1000) / 10;
  return { direct: percent(row.directWords), reported: percent(row.reportedWords) };
}

/** "CGTN quotes 12 voices, 9 of them only in CGTN." — the outlet's voices in one line. */
export function describeOutletVoices(
  rows: readonly VoiceRow[],
  outlet: string,
  other: string,
): string {
  if (rows.length === 0) return `${outlet} quotes no one.`;
  const count = formatCount(rows.length, 'voice');
  const only = rows.filter((r) => r.onlyHere).length;
  const one = rows.length === 1;
  if (only === 0) return `${outlet} quotes ${count}, ${one ? '' : 'all '}also quoted by ${other}.`;
  if (only === rows.length)
    return `${outlet} quotes ${count}, ${one ? 'not' : 'none'} quoted by ${other}.`;
  return `${outlet} quotes ${count}, ${only} of them only in ${outlet}.`;
}

/** A quote sentence cut to about `max` characters at a word boundary. */
export function quoteSnippet(text: string, max = 110): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
