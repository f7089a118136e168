// Reads the text layer of a PDF with pdf.js and puts it back in reading order.
//
// pdf.js hands out text runs in content-stream order with their positions; a
// print page's stream order is whatever the layout program wrote, often row by
// row across columns. So the runs are regrouped by geometry: runs on one
// baseline and close together form a line segment (one line of one column),
// segments are ordered by Breuel's reading-order rules (T. M. Breuel, "High
// Performance Document Layout Analysis", 2003) plus one for stacked articles,
// and consecutive segments that sit line under line become blocks. The reader
// never guesses beyond layout: de-hyphenation, captions and boilerplate are
// the cleanup's job.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {
  PDFDocumentProxy,
  TextItem,
  TextMarkedContent,
} from 'pdfjs-dist/types/src/display/api';
import { UserError } from '../../shared/result';
import type { ExtractedDocument } from './extractedDocument';

type PdfJs = typeof PdfJsModule;

/** A run of text placed on the page, in points; y grows downward from the page top. */
interface PlacedText {
  text: string;
  left: number;
  right: number;
  baseline: number;
  size: number;
}

/** One line of one column: the runs on one baseline that are close together, joined. */
interface LineSegment extends PlacedText {
  /** Index of the page's baseline row, top to bottom; segments side by side share it. */
  row: number;
}

interface PageText {
  /** Line segments in reading order. */
  lines: LineSegment[];
  /** Rotated or vertical runs, which take no part in the column layout. */
  rotated: string[];
  /** Too many lines to look for columns: read top to bottom, left to right. */
  readTopToBottom: boolean;
}

// Geometry thresholds, in multiples of the font size (an "em").
/** Runs whose baselines differ by less than this share a line (superscripts included). */
const SAME_BASELINE_EM = 0.4;
/** A horizontal gap wider than this on one baseline separates columns, not words. */
const COLUMN_GAP_EM = 1.0;
/** A gap between two runs wider than this is a word space pdf.js did not write. */
const WORD_GAP_EM = 0.15;
/** Font sizes further apart than this ratio are different kinds of text (headline, body). */
const SIZE_CHANGE_RATIO = 1.15;
/** Line spacing this much above the usual spacing marks a paragraph break. */
const PARAGRAPH_GAP_RATIO = 1.3;
/** A first-line indent between these sizes starts a paragraph. */
const INDENT_MIN_EM = 0.8;
const INDENT_MAX_EM = 6;
/** Line spacing (baseline to baseline, in ems) assumed when a document gives no evidence. */
const DEFAULT_LINE_PITCH_EM = 1.2;
/** Line ends that keep the line break, so the cleanup can decide whether the word joins. */
const HYPHEN_AT_END = /[-\u00ad\u2010]$/;

/**
 * Pages read from one PDF. Each page costs pdf.js time and memory (a 10,000-page
 * file took 70 s); a newspaper edition or a long report is well under this.
 */
export const MAX_PDF_PAGES = 500;
/**
 * Line segments per page laid out in columns. The reading-order rules compare
 * segments pairwise (6,000 tiny lines on one page took 7 s); a broadsheet page
 * has about 1,500. A page with more is read top to bottom, with a warning.
 */
export const MAX_LAID_OUT_LINES = 2_000;

/**
 * Reads the text layer of a PDF in reading order. Throws UserError with one
 * clear sentence naming the file for a PDF without a text layer, and for a PDF
 * that cannot be parsed, needs a password, or fails inside pdf.js.
 */
