import { describe, expect, it } from 'vitest';
import { markdownDocument } from './markdownDocument';
import { proposeImport } from './proposeImport';
import { readImportSource } from './readImportSource';

const importMarkdown = async (markdown: string, name = 'talks.md') =>
  proposeImport(
    await readImportSource({
      kind: 'file',
      name,
      base64: Buffer.from(markdown).toString('base64'),
    }),
  );

const ARTICLE = [
  '# Iran and US hold talks in Muscat',
  '',
  '*By Jane Doe*',
  '',
  'Iran and the **United States** held [indirect talks](https://example.com/a_(b) "Talks")',
  'in Muscat on Friday, with Oman as `mediator`.',
  '',
  '## Next round ##',
  '',
  '> Both delegations said they would meet again once Oman sets a date.',
  '',
  '![Araghchi arrives in Muscat](photo.jpg)',
].join('\n');

describe('a Markdown file', () => {
  it('gets its "# Heading" as the headline, without the #, and later headings as subheads', async () => {
    const { articles, warnings } = await importMarkdown(ARTICLE);
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article!.headline).toBe('Iran and US hold talks in Muscat');
    expect(article!.headlineGuessed).toBe(false);
    expect(article!.byline).toBe('By Jane Doe');
    expect(article!.paragraphs).toEqual([
      'Iran and the United States held indirect talks in Muscat on Friday, with Oman as mediator.',
      'Next round',
      'Both delegations said they would meet again once Oman sets a date.',
    ]);
    expect(article!.subheads).toEqual([1]);
    expect(article!.captions).toEqual(['Araghchi arrives in Muscat']);
    expect(warnings.join(' ')).not.toMatch(/no headline/);
  });

  it('keeps its "# Heading" as the headline when a "## Subhead" comes straight after it', async () => {
    const { articles } = await importMarkdown(
      '# Talks in Muscat\n\n## Background\n\nIran and the United States held talks on Friday.',
    );
    expect(articles[0]!.headline).toBe('Talks in Muscat');
    expect(articles[0]!.paragraphs).toEqual([
      'Background',
      'Iran and the United States held talks on Friday.',
    ]);
    expect(articles[0]!.subheads).toEqual([0]);
  });

  it('takes a setext heading ("Title" over "===") as the headline too', async () => {
    const { articles } = await importMarkdown(
      'Talks in Muscat\n===============\n\nIran and the United States held indirect talks in Muscat on Friday.\n',
    );
    expect(articles[0]!.headline).toBe('Talks in Muscat');
    expect(articles[0]!.paragraphs).toEqual([
      'Iran and the United States held indirect talks in Muscat on Friday.',
    ]);
  });

  it('keeps what only looks like syntax: escapes, snake_case, "C#", a lone asterisk', () => {
    const document = markdownDocument(
      '# Notes on C#\n\nThe file\\_name and snake_case_name stay; 5 * 3 is \\*not\\* emphasis.\n',
    );
    expect(document.title).toBe('Notes on C#');
    expect(document.text).toBe('The file_name and snake_case_name stay; 5 * 3 is *not* emphasis.');
  });

  it('keeps a line-end hyphen break for the cleanup to join', async () => {
    const { articles } = await importMarkdown(
      '# Talks\n\nIran said offi-\ncials from both sides met in Muscat on Friday.\n',
    );
    expect(articles[0]!.paragraphs).toEqual([
      'Iran said officials from both sides met in Muscat on Friday.',
    ]);
  });

  it('is read as plain text when it comes as .txt', async () => {
    const { articles } = await importMarkdown(ARTICLE, 'talks.txt');
    expect(articles[0]!.paragraphs.join('\n')).toContain('**United States**');
  });
});
