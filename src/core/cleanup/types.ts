/** Every kind of change the cleanup makes; nothing else ever alters the text. */
export type CleanupChangeKind =
  | 'joined-hyphenation' // "offi-" + "cials" → "officials"
  | 'rejoined-sentence' // a sentence cut by a line, column or page break, or a caption
  | 'caption' // a photo caption moved out of the body
  | 'credit' // a photo credit ("● IRNA") moved out of the body
  | 'subhead' // a section heading kept as its own paragraph, marked as a subhead
  | 'boilerplate' // site or page furniture dropped
  | 'headline'
  | 'deck'
  | 'byline'
  | 'reordered'; // text put back in order after a column jump

export interface CleanupChange {
  kind: CleanupChangeKind;
  /** The text concerned, as it was in the input (for joins: the two pieces joined). */
  text: string;
  /** For joins, the word as it now reads. */
  result?: string;
  /**
   * Set on the one entry that stands for the changes of its kind not listed (past the
   * first examples): how many there were. Its text is empty.
   */
  more?: number;
}

export interface CleanArticle {
  headline: string | null;
  deck: string | null;
  byline: string | null;
  /** Body paragraphs in reading order, subheads included. */
  paragraphs: string[];
  /** Indices into `paragraphs` of the subheads. */
  subheads: number[];
  /** Photo captions and credits, in the order they appeared. */
  captions: string[];
}

export interface CleanupResult {
  articles: CleanArticle[];
  /** Boilerplate that was dropped. */
  dropped: string[];
  changes: CleanupChange[];
  warnings: string[];
}

export interface CleanupOptions {
  /**
   * `page`: the text may hold several articles, each opening with a headline.
   * `article`: one article's text; nothing is taken as a headline (used on bodies,
   * so cleaning cleaned text changes nothing).
   */
  mode: 'page' | 'article';
  /** Blocks a format reader already knows are captions (HTML figcaption). */
  knownCaptions?: readonly string[];
  /** Blocks a format reader already knows are subheads (HTML h2–h6). */
  knownSubheads?: readonly string[];
}
