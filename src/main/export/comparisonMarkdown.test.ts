import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisonDocument, type ComparisonSide } from './comparisonDocument';
import { comparisonHtml } from './comparisonHtml';
import { comparisonMarkdown } from './comparisonMarkdown';

describe('comparisonMarkdown', () => {
  const side = (outlet: string, headline: string, body: string): ComparisonSide => ({
    source: 'file',
    versionId: null,
    outlet,
    headline,
    deck: null,
    byline: null,
    publishedAt: null,
    capturedAt: null,
    paragraphs: [body],
    captions: [],
  });

  it('shows imported text as written, escaping Markdown syntax in it', () => {
    const a = side('Outlet *A*', 'Talks [resume]', 'A # not a heading and <b>no html</b>.');
    const b = {
      ...side('B', 'Other', 'Text.'),
      versionId: '00000000-0000-4000-8000-000000000000',
    };
    const md = comparisonMarkdown(comparisonDocument(a, b));
    expect(md).toContain('## A: Outlet \\*A\\*');
    expect(md).toContain('### Talks \\[resume\\]');
    expect(md).toContain('A \\# not a heading and \\<b\\>no html\\</b\\>.');
    expect(md).toContain('Version `00000000-0000-4000-8000-000000000000`');
    expect(md).toContain(
      '| 1 | A \\# not a heading and \\<b\\>no html\\</b\\>. | Only in A | ∅ *Not in B* |',
    );
  });

  it('keeps each side’s captions, escaped, in Markdown and HTML', () => {
    const a = { ...side('A', 'H', 'Text one.'), captions: ['Photo: <b>crowd</b> in *Muscat*'] };
    const doc = comparisonDocument(a, side('B', 'H', 'Text two.'));
    expect(comparisonMarkdown(doc)).toContain(
      '#### Captions\n\n- Photo: \\<b\\>crowd\\</b\\> in \\*Muscat\\*',
    );
    expect(comparisonHtml(doc)).toContain(
      '<h4 id="captions-a">Captions</h4>\n<ul><li dir="auto">Photo: &lt;b&gt;crowd&lt;/b&gt; in *Muscat*</li></ul>',
    );
    expect(comparisonHtml(doc)).not.toContain('captions-b');
  });

  it('leaves addresses in article text as text, not live links', () => {
    const body =
      'Read https://evil.example/login, www.evil.example, <http://x.example> or write to press@evil.example or @evil.';
    const md = comparisonMarkdown(
      comparisonDocument(side('A', 'H', body), side('B', 'H', 'Text.')),
    );
    // No Markdown library is in node_modules, so the escaping itself is asserted;
    // each form was checked with cmark-gfm (GitHub's renderer, autolink extension).
    expect(md).toContain(
      'Read https\\://evil.example/login, www\\.evil.example, \\<http\\://x.example\\> or write to press@&#8288;evil.example or @&#8288;evil.',
    );
    const cmark = '/usr/bin/cmark-gfm';
    if (!existsSync(cmark)) return console.log('cmark-gfm not installed: rendering not checked');
    const html = execFileSync(cmark, ['--extension', 'autolink', '--extension', 'table'], {
      input: md,
    }).toString();
    expect(html).not.toMatch(/<a\b/);
    expect(html).toContain(
      'Read https://evil.example/login, www.evil.example, &lt;http://x.example&gt;',
    );
  });
});
