// A cheap look at an HTML page's shape before jsdom builds it. jsdom's tree
// building slows down with the square of the nesting depth (5,000 nested
// <div>s take 14 s, 20,000 overflow the stack) and costs about 2.5 KB per
// element (1.4 million empty tags, a 10 MB file, exhaust a 4 GB heap), and
// Readability's passes over such trees take minutes. Real article pages nest a
// few dozen levels and hold a few thousand elements, so pages far beyond that
// are refused before parsing, with a message saying why.
//
// The depth is that of the tree the HTML parser would build, so sloppy real
// pages (an unclosed <a> in every <p>, cells without end tags) are not taken
// for bombs: the scan models the parser's implied end tags, its scopes and,
// roughly, its "adoption agency" for misnested formatting tags. It does not
// model the reopening of formatting elements closed by a block's end tag.

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

const words = (list: string) => new Set(list.split(' '));

/** Elements that never have content. */
const VOID = words(
  'area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen',
);
/** The parser merges repeats of these into the one it has, so they add no depth after the first. */
const ROOT = words('html head body');
/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = words('script style textarea title xmp iframe noembed');
/** Inside these, `<x/>` closes the element, as in XML. */
const FOREIGN = words('svg math');
/** Formatting tags: a misnested end tag runs the parser's adoption agency. */
const FORMATTING = words('a b big code em font i nobr s small strike strong tt u');
/** The parser's "special" elements: an unrelated end tag stops at them. */
const SPECIAL = words(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp',
);
/** Start tags that close an open <p>. */
const CLOSES_P = words(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section search summary table ul li dd dt listing plaintext xmp',
);
/** Where a search for an open element stops ("has an element in scope"). */
const SCOPE = words('applet caption html table td th marquee object template');
const BUTTON_SCOPE = new Set([...SCOPE, 'button']);
const LIST_ITEM_SCOPE = new Set([...SCOPE, 'ol', 'ul']);
const TABLE_SCOPE = words('html table template');
/** What a new row or cell closes back to. */
const ROW_PARENT = words('table tbody thead tfoot');
const CELL_PARENT = words('table tbody thead tfoot tr');
const TABLE_PARTS = words('caption colgroup thead tbody tfoot tr td th');
/** Where text is table text, which reopens nothing. */
const TABLE_TEXT = words('table tbody thead tfoot tr');

// A comment, a start or end tag, or other markup (doctype, processing instruction).
// A tag left open at the end of the page runs to its end, as in the parser; a
// required ">" would make each such "<a " rescan the rest of the page.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)([^>]*)(?:>|$)|<[!?][^>]*(?:>|$)/g;

/**
 * The stack of open elements, as the parser keeps it. It never grows past
 * MAX_HTML_DEPTH + 1 (the scan stops there), so its searches stay cheap; a
 * count per name makes end tags of elements that are not open cost nothing.
 */
class OpenElements {
  readonly names: string[] = [];
  /** Each open element's id, parallel to `names`, so a formatting entry can tell whether its element is open. */
  readonly ids: number[] = [];
  private readonly counts = new Map<string, number>();
  private readonly openIds = new Set<number>();
  private nextId = 0;

  constructor(private readonly onClose: (name: string) => void = () => undefined) {}

  get length(): number {
    return this.names.length;
  }
  isOpen(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }
  isOpenElement(id: number): boolean {
    return this.openIds.has(id);
  }
  push(name: string): number {
    const id = this.nextId++;
    this.names.push(name);
    this.ids.push(id);
    this.openIds.add(id);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    return id;
  }
  /** Closes the element at `index` and everything opened inside it. */
  closeFrom(index: number): void {
    for (let i = this.names.length - 1; i >= index; i--) {
      const name = this.names[i]!;
      this.counts.set(name, this.counts.get(name)! - 1);
      this.openIds.delete(this.ids[i]!);
      this.onClose(name);
    }
    this.names.length = index;
    this.ids.length = index;
  }
  /** Where the innermost open `name` is, searching out until a `boundary`; -1 if not there. */
  find(name: string | Set<string>, boundary: Set<string>): number {
    for (let i = this.names.length - 1; i >= 0; i--) {
      const here = this.names[i]!;
      if (typeof name === 'string' ? here === name : name.has(here)) return i;
      if (boundary.has(here)) return -1;
    }
    return -1;
  }
  lastIndexOf(names: Set<string>): number {
    for (let i = this.names.length - 1; i >= 0; i--) if (names.has(this.names[i]!)) return i;
    return -1;
  }
  /** The adoption agency, for depth: a formatting element with a block opened inside it moves inside that block. */
  adopt(index: number): void {
    const block = this.names.findIndex((name, i) => i > index && SPECIAL.has(name));
    if (block === -1) return this.closeFrom(index);
    const [moved] = this.names.splice(index, 1);
    const [movedId] = this.ids.splice(index, 1);
    this.names.splice(block, 0, moved!);
    this.ids.splice(block, 0, movedId!);
  }
}

