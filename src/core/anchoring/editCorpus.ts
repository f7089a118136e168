// Test support: a deterministic corpus of edited versions with known truth. Spans are
// annotated on a base text, then the text is edited the way newsrooms revise stories;
// every character remembers which base character it came from, so after any edits we
// know where each span truly went, or that it is gone.

import { seededRandom, type Random } from '../seededRandom';

export { seededRandom, type Random };

const int = (rand: Random, n: number): number => Math.floor(rand() * n);
const pick = <T>(rand: Random, items: readonly T[]): T => items[int(rand, items.length)]!;

export interface Span {
  start: number;
  end: number;
}

interface Range extends Span {
  text: string;
}

function rangesOf(text: string, pattern: RegExp, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  const re = new RegExp(pattern.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index + m[0].length <= to)
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const paragraphsOf = (text: string): Range[] => rangesOf(text, /[^\n]+/);
const sentencesOf = (text: string, p: Span): Range[] =>
  rangesOf(text, /[^.!?\n]+(?:[.!?]+["'\u201d\u2019]?|$)/, p.start, p.end).map((s) => {
    const lead = s.text.length - s.text.trimStart().length;
    return { start: s.start + lead, end: s.end, text: s.text.trimStart() };
  });
const wordsOf = (text: string, s: Span): Range[] => rangesOf(text, /\S+/, s.start, s.end);

/**
 * `count` non-overlapping spans on `base`: runs of 1-12 words inside a sentence, or a
 * whole sentence, within paragraphs long enough to be body text.
 */
export function pickSpans(base: string, count: number, rand: Random): Span[] {
  const sentences = paragraphsOf(base)
    .filter((p) => p.end - p.start > 80)
    .flatMap((p) => sentencesOf(base, p))
    .filter((s) => wordsOf(base, s).length >= 3);
  const spans: Span[] = [];
  for (let tries = 0; spans.length < count && tries < count * 50; tries++) {
    const sentence = pick(rand, sentences);
    const words = wordsOf(base, sentence);
    let span: Span;
    if (rand() < 0.2) span = { start: sentence.start, end: sentence.end };
    else {
      const length = 1 + int(rand, Math.min(12, words.length));
      const first = int(rand, words.length - length + 1);
      span = { start: words[first]!.start, end: words[first + length - 1]!.end };
    }
    if (spans.some((s) => s.start < span.end + 1 && span.start < s.end + 1)) continue;
    spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** A text whose characters each remember their base position (-1: written later). */
class TrackedText {
  text: string;
  origin: number[];
  constructor(base: string) {
    this.text = base;
    this.origin = Array.from({ length: base.length }, (_, i) => i);
  }
  replace(start: number, end: number, insert: string, originOfInsert = -1): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.origin.splice(
      start,
      end - start,
      ...new Array<number>(insert.length).fill(originOfInsert),
    );
  }
  /** Same-length substitution: the characters keep their origin (quote style, punctuation). */
  substitute(at: number, replacement: string): void {
    this.text = this.text.slice(0, at) + replacement + this.text.slice(at + replacement.length);
  }
  move(start: number, end: number, to: number): void {
    const text = this.text.slice(start, end);
    const origin = this.origin.slice(start, end);
    this.text = this.text.slice(0, start) + this.text.slice(end);
    this.origin.splice(start, end - start);
    const at = to > start ? to - (end - start) : to;
    this.text = this.text.slice(0, at) + text + this.text.slice(at);
    this.origin.splice(at, 0, ...origin);
  }
  /** Where a base span lies now: the extent of its surviving characters, or null when most are gone. */
  locate(span: Span): Span | null {
    let first = -1;
    let last = -1;
    const survived = new Set<number>();
    this.origin.forEach((o, i) => {
      if (o >= span.start && o < span.end) {
        if (first < 0) first = i;
        last = i;
        survived.add(o);
      }
    });
    if (survived.size < (span.end - span.start) / 2) return null;
    return { start: first, end: last + 1 };
  }
  /** Whether text[start, end) holds any character of an annotated span. */
  touches(spans: readonly Span[], start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      const o = this.origin[i]!;
      if (spans.some((s) => o >= s.start && o < s.end)) return true;
    }
    return false;
  }
}

export interface EditedVersion {
  body: string;
  /** Where each base span is in `body`, or null when it was deleted. */
  truth: (Span | null)[];
  edits: string[];
}

const FILLER_WORDS = ['reportedly', 'again', 'officials', 'formally', 'new', 'senior', 'late'];
const FILLER_SENTENCES = [
  'Officials declined to comment further.',
  'The statement was later updated.',
  'More details are expected in the coming days.',
];

type Edit = (t: TrackedText, spans: Span[], rand: Random) => string | undefined;

const current = (t: TrackedText, span: Span): Span | null => t.locate(span);

const EDITS: Record<string, Edit> = {
  'insert a word before a span': (t, spans, rand) => {
    const at = current(t, pick(rand, spans));
    if (!at) return;
    t.replace(at.start, at.start, `${pick(rand, FILLER_WORDS)} `);
    return 'ok';
  },
  'insert a sentence after a span': (t, spans, rand) => {
    const at = current(t, pick(rand, spans));
    if (!at) return;
    t.replace(at.end, at.end, ` ${pick(rand, FILLER_SENTENCES)}`);
    return 'ok';
  },
  'delete the word after a span': (t, spans, rand) => {
    const at = current(t, pick(rand, spans));
    if (!at) return;
    const next = rangesOf(t.text, /\s+\S+/, at.end, at.end + 40)[0];
    if (!next || next.start !== at.end || t.touches(spans, next.start, next.end)) return;
    t.replace(next.start, next.end, '');
    return 'ok';
  },
  'delete the word before a span': (t, spans, rand) => {
    const at = current(t, pick(rand, spans));
    if (!at) return;
    const before = rangesOf(t.text, /\S+\s+/, Math.max(0, at.start - 40), at.start).at(-1);
    if (!before || before.end !== at.start || t.touches(spans, before.start, before.end)) return;
    t.replace(before.start, before.end, '');
    return 'ok';
  },
  'replace a word inside a span': (t, spans, rand) => {
    const span = pick(rand, spans);
    const at = current(t, span);
    if (!at) return;
    const words = wordsOf(t.text, at);
    if (words.length < 4) return;
    const word = words[1 + int(rand, words.length - 2)]!;
    t.replace(word.start, word.end, pick(rand, FILLER_WORDS), t.origin[word.start]!);
    return 'ok';
  },
  'insert a word inside a span': (t, spans, rand) => {
    const at = current(t, pick(rand, spans));
    if (!at) return;
    const words = wordsOf(t.text, at);
    if (words.length < 4) return;
    const word = words[1 + int(rand, words.length - 2)]!;
    t.replace(word.start, word.start, `${pick(rand, FILLER_WORDS)} `, t.origin[word.start]!);
    return 'ok';
  },
  'delete the sentence holding a span': (t, spans, rand) => {
    const at = current(t, pick(rand, spans));
    if (!at) return;
    const paragraph = paragraphsOf(t.text).find((p) => p.start <= at.start && at.end <= p.end);
    if (!paragraph) return;
    const sentences = sentencesOf(t.text, paragraph).filter(
      (s) => s.end > at.start && s.start < at.end,
    );
    const first = sentences[0];
    const last = sentences.at(-1);
    if (!first || !last) return;
    t.replace(first.start, Math.min(paragraph.end, last.end + 1), '');
    return 'ok';
  },
  'move a paragraph': (t, _spans, rand) => {
    const paragraphs = paragraphsOf(t.text);
    if (paragraphs.length < 3) return;
    const moved = pick(rand, paragraphs);
    const target = pick(rand, paragraphs);
    if (target === moved) return;
    // Move the paragraph with its line break so the text stays one paragraph per line.
    const end = Math.min(t.text.length, moved.end + 1);
    if (t.text[moved.end] !== '\n') return;
    t.move(moved.start, end, target.start);
    return 'ok';
  },
  'curl the quotes': (t) => {
    let open = true;
    for (let i = 0; i < t.text.length; i++) {
      if (t.text[i] === '"') {
        t.substitute(i, open ? '\u201c' : '\u201d');
        open = !open;
      } else if (t.text[i] === "'") t.substitute(i, '\u2019');
    }
    return 'ok';
  },
  'change punctuation': (t, _spans, rand) => {
    const commas = rangesOf(t.text, /, /);
    if (commas.length === 0) return;
    const comma = pick(rand, commas);
    if (rand() < 0.5) t.substitute(comma.start, ';');
    else t.replace(comma.start, comma.start + 1, '');
    return 'ok';
  },
  'reword elsewhere': (t, spans, rand) => {
    const words = rangesOf(t.text, /\S+/);
    const word = pick(rand, words);
    if (t.touches(spans, word.start, word.end)) return;
    t.replace(word.start, word.end, pick(rand, FILLER_WORDS));
    return 'ok';
  },
};

/** `editCount` random edits of `base` (see EDITS), and where each span ended up. */
export function editVersion(
  base: string,
  spans: Span[],
  editCount: number,
  rand: Random,
): EditedVersion {
  const tracked = new TrackedText(base);
  const names = Object.keys(EDITS);
  const edits: string[] = [];
  for (let tries = 0; edits.length < editCount && tries < editCount * 20; tries++) {
    const name = pick(rand, names);
    if (EDITS[name]!(tracked, spans, rand)) edits.push(name);
  }
  return { body: tracked.text, truth: spans.map((s) => tracked.locate(s)), edits };
}

/** Generated prose: sentences of words drawn from `vocabulary`, paragraphs of 3-6 sentences. */
export function generateText(vocabulary: readonly string[], words: number, rand: Random): string {
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const sentences: string[] = [];
    for (let s = 3 + int(rand, 4); s > 0; s--) {
      const length = 8 + int(rand, 18);
      const sentence = Array.from({ length }, () => pick(rand, vocabulary)).join(' ');
      sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
      written += length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n');
}
