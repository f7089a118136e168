/**
 * What a format reader (HTML, PDF, plain text) hands to the cleanup: the text in
 * reading order, with blocks separated by blank lines, plus whatever metadata the
 * format itself carries. The reader never guesses; the cleanup does.
 */
export interface ExtractedDocument {
  /** Blocks (paragraphs, subheads, captions) in reading order, separated by blank lines. */
  text: string;
  /** Blocks the format marks as captions (e.g. <figcaption>); each also appears in `text`. */
  captions: string[];
  /** Blocks the format marks as subheads (e.g. <h2> inside the article); each also appears in `text`. */
  subheads: string[];
  title: string | null;
  byline: string | null;
  /** ISO date (yyyy-mm-dd or full timestamp) when the page states one. */
  publishedAt: string | null;
  /** The outlet as the page names itself (og:site_name), if it does. */
  siteName: string | null;
  /** Where it came from, for URL imports (after redirects). */
  url: string | null;
  warnings: string[];
}
