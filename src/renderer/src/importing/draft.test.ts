import { describe, expect, it } from 'vitest';
import type { ProposedArticle } from '../../../shared/api';
import {
  articleCounts,
  articleProblems,
  cleanedText,
  draftArticle,
  draftText,
  mergeWithPrevious,
  readsAsHeadline,
  splitAt,
  toProposedArticle,
  type DraftArticle,
} from './draft';

function proposed(overrides: Partial<ProposedArticle> = {}): ProposedArticle {
  return {
    headline: 'Headline',
    headlineGuessed: false,
    deck: null,
    byline: null,
    outlet: 'Tehran Times',
    outletDomain: 'tehrantimes.com',
    publishedAt: null,
    url: null,
    paragraphs: ['One.', 'Two.'],
    subheads: [],
    captions: [],
    ...overrides,
  };
}

describe('mergeWithPrevious', () => {
  it('appends paragraphs, re-indexed subheads and captions; the previous keeps its metadata', () => {
    const first = draftArticle(
      proposed({
        headline: 'First',
        deck: 'Deck',
        paragraphs: ['a', 'Sub', 'b'],
        subheads: [1],
        captions: ['c1'],
      }),
    );
    const second = draftArticle(
      proposed({
        headline: 'Second',
        paragraphs: ['x', 'Sub 2', 'y'],
        subheads: [1],
        captions: ['c2'],
      }),
    );
    const merged = mergeWithPrevious([first, second], 1);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      key: first.key,
      headline: 'First',
      deck: 'Deck',
      paragraphs: ['a', 'Sub', 'b', 'x', 'Sub 2', 'y'],
      subheads: [1, 4],
      captions: ['c1', 'c2'],
    });
  });

  it('leaves the list alone for the first article', () => {
    const list = [draftArticle(proposed())];
    expect(mergeWithPrevious(list, 0)).toBe(list);
  });
});

describe('splitAt', () => {
  const article = (): DraftArticle =>
    draftArticle(
      proposed({
        headline: 'Talks resume',
        url: 'https://example.com/a',
        byline: 'Desk',
        paragraphs: [
          'Lede.',
          'More.',
          'Global optimism on the talks',
          'Body one.',
          'Next section',
          'Body two.',
        ],
        subheads: [4],
        captions: ['Photo.'],
      }),
    );

  it('lifts a headline-like paragraph into the new article’s headline', () => {
    const [head, tail] = splitAt([article()], 0, 2);
    expect(head).toMatchObject({
      headline: 'Talks resume',
      paragraphs: ['Lede.', 'More.'],
      subheads: [],
      captions: ['Photo.'],
    });
    expect(tail).toMatchObject({
      headline: 'Global optimism on the talks',
      byline: '',
      url: null,
      outlet: 'Tehran Times',
      paragraphs: ['Body one.', 'Next section', 'Body two.'],
      subheads: [1],
      captions: [],
    });
    expect(tail!.key).not.toBe(head!.key);
  });

  it('keeps a sentence in the body and leaves the headline to write', () => {
    const [, tail] = splitAt([article()], 0, 1);
    expect(tail).toMatchObject({
      headline: '',
      paragraphs: [
        'More.',
        'Global optimism on the talks',
        'Body one.',
        'Next section',
        'Body two.',
      ],
      subheads: [3],
    });
    expect(articleProblems(tail!).map((p) => p.field)).toEqual(['headline']);
  });

  it('is undone by merging back', () => {
    const original = article();
    for (const at of [1, 2, 4]) {
      const [merged] = mergeWithPrevious(splitAt([original], 0, at), 1);
      expect(merged!.paragraphs).toEqual(original.paragraphs);
      expect(merged!.subheads).toEqual(original.subheads);
      expect(merged!.captions).toEqual(original.captions);
    }
  });

  it('does not split before the first paragraph', () => {
    const list = [article()];
    expect(splitAt(list, 0, 0)).toBe(list);
  });
});

describe('readsAsHeadline', () => {
  it('takes short lines without closing punctuation', () => {
    expect(readsAsHeadline('U.S. imposes new sanctions')).toBe(true);
    expect(readsAsHeadline('He declined to comment.')).toBe(false);
    expect(readsAsHeadline('"We will continue," he said')).toBe(true);
    expect(readsAsHeadline('word '.repeat(20))).toBe(false);
  });
});

describe('problems and saving', () => {
  it('names a missing headline, outlet, bad date and empty body', () => {
    const draft = {
      ...draftArticle(proposed({ paragraphs: [] })),
      headline: ' ',
      outlet: '',
      publishedAt: '2026-02-30',
    };
    expect(articleProblems(draft).map((p) => p.field)).toEqual([
      'headline',
      'outlet',
      'publishedAt',
      'body',
    ]);
  });

  it('keeps an untouched timestamp and trims edits', () => {
    const draft = draftArticle(proposed({ publishedAt: '2026-02-06T09:30:00Z', deck: 'Deck' }));
    expect(draft.publishedAt).toBe('2026-02-06');
    expect(toProposedArticle(draft).publishedAt).toBe('2026-02-06T09:30:00Z');
    const edited = { ...draft, publishedAt: '2026-02-07 ', deck: '  ', headline: ' New ' };
    expect(toProposedArticle(edited)).toMatchObject({
      publishedAt: '2026-02-07',
      deck: null,
      headline: 'New',
    });
  });

  it('counts paragraphs, words and captions', () => {
    const draft = draftArticle(
      proposed({ paragraphs: ['Two words.', 'And three more.'], captions: ['c'] }),
    );
    expect(articleCounts(draft)).toEqual({ paragraphs: 2, words: 5, captions: 1 });
  });

  it('lays out the cleaned text as headline, deck, byline, body, captions', () => {
    const draft = draftArticle(
      proposed({ deck: 'Deck', paragraphs: ['P1', 'P2'], captions: ['C'] }),
    );
    expect(cleanedText([draftText(draft)])).toBe('Headline\n\nDeck\n\nP1\n\nP2\n\nC');
  });
});
