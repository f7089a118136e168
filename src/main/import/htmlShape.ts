// A cheap look at an HTML page's shape before jsdom builds it. jsdom's tree
// building slows down with the square of the nesting depth (5,000 nested
// <div>s take 14 s, 20,000 overflow the stack) and costs about 2.5 KB per
// element (1.4 million empty tags, a 10 MB file, exhaust a 4 GB heap), and
// Readability's passes over such trees take minutes. Real article pages nest a
// few dozen levels and hold a few thousand elements, so pages far beyond that
// are refused before parsing, with a message saying why.

/** Chromium's parser stops nesting at 512 levels; a real article page uses a few dozen. */
export const MAX_HTML_DEPTH = 512;
/** A long article page with comments holds some 20,000 elements. */
export const MAX_HTML_ELEMENTS = 50_000;

export interface HtmlShape {
  /** Start tags seen (an upper bound on the elements jsdom would build). */
  elements: number;
  /** The deepest nesting of open elements, as the HTML parser would build it (near enough). */
  depth: number;
}

/** Elements that never have content. */
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen'.split(
    ' ',
  ),
);
/** Elements whose end tag may be left out; the parser closes them, so they add no depth. */
const OPTIONAL_END = new Set(
  'p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp rtc'.split(' '),
);
/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed']);
/** Inside these, `<x/>` closes the element, as in XML. */
const FOREIGN = new Set(['svg', 'math']);

// A comment, a start or end tag, or other markup (doctype, processing instruction).
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)([^>]*)>|<[!?][^>]*>/g;

/** Counts the elements and nesting depth of `html` in one linear scan, stopping early once both limits are passed. */
export function measureHtml(html: string): HtmlShape {
  const open: string[] = [];
  let foreignDepth = 0;
  let elements = 0;
  let depth = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const [, slash, rawName, attributes] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (slash) {
      const at = open.lastIndexOf(name);
      if (at !== -1) {
        for (let i = open.length - 1; i >= at; i--) if (FOREIGN.has(open[i]!)) foreignDepth--;
        open.length = at;
      }
      continue;
    }
    elements++;
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = endTag.exec(html)?.index ?? html.length;
      continue;
    }
    const selfClosed = foreignDepth > 0 && attributes?.trimEnd().endsWith('/');
    if (VOID.has(name) || OPTIONAL_END.has(name) || selfClosed) continue;
    open.push(name);
    if (FOREIGN.has(name)) foreignDepth++;
    depth = Math.max(depth, open.length);
    if (elements > MAX_HTML_ELEMENTS && depth > MAX_HTML_DEPTH) break;
  }
  return { elements, depth };
}

/** Why a page is too big or too deep to read, or null when it is fine. */
export function htmlShapeProblem(html: string, fileName: string): string | null {
  const { elements, depth } = measureHtml(html);
  if (depth > MAX_HTML_DEPTH) {
    return `${fileName} nests its HTML more than ${MAX_HTML_DEPTH} levels deep (an article page uses a few dozen); Parallax does not read pages built like this.`;
  }
  if (elements > MAX_HTML_ELEMENTS) {
    return `${fileName} has over ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} HTML elements (an article page has a few thousand); Parallax does not read pages this large — save the article alone, or copy its text and paste it.`;
  }
  return null;
}
