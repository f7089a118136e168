import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleFolder } from '../testing/tempLibrary';
import { proposeImport, UNKNOWN_OUTLET } from './proposeImport';
import { plainDocument, readBytes, type ReadSource } from './readImportSource';

const pasted = (text: string): ReadSource => ({
  document: plainDocument(text),
  format: 'text',
  rawInput: text,
  sourceKind: 'paste',
  sourceName: null,
});

describe('proposeImport', () => {
  it('proposes the three Tehran Times articles with the outlet named by the file, and no date stated', async () => {
    const read = await readBytes(
      readFileSync(join(sampleFolder(), 'tehran-times-page.txt')),
      'tehran-times-page.txt',
    );
    const proposal = proposeImport({
      ...read,
      sourceKind: 'file',
      sourceName: 'tehran-times-page.txt',
    });
    expect(proposal.articles.map((a) => [a.outlet, a.outletDomain, a.headlineGuessed])).toEqual([
      ['Tehran Times', 'tehrantimes.com', false],
      ['Tehran Times', 'tehrantimes.com', false],
      ['Tehran Times', 'tehrantimes.com', false],
    ]);
    expect(proposal.articles[0]!.publishedAt).toBe('2026-02-06');
    expect(proposal.warnings).toContain(
      `The date of "Iran, US agree to resume talks despite 'prevailing mistrust'" (2026-02-06) is the first date in its text, not a stated publication date — check it.`,
    );
    expect(proposal.rawInput).toContain('offi-');
  });

  it('makes a headline from the opening words of a text without one, and says so', async () => {
    const read = await readBytes(
      readFileSync(join(sampleFolder(), 'cgtn-article.txt')),
      'cgtn-article.txt',
    );
    const [article] = proposeImport({
      ...read,
      sourceKind: 'file',
      sourceName: 'cgtn-article.txt',
    }).articles;
    expect(article!.headline).toBe(
      'Iran and the United States agreed to continue negotiations after their indirect…',
    );
    expect(article!.headlineGuessed).toBe(true);
  });

  it('leaves the outlet for the user to name when nothing tells it', () => {
    const proposal = proposeImport(pasted('Talks resume\n\nIran and the US met.'));
    expect(proposal.articles[0]!.outlet).toBe(UNKNOWN_OUTLET);
    expect(proposal.warnings).toContain(
      `Parallax could not tell the outlet; it is set to "${UNKNOWN_OUTLET}" — name it before saving.`,
    );
    expect(
      proposeImport(pasted('Talks resume\n\nIran and the US met.'), { outlet: 'CGTN' }).articles[0]!
        .outlet,
    ).toBe('CGTN');
  });

  it("takes a web article's leading heading as its headline", () => {
    const proposal = proposeImport({
      document: {
        ...plainDocument(
          'Harbor talks resume\n\nThe two sides met on Friday.\n\nBackground\n\nThey last met in June.',
        ),
        subheads: ['Harbor talks resume', 'Background'],
        title: 'Harbor talks | The Daily',
        siteName: 'The Daily',
      },
      format: 'html',
      rawInput: '<html>…</html>',
      sourceKind: 'file',
      sourceName: 'talks.html',
    });
    expect(proposal.articles[0]).toMatchObject({
      headline: 'Harbor talks resume',
      headlineGuessed: false,
      outlet: 'The Daily',
      paragraphs: ['The two sides met on Friday.', 'Background', 'They last met in June.'],
      subheads: [1],
    });
  });

  it('refuses text that holds nothing but page furniture', () => {
    expect(() => proposeImport(pasted('CHOOSE YOUR LANGUAGE\n\n● IRNA'))).toThrow(
      'The text has no article text once captions and page furniture are set aside.',
    );
  });
});
