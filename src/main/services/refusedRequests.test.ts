// Issue 13, point 6: the API refuses what the UI would never send. Each request goes
// through the real dispatch and handlers over a real library file, and each refusal
// leaves every table of that library exactly as it was.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportProposal, Request } from '../../shared/api';
import type { Annotation } from '../../shared/domain';
import { proposedArticle } from '../testing/proposedArticle';
import { sampleWorkspace, span } from '../testing/sampleWorkspace';
import { saveNextVersion } from '../testing/nextVersion';
import { libraryContents } from '../testing/libraryContents';

/** A workspace with one annotation by Zoë, deleted as the UI deletes one (ready for undo). */
async function deletedAnnotation() {
  const workspace = await sampleWorkspace();
  const { ok, a, comparison, codes } = workspace;
  await ok('settings:update', { annotatorName: 'Zoë Ahmadi' });
  const { annotations } = await ok('annotation:create', {
    versionId: a.id,
    comparisonId: comparison.id,
    codeId: codes[0]!.id,
    note: 'Leaves out the sanctions.',
    selectors: span(a, 'Oman'),
  });
  const deletion = await ok('annotation:delete', { id: annotations[0]!.id });
  return { ...workspace, deletion, deleted: deletion.annotation };
}

describe('annotation:restore puts back only what annotation:delete took out', () => {
  it('refuses a deleted annotation signed with another name, and restores the real one', async () => {
    const { call, ok, library, deletion, deleted, listAnnotations } = await deletedAnnotation();
    await ok('settings:update', { annotatorName: 'Mallory' });
    const before = libraryContents(library);
    for (const annotator of ['Mallory', '', 'zoë ahmadi']) {
      expect(
        await call('annotation:restore', { ...deletion, annotation: { ...deleted, annotator } }),
        annotator,
      ).toEqual({
        ok: false,
        error:
          'This is not the annotation that was deleted (the annotator differs), so it cannot be restored.',
      });
    }
    expect(libraryContents(library)).toEqual(before);
    // The undo the UI makes still works, signed as it was, whoever is signed in now.
    expect(await ok('annotation:restore', deletion)).toEqual({ annotation: deleted });
    expect(await listAnnotations()).toEqual([deleted]);
    expect(deleted.annotator).toBe('Zoë Ahmadi');
  });

  it('refuses an annotation that was never deleted, however well formed', async () => {
    const { call, library, a, deleted } = await deletedAnnotation();
    const before = libraryContents(library);
    const forged: Annotation = {
      ...deleted,
      id: randomUUID(),
      annotator: 'Another coder',
      selectors: span(a, 'mistrust'),
    };
    expect(await call('annotation:restore', { annotation: forged })).toEqual({
      ok: false,
      error:
        'This annotation was not deleted here since Parallax started, so there is nothing to restore.',
    });
    expect(libraryContents(library)).toEqual(before);
  });

  it('refuses a back-dated, re-noted or moved copy of the deleted annotation, naming what differs', async () => {
    const { call, library, a, deletion, deleted } = await deletedAnnotation();
    const before = libraryContents(library);
    const changes: [Partial<Annotation>, string][] = [
      [{ createdAt: '2020-01-01T00:00:00.000Z' }, 'creation time'],
      [{ updatedAt: '2030-01-01T00:00:00.000Z' }, 'time of the last change'],
      [{ note: 'A note the coder never wrote.' }, 'note'],
      [{ selectors: span(a, 'mistrust') }, 'span'],
      [{ codeId: null }, 'code'],
      [{ pairId: randomUUID() }, 'pair'],
    ];
    for (const [change, field] of changes) {
      expect(
        await call('annotation:restore', { ...deletion, annotation: { ...deleted, ...change } }),
        field,
      ).toEqual({
        ok: false,
        error: `This is not the annotation that was deleted (the ${field} differs), so it cannot be restored.`,
      });
    }
    expect(libraryContents(library)).toEqual(before);
  });

  it('refuses a note over the limit, a name over the limit and dates that are not dates', async () => {
    const { call, library, deletion, deleted } = await deletedAnnotation();
    const before = libraryContents(library);
    const refusals: [Partial<Annotation>, string][] = [
      [{ note: 'x'.repeat(10_001) }, 'annotation.note: A note is limited to 10,000 characters.'],
      [
        { annotator: 'M'.repeat(101) },
        'annotation.annotator: A name is limited to 100 characters.',
      ],
      ...['zzzz', '2026-02-30T09:00:00.000Z', '2026-02-06', 'yesterday'].map(
        (date): [Partial<Annotation>, string] => [
          { createdAt: date },
          'annotation.createdAt: Not a time Parallax wrote; it is written as ISO 8601 (2026-02-06T09:30:00.000Z).',
        ],
      ),
      [
        { updatedAt: 'zzzz' },
        'annotation.updatedAt: Not a time Parallax wrote; it is written as ISO 8601 (2026-02-06T09:30:00.000Z).',
      ],
    ];
    for (const [change, message] of refusals) {
      expect(
        await call('annotation:restore', { ...deletion, annotation: { ...deleted, ...change } }),
      ).toEqual({ ok: false, error: `Invalid request for annotation:restore: ${message}` });
    }
    expect(libraryContents(library)).toEqual(before);
  });

  it('puts back the recorded orphan records, never ones the request makes up', async () => {
    const { ok, library, a, b, deletion, deleted } = await deletedAnnotation();
    // A later version the annotation's words are not in: it is recorded as lost there.
    const { annotation } = await ok('annotation:restore', deletion);
    const v2 = saveNextVersion(library, a, a.body.replaceAll('Oman', 'the Sultanate'));
    const again = await ok('annotation:delete', { id: annotation.id });
    expect(again.orphanedOn).toEqual([{ versionId: v2.id, oldText: 'Oman' }]);
    await ok('annotation:restore', {
      annotation: again.annotation,
      orphanedOn: [
        { versionId: v2.id, oldText: 'words it never marked' },
        { versionId: b.id, oldText: 'a record it never had' },
      ],
    });
    expect(library.annotations.listOrphanRecords(deleted.id)).toEqual(again.orphanedOn);
  });
});