export async function extractPdfText(
  bytes: Uint8Array,
  fileName: string,
): Promise<ExtractedDocument> {
  const pdfjs = await loadPdfJs();
  // A copy: pdf.js transfers the buffer it is given to its worker, which empties
  // the caller's bytes (kept for provenance and hashing), and it throws on a Buffer.
  const loadingTask = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Nothing here renders: no font faces, no eval of font programs, no fetches.
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    useWorkerFetch: false,
    useWasm: false,
    // CJK fonts that rely on predefined CMaps need these to map glyphs to text;
    // in Node pdf.js reads them from disk, never over the network.
    ...cMapOptions(),
  });
  try {
    const document = await askPdfJs(fileName, () => loadingTask.promise);
    if (document.numPages > MAX_PDF_PAGES) {
      throw new UserError(
        `${fileName} has ${document.numPages.toLocaleString('en-US')} pages, more than the ${MAX_PDF_PAGES} Parallax reads from one PDF; save the pages with the article as a separate PDF and import that.`,
      );
    }
    const pages: PageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await askPdfJs(fileName, () => readTextItems(document, number));
      pages.push(layOutPage(page, pdfjs));
    }
    return await assembleDocument(document, pages, fileName);
  } finally {
    await loadingTask.destroy();
  }
}

let pdfJsModule: Promise<PdfJs> | undefined;

/**
 * pdf.js is an ES module; our main bundle is CommonJS, where a dynamic import
 * still works. Under Node pdf.js runs its worker in this thread ("fake worker",
 * imported from the file next to pdf.mjs), so no worker setup is needed.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfJsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfJsModule;
}

/** Where pdfjs-dist keeps its CMaps, as the slash-terminated path pdf.js wants; {} if not found. */
function cMapOptions(): { cMapUrl?: string; cMapPacked?: boolean } {
  try {
    const packageJson = createRequire(__filename).resolve('pdfjs-dist/package.json');
    const folder = dirname(packageJson).replaceAll('\\', '/');
    return { cMapUrl: `${folder}/cmaps/`, cMapPacked: true };
  } catch {
    return {};
  }
}

/** Runs a pdf.js call; whatever it throws means the file is not a PDF pdf.js can read. */
async function askPdfJs<T>(fileName: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw unreadable(fileName, error);
  }
}

interface PageTextItems {
  items: TextItem[];
  /** From PDF space (y up, maybe /Rotate'd) to the page as a reader sees it. */
  viewportTransform: number[];
}

async function readTextItems(document: PDFDocumentProxy, number: number): Promise<PageTextItems> {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  const viewportTransform = page.getViewport({ scale: 1 }).transform;
  page.cleanup();
  return { items: content.items.filter(isTextItem), viewportTransform };
}

