import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { UserError } from '../../shared/result';
import type { ExtractedDocument } from './extractedDocument';
import { htmlShapeProblem } from './htmlShape';

/**
 * The article in an HTML page, via Readability over jsdom. Throws UserError with
 * one clear sentence when the page has no readable article.
 *
 * jsdom is created without `resources` and without `runScripts`: it then loads no
 * subresource (images, styles, frames, scripts) and runs no script or on* handler,
 * so reading a hostile page touches neither the network nor the app.
 */
export function extractHtmlArticle(
  html: string,
  options: { url?: string; fileName: string },
): ExtractedDocument {
  // Checked before jsdom: a page nested or sized like a bomb would hang or exhaust it.
  const problem = htmlShapeProblem(html, options.fileName);
  if (problem !== null) throw new UserError(problem);
  const dom = new JSDOM(html);
  try {
    const document = dom.window.document;
    // Read before Readability runs: it rewrites the document (drops JSON-LD, <time>, the <h1>).
    const page = readPageMetadata(document);
    const article = new Readability<Node>(document, {
      // Caption detection needs class names, which Readability strips by default.
      keepClasses: true,
      // Hand back the content node itself: it is already a parsed DOM, no need to re-serialise.
      serializer: (node) => node,
    }).parse();
    const byline = cleanByline(article?.byline) ?? page.byline;
    const siteName = page.siteName ?? plainText(article?.siteName);
    const title = chooseTitle(plainText(article?.title), page, siteName);
    const blocks = article?.content ? readBlocks(article.content) : [];
    const body = trimPageChrome(blocks, { title, byline });
    if (!hasArticleText(body)) {
      throw new UserError(
        `${options.fileName} has no article text Parallax can find (is it a front page or a login wall?).`,
      );
    }
    return {
      text: body.map((block) => block.text).join('\n\n'),
      captions: body.filter((block) => block.kind === 'caption').map((block) => block.text),
      subheads: body.filter((block) => block.kind === 'subhead').map((block) => block.text),
      title,
      byline,
      publishedAt: page.publishedAt,
      siteName,
      url: options.url ?? page.url,
      warnings: looksMalformed(html) ? [MALFORMED_WARNING] : [],
    };
  } finally {
    dom.window.close();
  }
}

const MALFORMED_WARNING = 'The page is malformed HTML; Parallax read what it could.';

// ---------------------------------------------------------------------------
// Page metadata

interface PageMetadata {
  /** Headlines the page states outright, used to tell a headline from "headline | Site". */
  headlines: string[];
  byline: string | null;
  publishedAt: string | null;
  siteName: string | null;
  url: string | null;
}

interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
}

function readPageMetadata(document: Document): PageMetadata {
  const jsonLd = readJsonLdArticle(document);
  const h1 = plainText(
    (document.querySelector('article h1') ?? document.querySelector('h1'))?.textContent,
  );
  const ogTitle = plainText(metaContent(document, ['og:title']));
  return {
    headlines: [h1, ogTitle, plainText(jsonLd?.headline)].filter(isPresent),
    byline: cleanByline(metaContent(document, ['author'])) ?? cleanByline(jsonLd?.author),
    publishedAt: firstIsoDate([
      metaContent(document, ['article:published_time']),
      jsonLd?.datePublished,
      timeElementDate(document),
      metaContent(document, META_DATE_NAMES),
    ]),
    siteName:
      plainText(metaContent(document, ['og:site_name'])) ?? plainText(jsonLd?.publisher) ?? null,
    url:
      webAddress(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ??
      webAddress(metaContent(document, ['og:url'])),
  };
}

/** <meta name|property|itemprop> values that carry a publication date, besides the ones above. */
const META_DATE_NAMES = [
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'datepublished',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];

/** The content of the first <meta> whose name, property or itemprop is one of `keys`. */
function metaContent(document: Document, keys: string[]): string | null {
  const wanted = new Set(keys.map((key) => key.toLowerCase()));
  for (const meta of document.querySelectorAll('meta[content]')) {
    const key =
      meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    const content = meta.getAttribute('content')?.trim();
    if (key && content && wanted.has(key.trim().toLowerCase())) return content;
  }
  return null;
}

/** The date of the article's own <time>, preferring one marked as the publication date. */
function timeElementDate(document: Document): string | null {
  const time =
    document.querySelector('time[itemprop~="datePublished"][datetime]') ??
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[datetime]');
  return time?.getAttribute('datetime') ?? null;
}

/** Only absolute http(s) addresses: a canonical link can be relative or hostile (javascript:). */
function webAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// JSON-LD

/** The first Article-like object in the page's JSON-LD blocks; broken blocks are skipped. */
function readJsonLdArticle(document: Document): JsonLdArticle | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const article = jsonLdNodes(parsed).find(isArticleNode);
    if (article) {
      return {
        headline: stringValue(article['headline']),
        author: personNames(article['author']),
        datePublished: stringValue(article['datePublished']),
        publisher: personNames(article['publisher']),
      };
    }
  }
  return null;
}

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object at the top of a JSON-LD value: a single node, an array, or an @graph. */
function jsonLdNodes(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (!isJsonObject(value)) return [];
  const graph = value['@graph'];
  return graph === undefined ? [value] : [value, ...jsonLdNodes(graph)];
}