/** Elements that put a marker in the list of active formatting elements: reopening stops there. */
const MARKER_ELEMENTS = words('applet marquee object template td th caption');
/** Start tags before which the parser reopens closed formatting elements (HTML's "reconstruct"). */
const RECONSTRUCTS_BEFORE = words(
  'applet marquee object area br embed img keygen wbr input button select math svg image',
);

interface FormattingEntry {
  name: string;
  /** The tag with its attributes: the parser keeps at most three entries alike. */
  key: string;
  /** The open element it stands for, or, once closed, the last one it did. */
  id: number;
  removed: boolean;
}

/**
 * The parser's list of active formatting elements, for counting. A <b> closed by
 * the end of its <p> stays listed and is reopened (a new element) before the
 * next text: 300 distinct unclosed <b>s before 300 short paragraphs make 90,000
 * elements from 6 KB. Entries are removed lazily, and the list compacted, so
 * each operation costs, amortised, what it adds to the element count.
 */
class ActiveFormatting {
  private entries: (FormattingEntry | null)[] = []; // null: a marker
  private removedCount = 0;
  /** Per marker-delimited section: entries alike (≤ 3) and the entries of each tag name. */
  private sections: {
    byKey: Map<string, FormattingEntry[]>;
    byName: Map<string, FormattingEntry[]>;
  }[] = [{ byKey: new Map(), byName: new Map() }];

  add(name: string, key: string, id: number): void {
    const section = this.sections.at(-1)!;
    const alike = section.byKey.get(key) ?? [];
    // Noah's Ark clause: a fourth entry alike pushes out the earliest.
    if (alike.length === 3) this.remove(alike.shift()!);
    const entry: FormattingEntry = { name, key, id, removed: false };
    alike.push(entry);
    section.byKey.set(key, alike);
    const named = section.byName.get(name) ?? [];
    named.push(entry);
    section.byName.set(name, named);
    this.entries.push(entry);
  }
  /** The last live entry for `name` since the last marker. */
  last(name: string): FormattingEntry | undefined {
    const named = this.sections.at(-1)!.byName.get(name);
    while (named?.length && named.at(-1)!.removed) named.pop();
    return named?.at(-1);
  }
  remove(entry: FormattingEntry): void {
    if (entry.removed) return;
    entry.removed = true;
    const alike = this.sections.at(-1)!.byKey.get(entry.key);
    const at = alike?.indexOf(entry) ?? -1;
    if (at !== -1) alike!.splice(at, 1);
    if (++this.removedCount > this.entries.length / 2) {
      this.entries = this.entries.filter((e) => e === null || !e.removed);
      this.removedCount = 0;
    }
  }
  pushMarker(): void {
    this.entries.push(null);
    this.sections.push({ byKey: new Map(), byName: new Map() });
  }
  clearToMarker(): void {
    if (this.sections.length === 1) return;
    this.sections.pop();
    while (this.entries.length > 0 && this.entries.pop() !== null);
  }
  /** The entries to reopen: those after the last marker or open element, in order. */
  closedTail(isOpen: (id: number) => boolean): FormattingEntry[] {
    const tail: FormattingEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (entry === null || (!entry.removed && isOpen(entry.id))) break;
      if (!entry.removed) tail.push(entry);
    }
    return tail.reverse();
  }
}

/** The elements a start tag implicitly closes first (HTML's "in body" and table rules). */
function closeImplied(open: OpenElements, name: string): void {
  if (CLOSES_P.has(name) && open.isOpen('p')) {
    const p = open.find('p', BUTTON_SCOPE);
    if (p !== -1) open.closeFrom(p);
  }
  switch (name) {
    case 'li':
    case 'dd':
    case 'dt': {
      const same = name === 'li' ? ['li'] : ['dd', 'dt'];
      for (let i = open.length - 1; i >= 0; i--) {
        const here = open.names[i]!;
        if (same.includes(here)) return open.closeFrom(i);
        if (SPECIAL.has(here) && here !== 'address' && here !== 'div' && here !== 'p') return;
      }
      return;
    }
    case 'option':
    case 'optgroup':
      if (open.names.at(-1) === 'option') open.closeFrom(open.length - 1);
      if (name === 'optgroup' && open.names.at(-1) === 'optgroup') open.closeFrom(open.length - 1);
      return;
    case 'tr': {
      const parent = open.lastIndexOf(ROW_PARENT);
      if (parent !== -1) open.closeFrom(parent + 1);
      return;
    }
    case 'td':
    case 'th': {
      const parent = open.lastIndexOf(CELL_PARENT);
      if (parent !== -1) open.closeFrom(parent + 1);
      return;
    }
    case 'caption':
    case 'colgroup':
    case 'thead':
    case 'tbody':
    case 'tfoot': {
      const table = open.lastIndexOf(TABLE_SCOPE);
      if (table !== -1) open.closeFrom(table + 1);
      return;
    }
  }
}