function layOutPage({ items, viewportTransform }: PageTextItems, pdfjs: PdfJs): PageText {
  // In the reader's view "upright" and "above" mean what they look like.
  const upright: PlacedText[] = [];
  const rotated: string[] = [];
  for (const item of items) {
    if (item.str.trim() === '') continue;
    const matrix = pdfjs.Util.transform(viewportTransform, numbers(item.transform));
    const placed = placeUpright(item, matrix);
    if (placed) upright.push(placed);
    else rotated.push(item.str.trim());
  }
  const segments = groupIntoLineSegments(upright);
  // Segments come in row order, left to right: the plain reading order.
  if (segments.length > MAX_LAID_OUT_LINES)
    return { lines: segments, rotated, readTopToBottom: true };
  return { lines: orderForReading(segments), rotated, readTopToBottom: false };
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** pdf.js types a transform as any[]; it is six numbers. */
function numbers(values: readonly unknown[]): number[] {
  return values.map((value) => (typeof value === 'number' ? value : 0));
}

/** A run's box in reading space, or null when its text does not run left to right upright. */
function placeUpright(item: TextItem, matrix: number[]): PlacedText | null {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = matrix;
  const size = Math.hypot(c, d);
  if (size === 0) return null;
  // Upright in a y-down space: x scale positive, y scale negative, no shear.
  const isUpright = a > 0 && d < 0 && Math.abs(b) < 0.05 * size && Math.abs(c) < 0.05 * size;
  if (!isUpright) return null;
  const width = Math.max(item.width, 0);
  return { text: item.str, left: x, right: x + width, baseline: y, size };
}

/** Runs on one baseline become one segment, split where a gap is too wide for a word space. */
function groupIntoLineSegments(runs: PlacedText[]): LineSegment[] {
  return sameBaselineRows(runs).flatMap((row, index) =>
    splitAtColumnGaps(withoutDoubleStrikes(row)).map((segment) => joinRuns(segment, index)),
  );
}

function sameBaselineRows(runs: PlacedText[]): PlacedText[][] {
  const sorted = [...runs].sort((p, q) => p.baseline - q.baseline || p.left - q.left);
  const rows: PlacedText[][] = [];
  let row: PlacedText[] = [];
  for (const run of sorted) {
    const first = row[0];
    const tolerance = first ? SAME_BASELINE_EM * Math.max(first.size, run.size) : 0;
    if (first && run.baseline - first.baseline <= tolerance) {
      row.push(run);
    } else {
      if (row.length) rows.push(row);
      row = [run];
    }
  }
  if (row.length) rows.push(row);
  return rows.map((r) => r.sort((p, q) => p.left - q.left));
}

/** Some PDFs fake bold by printing a run twice, a hair apart; keep one copy. */
function withoutDoubleStrikes(row: PlacedText[]): PlacedText[] {
  return row.filter((run, i) => {
    const previous = row[i - 1];
    return !(
      previous &&
      previous.text === run.text &&
      Math.abs(run.left - previous.left) < 0.3 * run.size
    );
  });
}

function splitAtColumnGaps(row: PlacedText[]): PlacedText[][] {
  const segments: PlacedText[][] = [];
  for (const run of row) {
    const current = segments.at(-1);
    const last = current?.at(-1);
    if (current && last && run.left - last.right <= COLUMN_GAP_EM * Math.max(run.size, last.size))
      current.push(run);
    else segments.push([run]);
  }
  return segments;
}

function joinRuns(runs: PlacedText[], row: number): LineSegment {
  let text = '';
  runs.forEach((run, i) => {
    const previous = runs[i - 1];
    const gap = previous ? run.left - previous.right : 0;
    if (previous && gap > WORD_GAP_EM * run.size) text += ' ';
    text += run.text;
  });
  // Loops, not Math.min(...runs): spreading a row of 100,000+ runs overflows the stack.
  let [left, right, size, baseline] = [Infinity, -Infinity, 0, 0];
  for (const run of runs) {
    left = Math.min(left, run.left);
    right = Math.max(right, run.right);
    // The body text's baseline, not a superscript's: the largest run sets it.
    if (run.size > size) [size, baseline] = [run.size, run.baseline];
  }
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    left,
    right,
    baseline,
    size,
    row,
  };
}

/**
 * Orders line segments by Breuel's two rules: a segment precedes another below
 * it when they overlap horizontally; a segment precedes one entirely to its
 * right unless a segment between them (vertically) overlaps both — a headline
 * or caption spanning the columns, which closes one band of columns.
 *
 * Two refinements keep his second rule from pulling text ahead of a column it
 * is merely left of: it applies only beside the column (not below the foot of
 * the column run holding b), and among segments the rules leave free the order
 * keeps reading down the current column, past a photo or a caption, unless the
 * next line down is larger than body type — a headline under the columns
 * starts a new article, so the columns to its right come first.
 */
function orderForReading(segments: LineSegment[]): LineSegment[] {
  const rows: number[][] = [];
  segments.forEach((segment, i) => (rows[segment.row] ??= []).push(i));
  const runFootRow = columnRunFootRows(segments, rows);
  const successors: number[][] = segments.map((a) => [
    ...[...segments.keys()].filter((j) => isAboveInSameColumn(a, segments[j]!)),
    ...unseparatedToTheRight(a, segments, rows).filter((j) => a.row <= runFootRow[j]!),
  ]);
  return topologicalOrder(segments, successors, bodySize(segments));
}

