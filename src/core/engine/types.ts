// Shapes shared by the framing engine's parts: sentences, links between two
// outlets' sentences, and what lenses and voices report.

/** A sentence of a body text, with its place in that text. */
export interface Sentence {
  /** Index in the text's sentence list; what links refer to. */
  id: number;
  text: string;
  /** Character offsets into the body text: text === body.slice(start, end). */
  start: number;
  end: number;
  /** Index of the paragraph (blocks separated by blank lines) it belongs to. */
  paragraph: number;
}

/**
 * What a link asserts:
 * - `same`: both outlets report this fact, quote or claim (a finding);
 * - `possible`: perhaps the same claim; a question for the reader, never a finding until confirmed;
 * - `contrast`: the same point with a different claim, and the slot that differs (a finding).
 */
export type LinkKind = 'same' | 'possible' | 'contrast';

/** What differs between two sentences on the same point. */
export type ContrastSlot = 'time' | 'number' | 'speaker' | 'certainty' | 'negation' | 'evaluation';

/** A stretch of one sentence, as offsets into that sentence's text. */
export interface Span {
  start: number;
  end: number;
}

/** Why two sentences were linked: what they share. */
export type EvidenceKind = 'name' | 'number' | 'quote' | 'word' | 'paraphrase';

/** One shared thing, as each sentence writes it ("Albusaidi" / "Al Busaidi"). */
export interface LinkEvidence {
  kind: EvidenceKind;
  a: string;
  b: string;
  aSpan: Span;
  bSpan: Span;
}

/**
 * The slot in which two sentences on the same point differ, and the phrase each
 * uses; a side's span is null when the difference is that it lacks the phrase
 * (a hedge or a negation the other does not have).
 */
export interface LinkContrast {
  slot: ContrastSlot;
  a: string;
  b: string;
  aSpan: Span | null;
  bSpan: Span | null;
}

/** Two sentences of two outlets, linked with what the engine asserts of them and why. */
export interface SentenceLink {
  a: number;
  b: number;
  kind: LinkKind;
  /** Similarity of the two sentences, 0–1. */
  score: number;
  /** How likely the two sentences are on the same point (same or contrast), 0–1, calibrated on the dev gold. */
  confidence: number;
  evidence: LinkEvidence[];
  /** On a `contrast`, the slot that differs; on a `possible` link, what would differ if a reader confirms it. */
  contrast?: LinkContrast;
}