type Commit = Request<'import:commit'>;

const commitOf = (article: Partial<Commit['articles'][number]>, extra: Partial<Commit> = {}) => ({
  articles: [
    proposedArticle({
      headline: 'Talks resume in Muscat',
      paragraphs: ['Iran and the US met in Muscat on Friday.', 'The next round is not set.'],
      ...article,
    }),
  ],
  rawInput: 'Talks resume in Muscat\n\nIran and the US met in Muscat on Friday.',
  sourceKind: 'paste' as const,
  sourceName: null,
  ...extra,
});

/** A proposal as the Import dialog saves it when the reader changes nothing. */
const asPreviewed = ({ articles, rawInput, sourceKind, sourceName }: ImportProposal): Commit => ({
  articles,
  rawInput,
  sourceKind,
  sourceName,
});

const invisible = (code: string, kind: string) =>
  `Holds the invisible character ${code} (${kind}), which Parallax does not save; import the text through the preview, or remove it.`;
const CONTROL = 'a control character';
const DIRECTION = 'a text-direction control';

describe('import:commit refuses what the import preview never proposes', () => {
  it('refuses NUL and other control characters the cleanup removes, naming the field', async () => {
    const { call, library } = await sampleWorkspace();
    const before = libraryContents(library);
    const cases: [Partial<Commit['articles'][number]>, string][] = [
      [{ headline: 'Talks\u0000resume' }, `articles.0.headline: ${invisible('U+0000', CONTROL)}`],
      [
        { paragraphs: ['Iran and the US met.', 'Next round\u0000 not set.'] },
        `articles.0.paragraphs.1: ${invisible('U+0000', CONTROL)}`,
      ],
      [{ byline: 'By \u001bStaff' }, `articles.0.byline: ${invisible('U+001B', CONTROL)}`],
      [{ deck: 'A deck\u0007' }, `articles.0.deck: ${invisible('U+0007', CONTROL)}`],
      [
        { captions: ['Photo\u0085 IRNA'] },
        `articles.0.captions.0: ${invisible('U+0085', CONTROL)}`,
      ],
      [{ outlet: 'CGTN\u0000' }, `articles.0.outlet: ${invisible('U+0000', CONTROL)}`],
    ];
    for (const [article, message] of cases) {
      expect(await call('import:commit', commitOf(article))).toEqual({
        ok: false,
        error: `Invalid request for import:commit: ${message}`,
      });
    }
    expect(libraryContents(library)).toEqual(before);
  });

  it('refuses direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)', async () => {
    const { call, library } = await sampleWorkspace();
    const before = libraryContents(library);
    for (const char of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2069']) {
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`;
      expect(
        await call('import:commit', commitOf({ headline: `Talks ${char}emuser nI` })),
        code,
      ).toEqual({
        ok: false,
        error: `Invalid request for import:commit: articles.0.headline: ${invisible(code, DIRECTION)}`,
      });
    }
    expect(
      await call('import:commit', commitOf({ paragraphs: ['Iran \u202eand the US met.'] })),
    ).toEqual({
      ok: false,
      error: `Invalid request for import:commit: articles.0.paragraphs.0: ${invisible('U+202E', DIRECTION)}`,
    });
    expect(await call('import:commit', commitOf({}, { story: 'Muscat \u2067talks' }))).toEqual({
      ok: false,
      error: `Invalid request for import:commit: story: ${invisible('U+2067', DIRECTION)}`,
    });
    expect(
      await call('import:commit', commitOf({}, { sourceName: 'report\u202etxt.exe' })),
    ).toEqual({
      ok: false,
      error: `Invalid request for import:commit: sourceName: ${invisible('U+202E', DIRECTION)}`,
    });
    expect(libraryContents(library)).toEqual(before);
  });

  it('refuses a subhead index that points past the paragraphs', async () => {
    const { call, library } = await sampleWorkspace();
    const before = libraryContents(library);
    expect(await call('import:commit', commitOf({ subheads: [0, 2] }))).toEqual({
      ok: false,
      error:
        'Invalid request for import:commit: articles.0.subheads.1: Subhead 2 is not a paragraph of this article, which has 2.',
    });
    expect(await call('import:commit', commitOf({ subheads: [99999] }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('articles.0.subheads.0: Subhead 99999 is not a paragraph'),
    });
    expect(libraryContents(library)).toEqual(before);
  });

  it('refuses an article address that is not http or https', async () => {
    const { call, library } = await sampleWorkspace();
    const before = libraryContents(library);
    for (const url of [
      'javascript:alert(1)',
      'JavaScript://%0aalert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      'not an address',
      '',
    ]) {
      expect(await call('import:commit', commitOf({ url })), url).toEqual({
        ok: false,
        error:
          'Invalid request for import:commit: articles.0.url: Only an http or https address can be saved as an article’s address.',
      });
    }
    expect(libraryContents(library)).toEqual(before);
  });

  it('refuses a publication date that is not a date', async () => {
    const { call, library } = await sampleWorkspace();
    const before = libraryContents(library);
    for (const publishedAt of [
      'zzzz',
      'yesterday',
      '2026-02-30',
      '2026-13-01',
      '06/02/2026',
      '2026-02-06T25:00',
      '2026-02-06 is the date',
      '<script>',
    ]) {
      expect(await call('import:commit', commitOf({ publishedAt })), publishedAt).toEqual({
        ok: false,
        error:
          'Invalid request for import:commit: articles.0.publishedAt: Not a date; write it as yyyy-mm-dd (for example 2026-02-06).',
      });
    }
    expect(libraryContents(library)).toEqual(before);
  });

  it('still saves what the preview proposes: dates as pages give them, web addresses, subheads', async () => {
    const { ok } = await sampleWorkspace();
    const dates = [
      '2026-02-06',
      '2026-02-06T21:40',
      '2026-02-06T21:40:00+03:30',
      '2026-02-06T18:10:00.000Z',
    ];
    for (const [i, publishedAt] of dates.entries()) {
      const { saved } = await ok(
        'import:commit',
        commitOf({
          headline: `Talks resume, take ${i}`,
          publishedAt,
          url: `https://www.tehrantimes.com/news/${i}/talks`,
          subheads: [1],
        }),
      );
      expect(saved[0]!.created, publishedAt).toBe(true);
    }
  });

  it('saves an HTML page as previewed, its date and address included', async () => {
    const { ok, library } = await sampleWorkspace();
    const page = `<!doctype html><html><head><title>Talks resume in Muscat</title>
<meta property="article:published_time" content="2026-02-06T21:40:00+0330">
<link rel="canonical" href="https://www.tehrantimes.com/news/1/talks-resume">
</head><body><article><h1>Talks resume in Muscat</h1>
<p>Iran and the United States held indirect talks in Muscat on Friday, mediated by Oman.</p>
<h2>What comes next</h2>
<p>The date of the next round will be set through the Omani mediator, officials said.</p>
</article></body></html>`;
    const proposal = await ok('import:preview', {
      source: { kind: 'file', name: 'talks.html', base64: Buffer.from(page).toString('base64') },
    });
    expect(proposal.articles[0]).toMatchObject({
      publishedAt: '2026-02-06T21:40:00+03:30',
      url: 'https://www.tehrantimes.com/news/1/talks-resume',
    });
    const { saved } = await ok('import:commit', asPreviewed(proposal));
    expect(library.versions.get(saved[0]!.versionId)!.publishedAt).toBe(
      '2026-02-06T21:40:00+03:30',
    );
  });

  it('leaves a page date that is not a real time empty in the preview, says so, and saves', async () => {
    const { ok, library } = await sampleWorkspace();
    const page = `<!doctype html><html><head><title>Talks resume in Muscat</title>
<meta property="article:published_time" content="2026-02-06T25:99">
</head><body><article><h1>Talks resume in Muscat</h1>
<p>Iran and the United States held indirect talks in Muscat on Friday, mediated by Oman.</p>
<p>The date of the next round will be set through the Omani mediator, officials said.</p>
</article></body></html>`;
    const proposal = await ok('import:preview', {
      source: { kind: 'file', name: 'talks.html', base64: Buffer.from(page).toString('base64') },
      outlet: 'Tehran Times',
    });
    expect(proposal.articles[0]!.publishedAt).toBeNull();
    expect(proposal.warnings).toContain(
      'The date of "Talks resume in Muscat" ("2026-02-06T25:99") is not a real date; Parallax left it empty.',
    );
    const { saved } = await ok('import:commit', asPreviewed(proposal));
    expect(library.versions.get(saved[0]!.versionId)!.publishedAt).toBeNull();
  });

  it('takes direction controls out of what the preview proposes, says so, and saves it', async () => {
    const { ok, library } = await sampleWorkspace();
    const proposal = await ok('import:preview', {
      source: {
        kind: 'text',
        text: 'Talks \u202eresume\u202c in Muscat\n\nIran and the US met in \u2067Muscat\u2069 on Friday.',
      },
      outlet: 'CGTN',
    });
    expect(proposal.articles[0]).toMatchObject({
      headline: 'Talks resume in Muscat',
      paragraphs: ['Iran and the US met in Muscat on Friday.'],
    });
    expect(proposal.warnings).toContain(
      'The text held 4 text-direction controls (invisible characters that can make text display out of order); Parallax removed them.',
    );
    const { saved } = await ok('import:commit', asPreviewed(proposal));
    expect(library.versions.get(saved[0]!.versionId)!.body).toBe(
      'Iran and the US met in Muscat on Friday.',
    );
  });
});
