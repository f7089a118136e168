// One comparison of two outlets' texts, end to end: sentences, alignment, and
// per-lens coverage and voices for each side. What the CLI prints as JSON and
// what the services hand the UI.
import { alignSentences, type AlignOptions } from './align';
import { compareLens, type LensCoverage } from './lenses';
import { segmentSentences } from './sentences';
import type { Sentence, SentenceLink } from './types';
import {
  findQuotes,
  speakersBySentence,
  summarizeVoices,
  voicesOnlyIn,
  type Voice,
} from './voices';

export interface TextComparison {
  a: { sentences: Sentence[] };
  b: { sentences: Sentence[] };
  links: SentenceLink[];
  /** Sentence ids with no link of any kind: what only one outlet says. */
  onlyA: number[];
  onlyB: number[];
  /** Sentence ids whose only links are `possible`: maybe in the other outlet, for the reader to check. */
  maybeA: number[];
  maybeB: number[];
  lenses: { name: string; a: LensCoverage; b: LensCoverage }[];
  voices: { a: Voice[]; b: Voice[]; onlyA: string[]; onlyB: string[] };
}

export function compareTexts(
  aBody: string,
  bBody: string,
  lenses: readonly { name: string; terms: string[] }[] = [],
  align: AlignOptions = {},
): TextComparison {
  const a = segmentSentences(aBody);
  const b = segmentSentences(bBody);
  const quotesA = findQuotes(a, aBody);
  const quotesB = findQuotes(b, bBody);
  const links = alignSentences(a, b, {
    ...align,
    speakers: { a: speakersBySentence(quotesA), b: speakersBySentence(quotesB) },
  });
  const linkedA = new Set(links.map((l) => l.a));
  const linkedB = new Set(links.map((l) => l.b));
  const findings = links.filter((l) => l.kind !== 'possible');
  const assertedA = new Set(findings.map((l) => l.a));
  const assertedB = new Set(findings.map((l) => l.b));
  const voicesA = summarizeVoices(quotesA);
  const voicesB = summarizeVoices(quotesB);
  return {
    a: { sentences: a },
    b: { sentences: b },
    links,
    onlyA: a.filter((s) => !linkedA.has(s.id)).map((s) => s.id),
    onlyB: b.filter((s) => !linkedB.has(s.id)).map((s) => s.id),
    maybeA: a.filter((s) => linkedA.has(s.id) && !assertedA.has(s.id)).map((s) => s.id),
    maybeB: b.filter((s) => linkedB.has(s.id) && !assertedB.has(s.id)).map((s) => s.id),
    lenses: lenses.map((lens) => ({
      name: lens.name,
      ...compareLens(lens, { sentences: a, body: aBody }, { sentences: b, body: bBody }),
    })),
    voices: { a: voicesA, b: voicesB, ...voicesOnlyIn(voicesA, voicesB) },
  };
}
