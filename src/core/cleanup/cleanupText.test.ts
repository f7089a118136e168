import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CHANGE_EXAMPLES } from './changeLog';
import { cleanupText } from './cleanupText';
import type { CleanArticle } from './types';

const samples = join(__dirname, '../../../resources/samples');
const read = (file: string) => readFileSync(join(samples, file), 'utf8');
const expected = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.expected.json`), 'utf8')) as {
    articles: CleanArticle[];
    dropped: string[];
  };

/** Compares article by article and paragraph by paragraph, so a failure names the paragraph. */
function expectArticles(actual: CleanArticle[], wanted: CleanArticle[]): void {
  expect(actual.map((a) => a.headline)).toEqual(wanted.map((a) => a.headline));
  wanted.forEach((want, i) => {
    const got = actual[i]!;
    expect({ deck: got.deck, byline: got.byline }).toEqual({
      deck: want.deck,
      byline: want.byline,
    });
    want.paragraphs.forEach((paragraph, p) =>
      expect(got.paragraphs[p], `article ${i + 1}, paragraph ${p + 1}`).toBe(paragraph),
    );
    expect(got.paragraphs).toHaveLength(want.paragraphs.length);
    expect(got.subheads).toEqual(want.subheads);
    expect(got.captions).toEqual(want.captions);
  });
}

describe('cleanupText on the Tehran Times print page', () => {
  const result = cleanupText(read('tehran-times-page.txt'), { mode: 'page' });

  it('matches the reviewed output paragraph by paragraph', () => {
    const want = expected('tehran-times-page');
    expectArticles(result.articles, want.articles);
    expect(result.dropped).toEqual(want.dropped);
  });

  it('splits the page into its three articles, each with headline and deck', () => {
    expect(result.articles.map((a) => [a.headline, a.deck])).toEqual([
      [
        "Iran, US agree to resume talks despite 'prevailing mistrust'",
        "Araghchi hails Muscat negotiations as 'very good start'",
      ],
      [
        'Aliyev: Azerbaijani territory not to be used for anti-Tehran threats',
        "'Azerbaijan ready to help ease Iran-US tensions'",
      ],
      ['Global optimism on Muscat-mediated Iran-US talks', null],
    ]);
  });

  it('joins words hyphenated across breaks and keeps real hyphens', () => {
    const text = result.articles.flatMap((a) => [a.headline, a.deck, ...a.paragraphs]).join('\n');
    expect(text).toContain('According to the Iranian officials more than 3,100 people');
    expect(text).toContain(
      'friendly and brotherly ties between the two countries, Azerbaijan would not permit',
    );
    for (const word of [
      'good-neighborliness',
      'three-day',
      'Iran-US',
      'long-standing',
      'US-Israeli',
      'de-escalate',
    ]) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/offi-|Azer-/);
  });

  it('rejoins the sentence a photo caption cut in two, and moves the caption and its credit out', () => {
    const [talks] = result.articles;
    expect(talks!.paragraphs).toContain(
      '"The prerequisite for any dialogue is to refrain from threats and pressure," Araghchi said. "We raised this point clearly today and we expect it to be adhered to in order to allow for the continuation of the talks."',
    );
    expect(talks!.captions).toEqual([
      "Iran's Foreign Minister Abbas Araghchi (C) speaks to Iranian media following the talks between Iran and the US in Muscat, Oman on February 6, 2026.",
      '● IRNA',
    ]);
    expect(talks!.paragraphs.join(' ')).not.toContain('IRNA\n');
  });

  it('restores the Aliyev story that a column jump put out of order', () => {
    const aliyev = result.articles[1]!;
    expect(aliyev.byline).toBe('International Desk');
    expect(aliyev.paragraphs[0]).toMatch(
      /^Azerbaijan's President Ilham Aliyev said his country will not allow/,
    );
    expect(aliyev.paragraphs).toContain(
      'Aliyev said on Friday that while conflicts continue in many parts of the world, peace has already been established in the South Caucasus – an issue that he said is of great importance for Iran, which borders both Azerbaijan and Armenia.',
    );
    expect(aliyev.paragraphs[aliyev.paragraphs.length - 1]).toMatch(
      /Nasirzadeh delivered a message from Pezeshkian/,
    );
    expect(result.changes.filter((c) => c.kind === 'reordered')).toHaveLength(1);
    expect(result.warnings).toEqual([]);
  });

  it('drops the cartoon credit and keeps no furniture in any body', () => {
    expect(result.dropped).toEqual(['Mohammad Ali Rajabi', 'Cartoonist', 'CARTOON']);
    const bodies = result.articles.flatMap((a) => a.paragraphs);
    expect(bodies.filter((p) => /International Desk|● IRNA|Cartoon/i.test(p))).toEqual([]);
  });
});

describe('cleanupText on the CGTN web copy', () => {
  const result = cleanupText(read('cgtn-article.txt'), { mode: 'page' });

  it('matches the reviewed output paragraph by paragraph', () => {
    const want = expected('cgtn-article');
    expectArticles(result.articles, want.articles);
    expect(result.dropped).toEqual(want.dropped);
  });

  it('keeps one article, its subheads marked and not glued to sentences', () => {
    expect(result.articles).toHaveLength(1);
    const [article] = result.articles;
    expect(article!.subheads.map((i) => article!.paragraphs[i])).toEqual([
      'U.S. imposes new sanctions',
      'Regional countries welcome talks',
      'A window of opportunity for further engagement',
    ]);
  });

  it('moves the photo captions out and drops the site boilerplate', () => {
    const [article] = result.articles;
    expect(article!.captions).toHaveLength(2);
    expect(
      article!.captions.every((c) => c.startsWith('In this photo') && c.endsWith('/VCG')),
    ).toBe(true);
    expect(result.dropped).toEqual([
      'CHOOSE YOUR LANGUAGE',
      '互联网新闻信息许可证10120180008',
      'Disinformation report hotline: 010-85061466',
    ]);
    expect(article!.paragraphs[0]).toMatch(
      /^Iran and the United States agreed to continue negotiations/,
    );
  });
});

describe('cleanupText, case by case', () => {
  const body = (text: string) =>
    cleanupText(text, { mode: 'article' }).articles.flatMap((a) => a.paragraphs);

  it('keeps the hyphen of a compound split at its hyphen', () => {
    expect(body('Tehran has a long-\nstanding position on the talks.')).toEqual([
      'Tehran has a long-standing position on the talks.',
    ]);
    expect(body('the three-\nday tour ended.')).toEqual(['the three-day tour ended.']);
  });

  it('follows the text itself when it spells the word elsewhere', () => {
    expect(body('A co-\noperation deal. Co-operation matters.')).toEqual([
      'A co-operation deal. Co-operation matters.',
    ]);
    expect(body('Mid-\nway through.\n\nMidway is here.')).toEqual([
      'Midway through.',
      'Midway is here.',
    ]);
  });

  it('warns, without reordering, when only one sign of a column jump is there', () => {
    const result = cleanupText(
      'Headline here\n\nStaff Writer\n\nand then the rest of a sentence.',
      { mode: 'page' },
    );
    expect(result.articles[0]!.paragraphs).toEqual(['and then the rest of a sentence.']);
    expect(result.warnings).toEqual([expect.stringContaining('starts mid-sentence')]);
  });

  it('takes known captions and subheads from the format reader', () => {
    const result = cleanupText('Body one.\n\nA picture of the talks.\n\nBackground\n\nBody two.', {
      mode: 'article',
      knownCaptions: ['A picture of the talks.'],
      knownSubheads: ['Background'],
    });
    expect(result.articles[0]).toMatchObject({
      paragraphs: ['Body one.', 'Background', 'Body two.'],
      subheads: [1],
      captions: ['A picture of the talks.'],
    });
  });

  it('takes no deck from a short line that the next line continues', () => {
    const result = cleanupText(
      'Harbor talks resume\n\nTalks resumed where offi-\n\ncials said they would.',
      {
        mode: 'page',
      },
    );
    expect(result.articles[0]).toMatchObject({
      headline: 'Harbor talks resume',
      deck: null,
      paragraphs: ['Talks resumed where officials said they would.'],
    });
  });

  it('returns no article for text with nothing but furniture', () => {
    expect(cleanupText('CHOOSE YOUR LANGUAGE\n● IRNA\n', { mode: 'page' }).articles).toEqual([]);
  });
});

describe('cleanupText on a text with a join on every line', () => {
  it('counts every join but lists only the first examples of each kind', () => {
    const joins = 5_000;
    const text = `Talks in Muscat\n\nThe ${'offi-\ncials '.repeat(joins)}met again.`;
    const { articles, changes } = cleanupText(text, { mode: 'article' });
    expect(articles[0]!.paragraphs.join(' ')).toContain('officials officials');
    const hyphenations = changes.filter((c) => c.kind === 'joined-hyphenation');
    expect(hyphenations.slice(0, -1)).toHaveLength(MAX_CHANGE_EXAMPLES);
    expect(hyphenations.at(-1)).toEqual({
      kind: 'joined-hyphenation',
      text: '',
      more: joins - MAX_CHANGE_EXAMPLES,
    });
  });
});