/** What an end tag closes: back to its open element when the parser would reach it, else nothing. */
function closeByEndTag(open: OpenElements, name: string): void {
  if (!open.isOpen(name)) return;
  if (FORMATTING.has(name)) {
    const at = open.find(name, SCOPE);
    if (at !== -1) open.adopt(at);
    return;
  }
  if (SPECIAL.has(name)) {
    const scope =
      name === 'p'
        ? BUTTON_SCOPE
        : name === 'li'
          ? LIST_ITEM_SCOPE
          : TABLE_PARTS.has(name) || name === 'table'
            ? TABLE_SCOPE
            : SCOPE;
    const at = open.find(name, scope);
    if (at !== -1) open.closeFrom(at);
    return;
  }
  // Any other end tag: closes its element unless a special one is open inside it.
  for (let i = open.length - 1; i >= 0; i--) {
    const here = open.names[i]!;
    if (here === name) return open.closeFrom(i);
    if (SPECIAL.has(here)) return;
  }
}

/** Counts the elements and nesting depth of `html` in one linear scan, stopping as soon as either limit is passed. */
export function measureHtml(html: string): HtmlShape {
  const formatting = new ActiveFormatting();
  let foreignDepth = 0;
  const open = new OpenElements((name) => {
    if (FOREIGN.has(name)) foreignDepth--;
    if (MARKER_ELEMENTS.has(name)) formatting.clearToMarker();
  });
  let elements = 0;
  let depth = 0;
  const pushElement = (name: string): number => {
    const id = open.push(name);
    depth = Math.max(depth, open.length);
    return id;
  };
  const reconstruct = (): void => {
    for (const entry of formatting.closedTail((id) => open.isOpenElement(id))) {
      entry.id = pushElement(entry.name);
      elements++;
    }
  };
  const overLimit = () => elements > MAX_HTML_ELEMENTS || depth > MAX_HTML_DEPTH;
  let textFrom = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    // Text since the last tag reopens formatting elements, except where only a table may go.
    if (match.index > textFrom && foreignDepth === 0 && !TABLE_TEXT.has(open.names.at(-1) ?? '')) {
      reconstruct();
      if (overLimit()) break;
    }
    textFrom = TOKEN.lastIndex;
    const [, slash, rawName, attributes] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (slash) {
      if (foreignDepth === 0 && FORMATTING.has(name)) {
        // An end tag for a closed formatting element just drops it from the list.
        const entry = formatting.last(name);
        if (entry) formatting.remove(entry);
        if (entry && !open.isOpenElement(entry.id)) continue;
        if (open.isOpen(name)) closeByEndTag(open, name);
        continue;
      }
      if (ROOT.has(name) || !open.isOpen(name)) continue;
      if (foreignDepth > 0) {
        // Foreign content (SVG, MathML) nests as written, like XML.
        const at = open.names.lastIndexOf(name);
        if (at !== -1) open.closeFrom(at);
      } else {
        closeByEndTag(open, name);
      }
      continue;
    }
    elements++;
    if (elements > MAX_HTML_ELEMENTS) break;
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = endTag.exec(html)?.index ?? html.length;
      textFrom = TOKEN.lastIndex;
      continue;
    }
    const selfClosed = foreignDepth > 0 && attributes?.trimEnd().endsWith('/');
    if (foreignDepth === 0) {
      closeImplied(open, name);
      if (name === 'a') {
        // A new <a> first closes the one still listed (the adoption agency).
        const previous = formatting.last('a');
        if (previous) {
          formatting.remove(previous);
          const at = open.ids.lastIndexOf(previous.id);
          if (at !== -1) open.adopt(at);
        }
      }
      if (FORMATTING.has(name) || RECONSTRUCTS_BEFORE.has(name) || !SPECIAL.has(name)) {
        reconstruct();
        if (overLimit()) break;
      }
    }
    if (VOID.has(name) || ROOT.has(name) || selfClosed) continue;
    const id = pushElement(name);
    if (FOREIGN.has(name)) foreignDepth++;
    if (foreignDepth === 0 && FORMATTING.has(name))
      formatting.add(name, `${name} ${attributes?.trim() ?? ''}`, id);
    if (foreignDepth === 0 && MARKER_ELEMENTS.has(name)) formatting.pushMarker();
    if (overLimit()) break;
  }
  return { elements, depth };
}

const remedy = 'save the article alone, or copy its text and paste it';

/** Why a page is too big or too deep to read, or null when it is fine. */
export function htmlShapeProblem(html: string, fileName: string): string | null {
  const { elements, depth } = measureHtml(html);
  if (depth > MAX_HTML_DEPTH) {
    return `${fileName} is nested more than ${MAX_HTML_DEPTH} levels deep (an article page uses a few dozen); Parallax does not read pages built like this — ${remedy}.`;
  }
  if (elements > MAX_HTML_ELEMENTS) {
    return `${fileName} has over ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} HTML elements (an article page has a few thousand); Parallax does not read pages this large — ${remedy}.`;
  }
  return null;
}
