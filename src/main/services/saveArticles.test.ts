import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { proposedArticle } from '../testing/proposedArticle';
import { tempLibrary } from '../testing/tempLibrary';
import { saveArticles, type ArticlesToSave } from './saveArticles';

const paragraphs = ['Iran and the US met on Friday.', 'The next round is not set.'];
const input = (articles: ArticlesToSave['articles'], story?: string): ArticlesToSave => ({
  articles,
  story,
  rawInput: 'raw text as pasted',
  sourceKind: 'paste',
  sourceName: null,
});

describe('saveArticles', () => {
  it('files new articles under their outlet and story, paragraphs separated by blank lines', () => {
    const library = tempLibrary();
    const [saved] = saveArticles(
      library,
      input([proposedArticle({ paragraphs, subheads: [1] })], 'Muscat talks'),
    );
    expect(saved).toMatchObject({
      created: true,
      outlet: 'CGTN',
      headline: 'Talks resume in Muscat',
    });
    const version = library.versions.get(saved!.versionId)!;
    expect(version.body).toBe('Iran and the US met on Friday.\n\nThe next round is not set.');
    expect(version.subheads).toEqual([1]);
    expect(version.rawInput).toBe('raw text as pasted');
    expect(version.wordCount).toBe(13);
    expect(version.wordsAdded).toBeNull();
    expect(library.stories.list().map((s) => s.title)).toEqual(['Muscat talks']);
  });

  it('says "already have this version" and adds nothing for the same text again', () => {
    const library = tempLibrary();
    const [first] = saveArticles(library, input([proposedArticle({ paragraphs })]));
    const [again] = saveArticles(library, input([proposedArticle({ paragraphs, outlet: 'cgtn' })]));
    expect(again).toMatchObject({ created: false, versionId: first!.versionId });
    expect(again!.message).toMatch(/^Already have this version of "Talks resume in Muscat"/);
    expect(library.versions.count()).toBe(1);
  });

  it('adds a version to the same article when its text changed, with the size of the change', () => {
    const library = tempLibrary();
    const [first] = saveArticles(library, input([proposedArticle({ paragraphs })]));
    const changed = [paragraphs[0]!, 'The next round is set for early next week.'];
    const [second] = saveArticles(library, input([proposedArticle({ paragraphs: changed })]));
    expect(second).toMatchObject({ created: true, articleId: first!.articleId });
    const versions = library.versions.listByArticle(first!.articleId);
    expect(versions.map((v) => [v.seq, v.wordsAdded, v.wordsRemoved])).toEqual([
      [1, null, null],
      [2, 4, 1],
    ]);
    expect(second!.message).toBe(
      'Added version 2 of "Talks resume in Muscat" from CGTN (+4 / −1 words).',
    );
  });

  it('matches an article by its URL even when the headline changed', () => {
    const library = tempLibrary();
    const url = 'https://www.cgtn.com/news/talks.html';
    const [first] = saveArticles(library, input([proposedArticle({ paragraphs, url })]));
    const [second] = saveArticles(
      library,
      input([
        proposedArticle({
          paragraphs: [...paragraphs, 'Update.'],
          url,
          headline: 'Talks to continue',
        }),
      ]),
    );
    expect(second!.articleId).toBe(first!.articleId);
  });

  it('saves all articles or none', () => {
    const library = tempLibrary();
    const good = proposedArticle({ paragraphs });
    const empty = proposedArticle({ paragraphs: ['  '], headline: 'Empty one' });
    expect(() => saveArticles(library, input([good, empty]))).toThrow(UserError);
    expect(() => saveArticles(library, input([good, empty]))).toThrow(
      /Article 2 \("Empty one"\) has no body text/,
    );
    expect(library.versions.count()).toBe(0);

    library.db.exec(
      "CREATE TRIGGER fail BEFORE INSERT ON versions WHEN NEW.headline = 'Boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const boom = proposedArticle({ paragraphs, headline: 'Boom', outlet: 'New outlet' });
    expect(() => saveArticles(library, input([good, boom], 'New story'))).toThrow(/disk full/);
    expect(library.versions.count()).toBe(0);
    expect(library.outlets.list()).toEqual([]);
    expect(library.stories.list()).toEqual([]);
  });
});

describe('saveArticles, carrying annotations to the new version', () => {
  it('writes the new version and its carried annotations together, or neither', () => {
    const library = tempLibrary();
    const [first] = saveArticles(library, input([proposedArticle({ paragraphs })]));
    const v1 = library.versions.get(first!.versionId)!;
    const annotate = (exact: string) => {
      const start = v1.body.indexOf(exact);
      library.annotations.insert({
        id: randomUUID(),
        versionId: v1.id,
        comparisonId: null,
        codeId: null,
        note: exact,
        selectors: [
          { type: 'TextQuoteSelector', exact },
          { type: 'TextPositionSelector', start, end: start + exact.length },
        ],
        pairId: null,
        annotator: '',
        createdAt: '2026-02-06T10:00:00.000Z',
        updatedAt: '2026-02-06T10:00:00.000Z',
        carriedFrom: null,
      });
    };
    annotate('Iran and the US met on Friday.');
    annotate('The next round is not set.');
    const changed = [paragraphs[0]!, 'Oman will host a second round.'];

    // The first annotation is copied, then recording the second as an orphan fails.
    library.db.exec(
      "CREATE TRIGGER fail BEFORE INSERT ON annotation_orphans BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    expect(() => saveArticles(library, input([proposedArticle({ paragraphs: changed })]))).toThrow(
      /disk full/,
    );
    expect(library.versions.listByArticle(v1.articleId)).toHaveLength(1);
    expect(
      library.annotations.listByVersions(library.versions.listAll().map((v) => v.id)),
    ).toHaveLength(2);

    library.db.exec('DROP TRIGGER fail');
    const [second] = saveArticles(library, input([proposedArticle({ paragraphs: changed })]));
    expect(second!.message).toBe(
      'Added version 2 of "Talks resume in Muscat" from CGTN (+5 / −5 words). 1 annotation carried over, 1 could not be placed.',
    );
    expect(library.annotations.listByVersions([second!.versionId]).map((a) => a.note)).toEqual([
      'Iran and the US met on Friday.',
    ]);
  });

  it('says only what could not be placed when nothing was carried over', () => {
    const library = tempLibrary();
    const [first] = saveArticles(library, input([proposedArticle({ paragraphs })]));
    const v1 = library.versions.get(first!.versionId)!;
    const exact = 'The next round is not set.';
    const start = v1.body.indexOf(exact);
    library.annotations.insert({
      id: randomUUID(),
      versionId: v1.id,
      comparisonId: null,
      codeId: null,
      note: '',
      selectors: [
        { type: 'TextQuoteSelector', exact },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
      pairId: null,
      annotator: '',
      createdAt: '2026-02-06T10:00:00.000Z',
      updatedAt: '2026-02-06T10:00:00.000Z',
      carriedFrom: null,
    });
    const changed = [paragraphs[0]!, 'Oman will host a second round.'];
    const [second] = saveArticles(library, input([proposedArticle({ paragraphs: changed })]));
    expect(second!.message).toBe(
      'Added version 2 of "Talks resume in Muscat" from CGTN (+5 / −5 words). 1 annotation could not be placed.',
    );
  });
});

describe('saveArticles, finding the article again', () => {
  it('adds nothing for a known text under a headline Parallax made up', () => {
    const library = tempLibrary();
    const [first] = saveArticles(
      library,
      input([proposedArticle({ paragraphs, headline: 'The real headline' })]),
    );
    const [again] = saveArticles(
      library,
      input([
        proposedArticle({ paragraphs, headline: 'Iran and the US met on…', headlineGuessed: true }),
      ]),
    );
    expect(again).toMatchObject({
      created: false,
      versionId: first!.versionId,
      headline: 'The real headline',
    });
    expect(library.versions.count()).toBe(1);
  });

  it('takes a new headline on the same text as a new version of that article', () => {
    const library = tempLibrary();
    const [first] = saveArticles(
      library,
      input([proposedArticle({ paragraphs, headline: 'Talks resume' })]),
    );
    const [second] = saveArticles(
      library,
      input([proposedArticle({ paragraphs, headline: 'Talks resume in Oman' })]),
    );
    expect(second).toMatchObject({ created: true, articleId: first!.articleId });
    expect(library.versions.listByArticle(first!.articleId).map((v) => v.headline)).toEqual([
      'Talks resume',
      'Talks resume in Oman',
    ]);
  });

  it('files an article it already has under the story given', () => {
    const library = tempLibrary();
    const [first] = saveArticles(library, input([proposedArticle({ paragraphs })]));
    saveArticles(library, input([proposedArticle({ paragraphs })], 'Muscat talks'));
    const story = library.stories.list()[0]!;
    expect(library.articles.get(first!.articleId)!.storyId).toBe(story.id);
  });
});