function isArticleNode(node: JsonObject): boolean {
  const types = [node['@type']].flat().filter((type) => typeof type === 'string');
  return types.some((type) => /Article$|^BlogPosting$|^Report$/.test(type));
}

function stringValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return stringValue(value[0]);
  return null;
}

/** "name" of a Person/Organization, or of each in a list, joined with commas. */
function personNames(value: unknown): string | null {
  const names = [value]
    .flat()
    .map((entry) => (isJsonObject(entry) ? entry['name'] : entry))
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  return names.length > 0 ? names.join(', ') : null;
}

// ---------------------------------------------------------------------------
// Title, byline, date

/**
 * Readability's title, without the " | Site" suffix many pages append to og:title
 * and <title>: cut when the suffix is the site's name, or when the title is a
 * headline the page states elsewhere (h1, og:title, JSON-LD) plus a suffix.
 */
function chooseTitle(
  readabilityTitle: string | null,
  page: PageMetadata,
  siteName: string | null,
): string | null {
  if (!readabilityTitle) return page.headlines[0] ?? null;
  if (siteName) {
    const stripped = stripSiteSuffix(readabilityTitle, siteName);
    if (stripped !== readabilityTitle) return stripped;
  }
  const headline = page.headlines.find(
    (candidate) =>
      candidate !== readabilityTitle &&
      readabilityTitle.startsWith(candidate) &&
      TITLE_SEPARATOR.test(readabilityTitle.slice(candidate.length)),
  );
  return headline ?? readabilityTitle;
}

/** What follows a headline before a site name: " | Site", " - Site", " — Site", " · Site". */
const TITLE_SEPARATOR = /^\s+[|\-–—·:»]\s+\S/;

