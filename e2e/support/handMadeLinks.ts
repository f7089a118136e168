// The sample comparison with links written by hand, so the aligned view's
// handling of each kind of link (same, contrast, possible), their evidence and
// contrast reasons is tested whatever the engine asserts of the sample today.
// The page's own analysis request is answered by the server, then its links
// are replaced before the renderer sees them.
import type { Page } from '@playwright/test';

interface Sentence {
  id: number;
  text: string;
}
interface Span {
  start: number;
  end: number;
}
interface Analysis {
  a: { sentences: Sentence[] };
  b: { sentences: Sentence[] };
  links: unknown[];
  onlyA: number[];
  onlyB: number[];
  maybeA: number[];
  maybeB: number[];
}

/** One hand-made link, its sentences and phrases given by their words. */
interface LinkSpec {
  a: string;
  b: string;
  kind: 'same' | 'possible' | 'contrast';
  confidence: number;
  evidence: { kind: 'name' | 'number' | 'quote' | 'word' | 'paraphrase'; a: string; b: string }[];
  contrast?: {
    slot: 'time' | 'number' | 'speaker' | 'certainty' | 'negation' | 'evaluation';
    a: string;
    b: string;
  };
}

export const HAND_MADE_LINKS: LinkSpec[] = [
  {
    a: 'We must first overcome this prevailing atmosphere of distrust',
    b: 'pervading atmosphere of distrust',
    kind: 'same',
    confidence: 0.88,
    evidence: [
      { kind: 'name', a: 'Araghchi', b: 'Araghchi' },
      { kind: 'paraphrase', a: 'prevailing', b: 'pervading' },
      { kind: 'quote', a: 'atmosphere of distrust', b: 'atmosphere of distrust' },
    ],
  },
  {
    a: 'He noted that the timing and way of the next round',
    b: 'U.S. President Donald Trump told reporters on Friday',
    kind: 'contrast',
    confidence: 0.74,
    evidence: [{ kind: 'word', a: 'talks', b: 'talks' }],
    contrast: { slot: 'time', a: 'in subsequent consultations', b: 'early next week' },
  },
  {
    a: 'The Omani Foreign Minister Badr Albusaidi',
    b: 'Following the talks, Al Busaidi',
    kind: 'same',
    confidence: 0.91,
    evidence: [{ kind: 'name', a: 'Albusaidi', b: 'Al Busaidi' }],
  },
  {
    a: 'He also said that the Iranian delegation in Oman stressed',
    b: 'The Iranian delegation had pointed out during the talks',
    kind: 'possible',
    confidence: 0.38,
    evidence: [
      { kind: 'word', a: 'Iranian delegation', b: 'Iranian delegation' },
      { kind: 'paraphrase', a: 'threats', b: 'threat' },
    ],
  },
];

function find(sentences: Sentence[], words: string): Sentence {
  const found = sentences.find((s) => s.text.includes(words));
  if (!found) throw new Error(`no sample sentence holds "${words}"`);
  return found;
}

function span(text: string, words: string): Span {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in "${text}"`);
  return { start, end: start + words.length };
}

/** The analysis with only the hand-made links, and what is one-sided or maybe recomputed from them. */
export function withLinks(analysis: Analysis, specs: readonly LinkSpec[]): Analysis {
  const links = specs.map((spec) => {
    const a = find(analysis.a.sentences, spec.a);
    const b = find(analysis.b.sentences, spec.b);
    return {
      a: a.id,
      b: b.id,
      kind: spec.kind,
      score: spec.confidence,
      confidence: spec.confidence,
      evidence: spec.evidence.map((e) => ({
        ...e,
        aSpan: span(a.text, e.a),
        bSpan: span(b.text, e.b),
      })),
      ...(spec.contrast
        ? {
            contrast: {
              ...spec.contrast,
              aSpan: span(a.text, spec.contrast.a),
              bSpan: span(b.text, spec.contrast.b),
            },
          }
        : {}),
    };
  });
  const ids = (side: 'a' | 'b', which: (l: (typeof links)[number]) => boolean) =>
    new Set(links.filter(which).map((l) => l[side]));
  const of = (side: 'a' | 'b') => {
    const linked = ids(side, () => true);
    const asserted = ids(side, (l) => l.kind !== 'possible');
    const all = analysis[side].sentences.map((s) => s.id);
    return {
      only: all.filter((id) => !linked.has(id)),
      maybe: all.filter((id) => linked.has(id) && !asserted.has(id)),
    };
  };
  return {
    ...analysis,
    links,
    onlyA: of('a').only,
    onlyB: of('b').only,
    maybeA: of('a').maybe,
    maybeB: of('b').maybe,
  };
}

/** From now on, the page's comparisons show the hand-made links instead of the engine's. */
export async function useHandMadeLinks(
  page: Page,
  specs: readonly LinkSpec[] = HAND_MADE_LINKS,
): Promise<void> {
  await page.route('**/api/comparison:analyze', async (route) => {
    const response = await route.fetch();
    const result = (await response.json()) as { ok: boolean; value?: Analysis };
    if (!result.ok || !result.value) return route.fulfill({ response });
    await route.fulfill({ response, json: { ok: true, value: withLinks(result.value, specs) } });
  });
}