/** The type size most of the page's text is set in, by characters. */
function bodySize(segments: LineSegment[]): number {
  const characters = new Map<number, number>();
  for (const { size, text } of segments) {
    const rounded = Math.round(size * 2) / 2;
    characters.set(rounded, (characters.get(rounded) ?? 0) + text.length);
  }
  return [...characters].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0])[0];
}

function isAboveInSameColumn(a: LineSegment, b: LineSegment): boolean {
  if (a === b || !overlapsHorizontally(a, b)) return false;
  return a.row < b.row || (a.row === b.row && a.left < b.left);
}

function overlapsHorizontally(a: LineSegment, b: LineSegment): boolean {
  // A point of overlap is a touch, not an overlap: neighbouring columns may touch.
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1;
}

/**
 * Breuel's second rule for one segment: the segments entirely to its right
 * with no segment on a row between them that overlaps both. Walking away from
 * a's row in each direction, `reach` is the furthest right edge of the rows
 * passed that overlap a; a segment b to the right is separated from a exactly
 * when that reach extends over b's left edge. That keeps the rule O(n) per
 * segment instead of O(n²), which a broadsheet page of 1,500 lines needs.
 */
function unseparatedToTheRight(
  a: LineSegment,
  segments: LineSegment[],
  rows: number[][],
): number[] {
  const isRightOfA = (j: number): boolean => {
    const b = segments[j]!;
    return !overlapsHorizontally(a, b) && a.left < b.left;
  };
  const found = (rows[a.row] ?? []).filter(isRightOfA);
  for (const step of [1, -1]) {
    let reach = -Infinity;
    for (let r = a.row + step; r >= 0 && r < rows.length; r += step) {
      const row = rows[r] ?? [];
      found.push(...row.filter((j) => isRightOfA(j) && reach <= segments[j]!.left + 1));
      for (const j of row) {
        const c = segments[j]!;
        if (overlapsHorizontally(c, a)) reach = Math.max(reach, c.right);
      }
    }
  }
  return found;
}

/**
 * For each segment, the last row of its column run: the lines stacked under
 * one another, each the other's only nearest horizontal neighbour (so a
 * headline over two columns stacks on neither), same size, at most a paragraph
 * gap apart.
 */
function columnRunFootRows(segments: LineSegment[], rows: number[][]): number[] {
  const below = segments.map((s) => onlyNearest(s, segments, rows, 1));
  const above = segments.map((s) => onlyNearest(s, segments, rows, -1));
  const next = below.map((j, i) => {
    if (j === null || above[j] !== i) return null;
    const [upper, lower] = [segments[i]!, segments[j]!];
    const stacks = sameSize(upper, lower) && lower.baseline - upper.baseline < 3 * upper.size;
    return stacks ? j : null;
  });
  // Links only go down the page, so the foot is found walking up from the bottom.
  const footRow = segments.map((s) => s.row);
  [...segments.keys()]
    .sort((p, q) => segments[q]!.row - segments[p]!.row)
    .forEach((i) => {
      const j = next[i];
      if (j !== null && j !== undefined) footRow[i] = footRow[j]!;
    });
  return footRow;
}

/** The segment on the nearest row above (-1) or below (1) that overlaps s, if only one does. */
function onlyNearest(
  s: LineSegment,
  segments: LineSegment[],
  rows: number[][],
  step: 1 | -1,
): number | null {
  for (let r = s.row + step; r >= 0 && r < rows.length; r += step) {
    const overlapping = (rows[r] ?? []).filter((j) => overlapsHorizontally(s, segments[j]!));
    if (overlapping.length) return overlapping.length === 1 ? overlapping[0]! : null;
  }
  return null;
}

/**
 * Kahn's algorithm. Among the segments ready to go, the next line down the
 * current column goes first unless it is larger type; otherwise the topmost
 * (then leftmost). Odd layouts can make a cycle; then the topmost remaining
 * segment goes next rather than none.
 */