function stripSiteSuffix(title: string, siteName: string): string {
  const suffix = new RegExp(`\\s+[|\\-–—·:»]\\s+${escapeRegExp(siteName)}\\s*$`, 'i');
  const stripped = title.replace(suffix, '');
  return stripped.trim() === '' ? title : stripped;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A byline as a name: "By Jane Doe" → "Jane Doe"; a profile URL is not a byline. */
function cleanByline(value: string | null | undefined): string | null {
  const text = plainText(value)?.replace(/^by\s+/i, '');
  if (!text || /^https?:\/\//i.test(text)) return null;
  return text;
}

/** The first value that reads as a date, as an ISO string. */
function firstIsoDate(values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const date = value ? toIsoDate(value.trim()) : null;
    if (date) return date;
  }
  return null;
}

const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO dates and timestamps are kept as the page wrote them: converting to UTC
 * would move a late-evening story in Tehran or Beijing to another calendar day.
 * Other formats ("February 6, 2026", RFC 2822) go through Date; a date without a
 * time of day stays a date.
 */
function toIsoDate(value: string): string | null {
  if (ISO_DATE_ONLY.test(value)) return isRealDate(value) ? value : null;
  if (ISO_DATE_TIME.test(value)) {
    const normalised = value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    return isRealDate(normalised.slice(0, 10)) ? normalised : null;
  }
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return null;
  if (/\d{1,2}:\d{2}/.test(value)) return parsed.toISOString();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

function isRealDate(yyyyMmDd: string): boolean {
  const date = new Date(`${yyyyMmDd}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(yyyyMmDd);
}

// ---------------------------------------------------------------------------
// Body blocks

type BlockKind = 'paragraph' | 'subhead' | 'caption';

interface Block {
  kind: BlockKind;
  text: string;
  /** The block's text is all link text (a section label, a tag list, "Share on X"). */
  linkOnly: boolean;
  /** The block holds a <time>: in the lines above a story that is the dateline. */
  hasTime: boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'img',
  'picture',
  'button',
  'input',
  'select',
  'textarea',
  'head',
  'title',
]);

/** Elements that start and end a block of text; everything else is inline. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
]);

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

function roleOf(element: Element): BlockKind | null {
  const name = element.localName;
  if (/^h[1-6]$/.test(name)) return 'subhead';
  if (name === 'figcaption' || name === 'caption') return 'caption';
  if (/caption/i.test(element.getAttribute('class') ?? '')) return 'caption';
  return null;
}

/**
 * The text blocks of Readability's content in document order. A paragraph is the
 * run of inline text between two block boundaries, so text loose in a <div> or
 * around a nested list is kept, and a <li> holding a list is not read twice.
 */
function readBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  let run = { text: '', linkText: '', hasTime: false };

  const flush = (): void => {
    const text = collapseWhitespace(run.text);
    if (text) {
      const linkOnly = collapseWhitespace(run.linkText).length >= text.length;
      blocks.push({ kind: 'paragraph', text, linkOnly, hasTime: run.hasTime });
    }
    run = { text: '', linkText: '', hasTime: false };
  };

  const visit = (node: Node, insideLink: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      run.text += node.textContent ?? '';
      if (insideLink) run.linkText += node.textContent ?? '';
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.localName)) return;
    const role = roleOf(node);
    if (role) {
      flush();
      const text = collapseWhitespace(visibleText(node));
      if (text) blocks.push({ kind: role, text, linkOnly: false, hasTime: false });
      return;
    }
    if (node.localName === 'br') {
      run.text += ' ';
      return;
    }
    if (node.localName === 'time') run.hasTime = true;
    const isBlock = BLOCK_ELEMENTS.has(node.localName);
    if (isBlock) flush();
    for (const child of node.childNodes) visit(child, insideLink || node.localName === 'a');
    if (isBlock) flush();
  };

  visit(root, false);
  flush();
  return blocks;
}

/** Text a reader would see: no script, style or other SKIPPED content; <br> as a space. */
function visibleText(node: Node): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
  if (!isElement(node) && node.nodeType !== DOCUMENT_FRAGMENT_NODE) return '';
  if (isElement(node) && SKIPPED.has(node.localName)) return '';
  if (isElement(node) && node.localName === 'br') return ' ';
  let text = '';
  for (const child of node.childNodes) text += visibleText(child);
  return text;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Fewer words than this and a paragraph is a label, not prose. */
const PROSE_MIN_WORDS = 8;
/** Less prose than this and the page is a front page, a login wall or an error page. */
const ARTICLE_MIN_WORDS = 30;

function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length;
}

function isProse(block: Block): boolean {
  return block.kind === 'paragraph' && wordCount(block.text) >= PROSE_MIN_WORDS;
}

/**
 * Readability keeps the lines around a story when they share its container: the
 * section label and dateline above, a tag list below. Drop them only there, and
 * only when they are plainly not prose: all links, a <time>, the byline or the title.
 */
function trimPageChrome(
  blocks: Block[],
  article: { title: string | null; byline: string | null },
): Block[] {
  const isHeaderLine = (block: Block): boolean =>
    block.kind !== 'caption' &&
    !isProse(block) &&
    (block.linkOnly ||
      block.hasTime ||
      sameText(block.text, article.title) ||
      sameText(block.text.replace(/^by\s+/i, ''), article.byline));
  const isFooterLine = (block: Block): boolean => block.kind === 'paragraph' && block.linkOnly;

  let start = 0;
  while (start < blocks.length && isHeaderLine(blocks[start]!)) start++;
  let end = blocks.length;
  while (end > start && isFooterLine(blocks[end - 1]!)) end--;
  return blocks.slice(start, end);
}

function sameText(a: string, b: string | null): boolean {
  return b !== null && a.toLowerCase() === b.toLowerCase();
}

function hasArticleText(blocks: Block[]): boolean {
  const proseWords = blocks.filter(isProse).reduce((sum, block) => sum + wordCount(block.text), 0);
  return proseWords >= ARTICLE_MIN_WORDS;
}

// ---------------------------------------------------------------------------
// Plain text and malformed HTML

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/**
 * Metadata as plain text. <title> and meta content are raw text, so a hostile or
 * broken page can put markup in them ("Headline<img onerror=…>"); parse such a
 * value as an inert fragment and keep only what a reader would see.
 */
function plainText(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = collapseWhitespace(value.includes('<') ? visibleText(JSDOM.fragment(value)) : value);
  return text === '' ? null : text;
}

/** Elements that must be closed explicitly; <p>, <li> and friends may legally be left open. */
const MUST_CLOSE = new Set([
  'a',
  'article',
  'aside',
  'b',
  'blockquote',
  'div',
  'em',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'i',
  'main',
  'nav',
  'ol',
  'section',
  'span',
  'strong',
  'table',
  'ul',
]);

/**
 * A cheap check, because jsdom repairs anything without saying so: count opening
 * and closing tags of elements that must be closed, outside comments and raw-text
 * elements. Any imbalance means the parser had to guess the page's structure.
 */
function looksMalformed(html: string): boolean {
  // Each pattern also ends at the end of the page, so an unclosed comment, raw-text
  // element, tag or quote is matched once: required closers made every "<!--"
  // without "-->" rescan the rest of the page, quadratic in their number.
  const markup = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|textarea|title|template)\b[^>]*(?:>|$)[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  const balance = new Map<string, number>();
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*(?:"|$)|'[^']*(?:'|$))*(?:>|$)/g;
  for (const match of markup.matchAll(tag)) {
    const name = match[2]!.toLowerCase();
    if (!MUST_CLOSE.has(name)) continue;
    balance.set(name, (balance.get(name) ?? 0) + (match[1] ? -1 : 1));
  }
  return [...balance.values()].some((count) => count !== 0);
}
