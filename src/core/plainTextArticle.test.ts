import { describe, expect, it } from 'vitest';
import { readPlainTextArticle } from './plainTextArticle';

describe('readPlainTextArticle', () => {
  it('takes the first non-empty line as the headline', () => {
    const article = readPlainTextArticle('\n\n# Talks resume\n\nIran and the US met.\n');
    expect(article).toEqual({ headline: 'Talks resume', body: 'Iran and the US met.' });
  });

  it('keeps the whole text as body when there is only one paragraph', () => {
    const text = 'Iran and the US met in Muscat on Friday.';
    const article = readPlainTextArticle(text);
    expect(article.body).toBe(text);
    expect(article.headline).toBe(text);
  });

  it('returns empty fields for blank text', () => {
    expect(readPlainTextArticle(' \n\t\n')).toEqual({ headline: '', body: '' });
  });
});
