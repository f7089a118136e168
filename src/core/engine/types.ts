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

export type LinkKind = 'same' | 'related';

/** Two sentences of two outlets that report the same fact, quote or claim (`same`), or the same point with a different claim (`related`). */
export interface SentenceLink {
  a: number;
  b: number;
  kind: LinkKind;
  /** 0–1, higher is surer. */
  score: number;
}
