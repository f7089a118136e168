// Why two sentences were linked, in words a reader can check: the names,
// numbers, quoted words and other words they share, and the paraphrase pairs
// word vectors found, each with where each sentence writes it.
import type { Feature, Features } from './sentenceFeatures';
import type { SoftPair } from './pairScores';
import type { LinkEvidence, Sentence, Span } from './types';

// Vectors put loosely related words close too ("start"/"next" 0.83, "saying"/"officials"
// 0.76), so a reader is shown only word forms of one another ("discussions"/"discuss")
// or close pairs of longer words ("exclusively"/"solely" 0.83).
const SHOWN_PARAPHRASE = 0.78;
const SHOWN_WORD_FORMS = 0.6;

function showsParaphrase(x: string, y: string, cosine: number): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 4 && long.toLowerCase().includes(short.slice(0, 4).toLowerCase()))
    return cosine >= SHOWN_WORD_FORMS;
  return cosine >= SHOWN_PARAPHRASE && short.length >= 5;
}

/** Evidence beyond names and numbers: what makes two sentences one claim rather than one cast. */
export const isContentEvidence = (e: LinkEvidence) => e.kind !== 'name' && e.kind !== 'number';

const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;

export function evidenceFor(
  a: Sentence,
  b: Sentence,
  fa: Features,
  fb: Features,
  paraphrases: readonly SoftPair[],
  keys: readonly string[],
): LinkEvidence[] {
  const quotedInBoth = new Set<string>();
  for (const key of fa.keys())
    if (key.startsWith('"') && fb.has(key)) quotedInBoth.add(key.slice(1));
  const evidence: LinkEvidence[] = [];
  const add = (kind: LinkEvidence['kind'], x: Feature, y: Feature) => {
    if (evidence.some((e) => overlaps(e.aSpan, x.span) || overlaps(e.bSpan, y.span))) return;
    evidence.push({
      kind,
      a: a.text.slice(x.span.start, x.span.end),
      b: b.text.slice(y.span.start, y.span.end),
      aSpan: x.span,
      bSpan: y.span,
    });
  };
  // Whole names and numbers first, then words; spellings that only meet as a skeleton last.
  const shared = [...fa].filter(
    ([key]) => fb.has(key) && !key.includes('~') && !key.startsWith('"'),
  );
  const rank = (key: string, f: Feature) =>
    key.startsWith('$') ? 3 : f.kind === 'name' || f.kind === 'number' ? 0 : 1;
  shared.sort(([k, f], [l, g]) => rank(k, f) - rank(l, g) || f.span.start - g.span.start);
  for (const [key, x] of shared) {
    const y = fb.get(key)!;
    const kind = quotedInBoth.has(key)
      ? 'quote'
      : x.kind === 'number' || y.kind === 'number'
        ? 'number'
        : x.kind === 'name' || y.kind === 'name'
          ? 'name'
          : 'word';
    add(kind, x, y);
  }
  for (const pair of paraphrases) {
    const x = fa.get(keys[pair.a]!);
    const y = fb.get(keys[pair.b]!);
    if (!x || !y) continue;
    const wx = a.text.slice(x.span.start, x.span.end);
    const wy = b.text.slice(y.span.start, y.span.end);
    if (showsParaphrase(wx, wy, pair.cosine)) add('paraphrase', x, y);
  }
  return mergeQuotedRuns(
    a,
    b,
    evidence.sort((x, y) => x.aSpan.start - y.aSpan.start),
  );
}

// Words of one quotation shared word by word read as one quoted phrase ("prevailing
// atmosphere of distrust"), so the reader sees one mark, not one per word.
const QUOTE_GAP = /^[\s,;:'’"“”-]*(?:\p{L}{1,4}[\s,;:'’"“”-]+){0,2}$/u;

function mergeQuotedRuns(a: Sentence, b: Sentence, evidence: LinkEvidence[]): LinkEvidence[] {
  const out: LinkEvidence[] = [];
  for (const item of evidence) {
    const last = out[out.length - 1];
    if (
      last?.kind === 'quote' &&
      item.kind === 'quote' &&
      item.bSpan.start >= last.bSpan.end &&
      QUOTE_GAP.test(a.text.slice(last.aSpan.end, item.aSpan.start)) &&
      QUOTE_GAP.test(b.text.slice(last.bSpan.end, item.bSpan.start))
    ) {
      last.aSpan = { start: last.aSpan.start, end: item.aSpan.end };
      last.bSpan = { start: last.bSpan.start, end: item.bSpan.end };
      last.a = a.text.slice(last.aSpan.start, last.aSpan.end);
      last.b = b.text.slice(last.bSpan.start, last.bSpan.end);
    } else out.push({ ...item });
  }
  return out;
}