function topologicalOrder(
  segments: LineSegment[],
  successors: number[][],
  bodySize: number,
): LineSegment[] {
  const predecessorCount = segments.map(() => 0);
  for (const list of successors) for (const j of list) predecessorCount[j]!++;
  const placed = segments.map(() => false);
  const ready = [...segments.keys()].filter((k) => predecessorCount[k] === 0);
  const order: LineSegment[] = [];
  const readsEarlier = (p: number, q: number): boolean => {
    const [a, b] = [segments[p]!, segments[q]!];
    return a.row < b.row || (a.row === b.row && a.left < b.left);
  };
  const earliest = (candidates: number[]): number | undefined =>
    candidates.reduce<number | undefined>(
      (best, k) => (best === undefined || readsEarlier(k, best) ? k : best),
      undefined,
    );
  while (order.length < segments.length) {
    const last = order.at(-1);
    const continuing = last
      ? ready.filter((k) => continuesColumn(last, segments[k]!, bodySize))
      : [];
    const next =
      earliest(continuing) ??
      earliest(ready) ??
      earliest([...segments.keys()].filter((k) => !placed[k]))!;
    if (ready.includes(next)) ready.splice(ready.indexOf(next), 1);
    placed[next] = true;
    order.push(segments[next]!);
    for (const k of successors[next]!) {
      if (--predecessorCount[k]! === 0 && !placed[k]) ready.push(k);
    }
  }
  return order;
}

/** Whether `line` reads on down the column `last` is in: under it, and not a headline. */
function continuesColumn(last: LineSegment, line: LineSegment, bodySize: number): boolean {
  return (
    line.row > last.row &&
    overlapsHorizontally(last, line) &&
    line.size <= bodySize * SIZE_CHANGE_RATIO
  );
}

/**
 * Lines become blocks: a line continues the block above when it sits right
 * under it in the same column, at the usual spacing, the same size, and is not
 * a first-line indent. Pages, column tops and everything else start a block.
 */
function splitIntoBlocks(lines: LineSegment[], linePitchEm: number): LineSegment[][] {
  const blocks: LineSegment[][] = [];
  // The column's edges so far, to tell an indented line and a line that ends short.
  let column = { left: Infinity, right: -Infinity };
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const continues = previous !== undefined && isNextLine(previous, line);
    column = continues
      ? { left: Math.min(column.left, line.left), right: Math.max(column.right, line.right) }
      : { left: line.left, right: line.right };
    const block = blocks.at(-1);
    if (block && previous && continues && !startsParagraph(previous, line, column, linePitchEm))
      block.push(line);
    else blocks.push([line]);
  });
  return blocks;
}

/** Whether `line` is the line right under `previous` in the same column. */
function isNextLine(previous: LineSegment, line: LineSegment): boolean {
  const drop = line.baseline - previous.baseline;
  const size = Math.max(previous.size, line.size);
  return drop > SAME_BASELINE_EM * size && drop < 3 * size && overlapsHorizontally(previous, line);
}

function startsParagraph(
  previous: LineSegment,
  line: LineSegment,
  column: { left: number; right: number },
  linePitchEm: number,
): boolean {
  if (!sameSize(previous, line)) return true;
  const drop = line.baseline - previous.baseline;
  if (drop > linePitchEm * line.size * PARAGRAPH_GAP_RATIO) return true;
  const indent = line.left - column.left;
  const isIndented = indent >= INDENT_MIN_EM * line.size && indent <= INDENT_MAX_EM * line.size;
  // A centred line is inset on both sides by the same amount: not an indent.
  const isCentred = Math.abs(column.right - line.right - indent) < 0.5 * line.size;
  // An indented line under a flush one starts a paragraph; so does one under an
  // indented line that ends short (a one-line paragraph). Under an indented
  // full line it is the second line of a hanging indent.
  const previousIsFlush = previous.left < line.left - 0.5 * line.size;
  const previousEndsShort = previous.right < column.right - 2 * line.size;
  return isIndented && !isCentred && (previousIsFlush || previousEndsShort);
}

