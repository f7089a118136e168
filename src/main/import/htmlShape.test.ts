// The shape check must refuse bombs fast and let sloppy real pages through:
// its depth is compared with the tree jsdom actually builds.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH, htmlShapeProblem, measureHtml } from './htmlShape';

/** The deepest element under <body> in jsdom's tree (the scan leaves out html and body too). */
function jsdomDepth(html: string): number {
  let deepest = 0;
  const walk = (element: Element, depth: number): void => {
    deepest = Math.max(deepest, depth);
    for (const child of element.children) walk(child, depth + 1);
  };
  walk(new JSDOM(html).window.document.body, 0);
  return deepest;
}

describe('sloppy real markup is measured near the depth jsdom builds', () => {
  it.each([
    [
      'an unclosed <a> in each of 600 <p>s',
      `<div>${'<p>Talks in Muscat <a href="/x">link</p>'.repeat(600)}</div>`,
    ],
    [
      'unclosed <span> and <font> in 300 <li>s',
      `<ul>${'<li><span>x <font color=red>y'.repeat(300)}</ul>`,
    ],
    [
      'rows and cells without end tags',
      `<table>${'<tr><td><span>a<td><a href=#>b'.repeat(300)}</table>`,
    ],
    ['<dt>/<dd> without end tags', `<dl>${'<dt><i>t<dd><em>d'.repeat(300)}</dl>`],
    ['options without end tags', `<select>${'<option>a'.repeat(300)}</select>`],
    ['a <span> end tag that cannot close past a <div>', '<span><div></span>'.repeat(100)],
    ['blocks that close an open <p>', '<p><span>x<div>y'.repeat(100)],
  ])('%s', (_, body) => {
    const html = `<!doctype html><html><body>${body}</body></html>`;
    const measured = measureHtml(html).depth;
    const built = jsdomDepth(html);
    console.log(`measured ${measured}, jsdom ${built}`);
    expect(Math.abs(measured - built)).toBeLessThanOrEqual(6);
    if (built < MAX_HTML_DEPTH) expect(htmlShapeProblem(html, 'page.html')).toBeNull();
  });

  it('misnested formatting tags around blocks are not under-counted (the adoption agency)', () => {
    const html = `<body>${'<b><div></b>'.repeat(100)}</body>`;
    expect(measureHtml(html).depth).toBeGreaterThanOrEqual(jsdomDepth(html));
  });
});

describe('bombs', () => {
  it('20,000 <div>s then 200,000 stray end tags are measured at once', () => {
    const html = '<div>'.repeat(20_000) + '</x>'.repeat(200_000);
    const start = performance.now();
    const shape = measureHtml(html);
    const ms = performance.now() - start;
    console.log(`${(html.length / 1e6).toFixed(1)} MB measured in ${ms.toFixed(1)} ms`);
    expect(shape.depth).toBe(MAX_HTML_DEPTH + 1);
    expect(ms).toBeLessThan(2000);
  });

  it('100,000 nested <div>s are refused', () => {
    const html = `${'<div>'.repeat(100_000)}<p>text</p>${'</div>'.repeat(100_000)}`;
    expect(htmlShapeProblem(html, 'deep.html')).toBe(
      'deep.html is nested more than 512 levels deep (an article page uses a few dozen); Parallax does not read pages built like this — save the article alone, or copy its text and paste it.',
    );
  });

  it('formatting tags reopened before each paragraph are counted (6 KB that builds 90,000 elements)', () => {
    // A <b> closed by its paragraph's end stays in the parser's list of active
    // formatting elements and is built anew before the next text. With distinct
    // attributes none is dropped, so n of them before n paragraphs build n² elements:
    // n = 300 took jsdom 11.6 s for 90,604 elements.
    const bomb = (n: number) =>
      `<body><p>${Array.from({ length: n }, (_, i) => `<b class=c${i}>`).join('')}</p>${'<p>x</p>'.repeat(n)}</body>`;
    const small = bomb(60);
    const built = new JSDOM(small).window.document.getElementsByTagName('*').length;
    expect(measureHtml(small).elements).toBeGreaterThanOrEqual(built - 3); // html, head, body
    const start = performance.now();
    expect(htmlShapeProblem(bomb(300), 'bomb.html')).toMatch(
      /^bomb.html has over 50,000 HTML elements/,
    );
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('end tags that the parser ignores do not hide depth', () => {
    // </span> cannot close past the <div> opened inside it, so each round nests two deeper.
    expect(measureHtml('<span><div></span>'.repeat(1000)).depth).toBeGreaterThan(MAX_HTML_DEPTH);
  });
});
