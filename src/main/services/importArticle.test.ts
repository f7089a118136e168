import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { tempLibrary } from '../testing/tempLibrary';
import { importArticle } from './importArticle';

const article =
  'Talks resume in Muscat\n\nIran and the US met on Friday.\n\nThe next round is not set.';

describe('importArticle', () => {
  it('files a new article under its outlet and story, with paragraphs separated by blank lines', () => {
    const library = tempLibrary();
    const outcome = importArticle(library, {
      text: 'Talks resume in Muscat\nIran and the US met on Friday.\nThe next round is not set.',
      outlet: 'CGTN',
      story: 'Muscat talks',
      sourceKind: 'paste',
    });
    expect(outcome.created).toBe(true);
    const version = library.versions.get(outcome.versionId)!;
    expect(version.headline).toBe('Talks resume in Muscat');
    expect(version.body).toBe('Iran and the US met on Friday.\n\nThe next round is not set.');
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(version.wordCount).toBe(13);
    expect(library.stories.list().map((s) => s.title)).toEqual(['Muscat talks']);
  });

  it('adds nothing when the same text is imported again, even with other line endings', () => {
    const library = tempLibrary();
    const first = importArticle(library, { text: article, outlet: 'CGTN', sourceKind: 'paste' });
    const again = importArticle(library, {
      text: article.replace(/\n/g, '\r\n') + '\r\n',
      outlet: 'cgtn',
      sourceKind: 'file',
    });
    expect(again.created).toBe(false);
    expect(again.versionId).toBe(first.versionId);
    expect(again.message).toMatch(/Already have this version/);
    expect(library.versions.count()).toBe(1);
  });

  it('adds a version to the same article when its text changes', () => {
    const library = tempLibrary();
    const first = importArticle(library, { text: article, outlet: 'CGTN', sourceKind: 'paste' });
    const second = importArticle(library, {
      text: article.replace('is not set', 'is early next week'),
      outlet: 'CGTN',
      sourceKind: 'paste',
    });
    expect(second.created).toBe(true);
    expect(second.articleId).toBe(first.articleId);
    expect(library.versions.listByArticle(first.articleId).map((v) => v.seq)).toEqual([1, 2]);
    expect(second.message).toMatch(/Added version 2/);
  });

  it.each([
    ['empty text', '   \n\t ', /is empty/],
    ['binary content', 'PK\u0003\u0004\u0000\u0000binary', /binary file/],
  ])('refuses %s with a clear message and writes nothing', (_name, text, message) => {
    const library = tempLibrary();
    expect(() => importArticle(library, { text, outlet: 'CGTN', sourceKind: 'paste' })).toThrow(
      UserError,
    );
    expect(() => importArticle(library, { text, outlet: 'CGTN', sourceKind: 'paste' })).toThrow(
      message,
    );
    expect(library.outlets.list()).toEqual([]);
    expect(library.versions.count()).toBe(0);
  });

  it('writes nothing when the transaction fails half-way', () => {
    const library = tempLibrary();
    library.db.exec(
      "CREATE TRIGGER fail_versions BEFORE INSERT ON versions BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    expect(() =>
      importArticle(library, {
        text: article,
        outlet: 'New outlet',
        story: 'New story',
        sourceKind: 'paste',
      }),
    ).toThrow(/disk full/);
    expect(library.outlets.list()).toEqual([]);
    expect(library.stories.list()).toEqual([]);
    expect(library.articles.list()).toEqual([]);
  });
});