function sameSize(a: LineSegment, b: LineSegment): boolean {
  return Math.max(a.size, b.size) / Math.min(a.size, b.size) <= SIZE_CHANGE_RATIO;
}

/**
 * The document's usual baseline-to-baseline spacing in ems. A low quantile, not
 * the median: in short paragraphs paragraph gaps can be a good share of all gaps.
 */
function usualLinePitchEm(pages: PageText[]): number {
  const pitches: number[] = [];
  for (const { lines } of pages) {
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      if (previous && isNextLine(previous, line) && sameSize(previous, line)) {
        const pitch = (line.baseline - previous.baseline) / line.size;
        if (pitch >= 0.8) pitches.push(pitch);
      }
    });
  }
  if (!pitches.length) return DEFAULT_LINE_PITCH_EM;
  pitches.sort((p, q) => p - q);
  return pitches[Math.floor(pitches.length / 4)]!;
}

/** Lines of a paragraph join with a space; a line ending in a hyphen keeps its line break. */
function blockText(lines: LineSegment[]): string {
  return lines
    .map((line, i) => {
      if (i === lines.length - 1) return line.text;
      return line.text + (HYPHEN_AT_END.test(line.text) ? '\n' : ' ');
    })
    .join('');
}

async function assembleDocument(
  document: PDFDocumentProxy,
  pages: PageText[],
  fileName: string,
): Promise<ExtractedDocument> {
  const linePitchEm = usualLinePitchEm(pages);
  const blocks: string[] = [];
  const warnings: string[] = [];
  pages.forEach((page, index) => {
    blocks.push(...splitIntoBlocks(page.lines, linePitchEm).map(blockText), ...page.rotated);
    if (page.readTopToBottom)
      warnings.push(
        `page ${index + 1} has over ${MAX_LAID_OUT_LINES.toLocaleString('en-US')} lines; Parallax read it top to bottom without looking for columns.`,
      );
    if (page.rotated.length)
      warnings.push(
        `page ${index + 1} has rotated text; it is placed after the page's other text.`,
      );
    if (!page.lines.length && !page.rotated.length)
      warnings.push(`page ${index + 1} has no text (an image?)`);
  });
  const text = blocks.filter((block) => block !== '').join('\n\n');
  if (text === '') {
    throw new UserError(
      `${fileName} has no text layer (it is probably a scan); Parallax cannot read its words — run OCR on it first.`,
    );
  }
  return {
    text,
    captions: [],
    subheads: [],
    title: await metadataTitle(document),
    byline: null,
    // A PDF's CreationDate is when the file was made, not when the article was published.
    publishedAt: null,
    siteName: null,
    url: null,
    warnings,
  };
}

/** The Title entry of the document information dictionary, if it says anything. */
async function metadataTitle(document: PDFDocumentProxy): Promise<string | null> {
  // A broken information dictionary loses the title, not the text.
  const info: unknown = await document.getMetadata().then(
    (metadata) => metadata.info,
    () => null,
  );
  if (typeof info !== 'object' || info === null || !('Title' in info)) return null;
  const title = typeof info.Title === 'string' ? info.Title.replace(/\s+/g, ' ').trim() : '';
  return title === '' ? null : title;
}

function unreadable(fileName: string, error: unknown): UserError {
  return new UserError(`${fileName} is not a readable PDF: ${failureReason(error)}.`);
}

/** pdf.js's failure in a few words a reader understands. */
function failureReason(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'it is protected by a password';
  if (name === 'InvalidPDFException')
    return /empty/i.test(message) ? 'the file is empty' : 'it is damaged or not a PDF at all';
  const firstSentence = message.split(/\.\s/)[0]?.replace(/\.$/, '').trim() ?? '';
  return firstSentence ? `pdf.js failed (${firstSentence.slice(0, 120)})` : 'pdf.js failed';
}
