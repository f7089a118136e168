import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import type { ExtractedDocument } from './extractedDocument';
import { extractHtmlArticle } from './htmlArticle';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const sample = (name: string): string =>
  readFileSync(join(__dirname, '../../../resources/samples', name), 'utf8');

/**
 * The blocks a fixture's article holds, read with plain DOM queries (no
 * Readability), in document order: what the extraction must reproduce exactly.
 */
function blocksInFixture(html: string, selector: string): string[] {
  const { document } = new JSDOM(html).window;
  return [...document.querySelectorAll(selector)].map((element) =>
    (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

const blocksOf = (doc: ExtractedDocument): string[] => doc.text.split('\n\n');

/** Every string the reader hands on, for checks that must hold for all of them. */
const allOutput = (doc: ExtractedDocument): string =>
  [doc.text, ...doc.captions, ...doc.subheads, doc.title, doc.byline, doc.siteName].join('\n');

/** A small article page: enough prose for Readability, with `head` and `lead` to vary. */
function articlePage({ head = '', lead = '' }: { head?: string; lead?: string } = {}): string {
  const paragraph =
    '<p>Iran and the United States held their first round of new negotiations in Oman on Friday, with the foreign minister calling the talks a very good start for both sides.</p>';
  return `<!doctype html><html><head>${head}</head><body><article>${lead}${paragraph.repeat(4)}</article></body></html>`;
}

describe('extractHtmlArticle on the CGTN page (made from resources/samples/cgtn-article.txt)', () => {
  const html = fixture('cgtn-article.html');
  let doc: ExtractedDocument;
  beforeAll(() => {
    doc = extractHtmlArticle(html, { fileName: 'cgtn-article.html' });
  });

  it('reads every caption, paragraph and subhead of the sample, in order, and nothing else', () => {
    // The sample is the article as copied from the page, ending in three lines of site footer.
    const articleLines = sample('cgtn-article.txt').trim().split('\n').slice(0, -3);
    expect(blocksOf(doc)).toEqual(articleLines);
  });

  it('lists the figcaptions as captions and the <h2>s as subheads', () => {
    expect(doc.captions).toHaveLength(2);
    expect(doc.captions[0]).toMatch(
      /^In this photo released by the Iranian Foreign Ministry,.*\/VCG$/,
    );
    expect(doc.captions[1]).toMatch(/^In this photo released by Oman's Foreign Ministry,.*\/VCG$/);
    expect(doc.subheads).toEqual([
      'U.S. imposes new sanctions',
      'Regional countries welcome talks',
      'A window of opportunity for further engagement',
    ]);
  });

  it('takes the metadata from the page, without the " - CGTN" suffix on the title', () => {
    expect(doc).toMatchObject({
      title: "Iran, U.S. agree to continue talks after 'good start' in Muscat",
      byline: 'CGTN',
      publishedAt: '2026-02-07T01:12:00+08:00',
      siteName: 'CGTN',
      url: 'https://news.cgtn.com/news/2026-02-06/Iran-U-S-agree-to-continue-talks-after-good-start-in-Muscat/index.html',
      warnings: [],
    });
  });

  it('leaves out the navigation, cookie banner, section label, dateline, share bar, related links and footer', () => {
    for (const chrome of [
      'cookies',
      'Tech & Sci',
      'Opinions',
      'World',
      '07-Feb-2026',
      'Share on',
      'Related stories',
      'Oil prices climb',
      'CHOOSE YOUR LANGUAGE',
      '10120180008',
      'hotline',
      'Copyright',
    ]) {
      expect(doc.text).not.toContain(chrome);
    }
  });

  it('prefers the address it was fetched from over the canonical link', () => {
    const fetched = extractHtmlArticle(html, {
      fileName: 'index.html',
      url: 'https://www.cgtn.com/a/b.html',
    });
    expect(fetched.url).toBe('https://www.cgtn.com/a/b.html');
  });
});

describe('extractHtmlArticle on a page with JSON-LD NewsArticle metadata', () => {
  const html = fixture('jsonld-article.html');
  let doc: ExtractedDocument;
  beforeAll(() => {
    doc = extractHtmlArticle(html, { fileName: 'jsonld-article.html' });
  });

  it('reads the whole article body in order, the caption and subhead included', () => {
    const expected = blocksInFixture(html, '.item-text > p, .item-text figcaption, .item-text h2');
    expect(expected).toHaveLength(19);
    expect(blocksOf(doc)).toEqual(expected);
    expect(doc.captions).toEqual([
      "Iran's Foreign Minister Abbas Araghchi (C) speaks to Iranian media following the talks between Iran and the US in Muscat, Oman on February 6, 2026. IRNA",
    ]);
    expect(doc.subheads).toEqual(["Oman's mediation"]);
  });

  it('takes headline, author, date and publisher from JSON-LD (its date over the <time>)', () => {
    expect(doc).toMatchObject({
      title: "Iran, US agree to resume talks despite 'prevailing mistrust'",
      byline: 'International Desk',
      publishedAt: '2026-02-07T00:31:00+03:30',
      siteName: 'Tehran Times',
      url: 'https://www.tehrantimes.com/news/520146/Iran-US-agree-to-resume-talks-despite-prevailing-mistrust',
      warnings: [],
    });
  });

  it('leaves out the site chrome', () => {
    for (const chrome of [
      'cookies',
      'Newsletter',
      'Economy',
      'Most Viewed',
      'Persepolis',
      'Iran-US talks Oman',
      'Telegram',
      'All rights reserved',
    ]) {
      expect(doc.text).not.toContain(chrome);
    }
  });
});

describe('extractHtmlArticle on malformed HTML (unclosed and stray tags, broken JSON-LD)', () => {
  const html = fixture('malformed-article.html');
  let doc: ExtractedDocument;
  beforeAll(() => {
    doc = extractHtmlArticle(html, { fileName: 'malformed-article.html' });
  });

  it('still reads the whole article in order', () => {
    // The repaired tree is too tangled to query; the source has one block per line.
    const source = html.slice(
      html.indexOf('<div class="body">'),
      html.indexOf('<div class=related>'),
    );
    const expected = source
      .split('\n')
      .map((line) => line.replace(/<[^>]*>/g, '').trim())
      .filter(Boolean);
    expect(expected).toHaveLength(12);
    expect(blocksOf(doc)).toEqual(expected);
    expect(doc.captions).toEqual([
      'Omani Foreign Minister Badr Albusaidi (C) meets Iranian Foreign Minister Abbas Araghchi in Muscat, Oman, February 6, 2026.',
    ]);
    expect(doc.subheads).toEqual(['Regional capitals weigh in']);
  });

  it('reads the metadata, a date-only <meta name="date"> as yyyy-mm-dd', () => {
    expect(doc).toMatchObject({
      title: 'Global optimism on Muscat-mediated Iran-US talks',
      byline: 'International Desk',
      publishedAt: '2026-02-07',
      siteName: 'Tehran Times',
      url: null,
    });
  });

  it('says the page is malformed', () => {
    expect(doc.warnings).toEqual(['The page is malformed HTML; Parallax read what it could.']);
  });

  it('leaves out the cookie bar, navigation, related links and footer', () => {
    for (const chrome of ['cookie', 'Economy', 'Related', 'Aliyev', 'All rights reserved']) {
      expect(doc.text).not.toContain(chrome);
    }
  });

  it('does not call well-formed HTML with legally unclosed <p> and <li> malformed', () => {
    const page = articlePage({ lead: '<ul><li>One<li>Two</ul><p>Open paragraph' });
    expect(extractHtmlArticle(page, { fileName: 'ok.html' }).warnings).toEqual([]);
  });
});

describe('extractHtmlArticle on a hostile page (scripts, on* handlers, javascript: links)', () => {
  const html = fixture('hostile-article.html');
  let doc: ExtractedDocument;
  beforeAll(() => {
    doc = extractHtmlArticle(html, { fileName: 'hostile-article.html' });
  });

  it('hands on plain text only: no markup, script, handler or javascript: URL in any field', () => {
    const output = allOutput(doc);
    expect(output).not.toContain('<');
    expect(output).not.toContain('>');
    expect(output.toLowerCase()).not.toContain('script');
    expect(output.toLowerCase()).not.toContain('onerror');
    expect(output.toLowerCase()).not.toContain('javascript:');
    expect(output).not.toContain('alert');
  });

  it('runs none of the page scripts or handlers', () => {
    // Each script in the page would overwrite the article with one of these.
    expect(allOutput(doc)).not.toMatch(/SCRIPT RAN|ONERROR RAN|ONLOAD RAN|SRCDOC RAN/);
  });

  it('reads the whole article in order, link text kept, <template> and <noscript> left out', () => {
    const expected = blocksInFixture(
      html,
      '.article-body > p, .article-body figcaption, .article-body h2',
    );
    expect(expected).toHaveLength(12);
    expect(blocksOf(doc)).toEqual(expected);
    expect(doc.text).toContain("according to a statement by Azerbaijan's presidential office.");
    expect(doc.text).not.toContain('Template text');
    expect(doc.text).not.toContain('enable JavaScript');
    expect(doc.subheads).toEqual(['Offer to help ease tensions']);
    expect(doc.captions).toHaveLength(1);
  });

  it('strips the markup a page put into its og:title, and reads byline and date', () => {
    expect(doc).toMatchObject({
      title: 'Aliyev: Azerbaijani territory not to be used for anti-Tehran threats',
      byline: 'International Desk',
      publishedAt: '2026-02-07',
      siteName: 'Tehran Times',
      url: null,
      warnings: [],
    });
  });

  it('leaves out the cookie banner, navigation, related links and footer', () => {
    for (const chrome of ['privacy', 'Menu', 'Politics', 'Related', 'All rights reserved']) {
      expect(doc.text).not.toContain(chrome);
    }
  });
});

describe('extractHtmlArticle loads nothing', () => {
  it('requests no image, stylesheet, script, frame or refresh target named by the page', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('/* nothing */');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = articlePage({
        head: `<meta http-equiv="refresh" content="0;url=${origin}/refresh">
          <link rel="stylesheet" href="${origin}/style.css">
          <script src="${origin}/script.js"></script>`,
        lead: `<img src="${origin}/image.png"><iframe src="${origin}/frame.html"></iframe>
          <video poster="${origin}/poster.png"><source src="${origin}/video.mp4"></video>
          <object data="${origin}/object.swf"></object>
          <script>fetch('${origin}/inline-fetch')</script>`,
      });
      extractHtmlArticle(page, { fileName: 'subresources.html' });
      // A request of our own, answered after anything jsdom might have sent first.
      await fetch(`${origin}/probe`).then((response) => response.text());
      expect(requests).toEqual(['/probe']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('extractHtmlArticle metadata details', () => {
  const read = (head: string, lead = ''): ExtractedDocument =>
    extractHtmlArticle(articlePage({ head, lead }), { fileName: 'page.html' });

  it('cuts a " | Site" suffix from the title when the page states the bare headline', () => {
    const doc = read(
      '<title>Talks resume in Muscat after long pause | The Daily Example</title>',
      '<h1>Talks resume in Muscat after long pause</h1>',
    );
    expect(doc.title).toBe('Talks resume in Muscat after long pause');
  });

  it('keeps a title whose last part is not the site name', () => {
    const doc = read(
      '<meta property="og:title" content="Iran - US talks: what comes next"><meta property="og:site_name" content="Example">',
    );
    expect(doc.title).toBe('Iran - US talks: what comes next');
  });

  it('normalises dates: offsets without a colon, written-out dates, RFC 2822', () => {
    expect(
      read('<meta property="article:published_time" content="2026-02-06T18:30:00+0330">')
        .publishedAt,
    ).toBe('2026-02-06T18:30:00+03:30');
    expect(read('<meta name="date" content="February 6, 2026">').publishedAt).toBe('2026-02-06');
    expect(read('<meta name="date" content="Fri, 06 Feb 2026 14:30:00 GMT">').publishedAt).toBe(
      '2026-02-06T14:30:00.000Z',
    );
  });

  it('skips a date it cannot read and takes the next source', () => {
    const doc = read(
      '<meta property="article:published_time" content="yesterday">',
      '<time datetime="2026-02-06">6 Feb</time>',
    );
    expect(doc.publishedAt).toBe('2026-02-06');
  });

  it('leaves what the page does not state as null', () => {
    expect(read('')).toMatchObject({
      title: null,
      byline: null,
      publishedAt: null,
      siteName: null,
      url: null,
    });
  });

  it('ignores a canonical link that is not an http(s) address', () => {
    expect(read('<link rel="canonical" href="javascript:alert(1)">').url).toBeNull();
    expect(read('<link rel="canonical" href="/relative/path">').url).toBeNull();
  });
});

describe('extractHtmlArticle on pages without an article', () => {
  const message =
    'front.html has no article text Parallax can find (is it a front page or a login wall?).';

  it('refuses a page that is only navigation', () => {
    const page = `<html><body><nav><ul>${['Home', 'World', 'Business', 'Sport', 'Culture']
      .map((item) => `<li><a href="/${item}">${item}</a></li>`)
      .join('')}</ul></nav><footer>© 2026 Example News</footer></body></html>`;
    expect(() => extractHtmlArticle(page, { fileName: 'front.html' })).toThrow(
      new UserError(message),
    );
  });

  it('refuses a login wall', () => {
    const page =
      '<html><body><h1>Subscribe to read</h1><p>This article is for subscribers. Log in to continue reading.</p><form><input name="email"><button>Log in</button></form></body></html>';
    expect(() => extractHtmlArticle(page, { fileName: 'front.html' })).toThrow(
      new UserError(message),
    );
  });

  it('refuses an empty page', () => {
    expect(() => extractHtmlArticle('', { fileName: 'front.html' })).toThrow(UserError);
  });
});
