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

  const ADDRESSES =
    'Read https://evil.example/login, www.evil.example, <http://x.example> or write to press@evil.example or @evil.';
  const addressReport = () =>
    comparisonMarkdown(comparisonDocument(side('A', 'H', ADDRESSES), side('B', 'H', 'Text.')));

  it('escapes addresses in article text, so they are not live links', () => {
    expect(addressReport()).toContain(
      'Read https\\://evil.example/login, www\\.evil.example, \\<http\\://x.example\\> or write to press@&#8288;evil.example or @&#8288;evil.',
    );
  });

  it("renders those addresses as text with cmark-gfm (GitHub's renderer, autolinks on)", (ctx) => {
    const cmark = '/usr/bin/cmark-gfm';
    ctx.skip(
      !existsSync(cmark),
      `${cmark} is not installed (apt-get install cmark-gfm; CI has it)`,
    );
    const html = execFileSync(cmark, ['--extension', 'autolink', '--extension', 'table'], {
      input: addressReport(),
    }).toString();
    expect(html).not.toMatch(/<a\b/);
    expect(html).toContain(
      'Read https://evil.example/login, www.evil.example, &lt;http://x.example&gt;',
    );
  });
});
