// Fuzzing the importers (issue 7): arbitrary pastes, arbitrary bytes under each
// file name, and HTML from a small grammar go through readImportSource and
// proposeImport, the path the UI and CLI take. Each either fails with a
// UserError or proposes articles whose paragraphs are non-empty and hold no
// control characters but newline and tab. Seeded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportProposal, ImportSource } from '../../shared/api';
import { UserError } from '../../shared/result';
import { proposeImport } from './proposeImport';
import { readImportSource } from './readImportSource';

const SEED = 42;
// eslint-disable-next-line no-control-regex -- exactly the characters no article text may hold
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

async function importOrRefuse(source: ImportSource): Promise<void> {
  let proposal: ImportProposal;
  try {
    proposal = proposeImport(await readImportSource(source));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.message.trim()).not.toBe('');
    return;
  }
  expect(proposal.articles.length).toBeGreaterThan(0);
  for (const article of proposal.articles) {
    expect(article.headline.trim()).not.toBe('');
    expect(article.paragraphs.length).toBeGreaterThan(0);
    for (const text of [article.headline, ...article.paragraphs, ...article.captions]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(CONTROL);
    }
  }
}

const fileSource = (name: string, bytes: Uint8Array): ImportSource => ({
  kind: 'file',
  name,
  base64: Buffer.from(bytes).toString('base64'),
});

const words = fc.constantFrom(
  'Talks',
  'in Muscat',
  'ended.',
  'The U.S.',
  'said',
  '“sanctions”',
  'offi-\ncials',
  'In this photo',
  '● IRNA',
  'TEHRAN —',
  'مذاکرات',
  '&amp;',
  '&#0;',
  '\u0000',
  '\u001b[31m',
  '\r',
  '\f',
  '\u2028',
);
const sentence = fc.array(words, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));

/** HTML from a small grammar: nesting, captions, scripts, handlers, broken tags. */
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    sentence,
    sentence.map((s) => `<p>${s}</p>`),
    fc
      .tuple(
        fc.constantFrom(
          'div',
          'article',
          'section',
          'p',
          'span',
          'b',
          'figure',
          'main',
          'h1',
          'h2',
        ),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
    sentence.map(
      (s) => `<figure><img src=x onerror="alert(1)"><figcaption>${s}</figcaption></figure>`,
    ),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '<style>p{}</style>',
      '<!-- comment -->',
      '<div',
      '</p></div>',
      '<svg><path/><text>Iran</text></svg>',
      '<a href="javascript:alert(1)">link</a>',
      '<br>',
      '<table><tr><td>cell',
    ),
  ),
})).node;
const page = fc
  .tuple(fc.option(sentence), fc.array(html, { minLength: 1, maxLength: 6 }))
  .map(
    ([title, body]) =>
      `<!doctype html><html><head>${title === null ? '' : `<title>${title}</title>`}</head><body>${body.join('')}</body></html>`,
  );

describe('importers, fuzzed', () => {
  it('pasted text: arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.array(sentence, { maxLength: 10 }).map((s) => s.join('\n\n')),
        ),
        (text) => importOrRefuse({ kind: 'text', text }),
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('files: arbitrary bytes under every name Parallax reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.pdf', 'a', 'a.doc'),
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc
            .tuple(
              fc.constantFrom('%PDF-1.4\n', '\ufeff', '<html>', ''),
              fc.uint8Array({ maxLength: 500 }),
            )
            .map(([head, rest]) => new Uint8Array([...Buffer.from(head), ...rest])),
          fc.string({ maxLength: 500 }).map((s) => new Uint8Array(Buffer.from(s, 'utf16le'))),
        ),
        (name, bytes) => importOrRefuse(fileSource(name, bytes)),
      ),
      { seed: SEED, numRuns: 200 },
    );
  }, 60_000);

  it('HTML pages from a grammar, as files and as pastes', async () => {
    await fc.assert(
      fc.asyncProperty(page, fc.boolean(), (markup, asFile) =>
        importOrRefuse(
          asFile
            ? fileSource('page.html', new Uint8Array(Buffer.from(markup)))
            : { kind: 'text', text: markup },
        ),
      ),
      { seed: SEED, numRuns: 120 },
    );
  }, 60_000);
});
