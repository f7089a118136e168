// Hostile content for the "nothing imported can run script" tests (issue 7):
// payloads, a library seeded with them in every field a user can see, and a
// watch on the page that records any sign one of them ran.
import { expect, type Page } from '@playwright/test';
import { callApi, type BrowserModeApp } from './browserMode';

/** Script payloads; each one sets `window.__pwned` (or the parent's) if it ever runs. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3"><script>window.__pwned=4</script></svg>',
  '<a href="javascript:window.__pwned=5">click</a>',
  '"><iframe srcdoc="<script>parent.__pwned=6</script>">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=7">',
] as const;

const ALL = PAYLOADS.join(' ');
const [P1, P2, P3, P4, P5, P6] = PAYLOADS;

/** Field values; the short fields carry fewer payloads to stay within their limits. */
export const HOSTILE = {
  outletA: `Hostile Herald ${P1} ${P2}`,
  story: `Muscat talks ${P1} ${P3} ${P5}`,
  headlineA: `Talks resume in Muscat ${ALL}`,
  lensName: `Oman ${P2}`,
  codeName: `Spin ${P1}`,
  note: `Note: ${ALL}`,
  annotators: [`Ali ${P2}`, `Sara ${P4}`],
} as const;

/** A word the search finds in the hostile texts. */
export const SEARCH_WORD = 'pwned';

const SENTENCES = [
  'Iran and the United States held indirect talks in Muscat on Friday, mediated by Oman.',
  'Foreign Minister Abbas Araghchi said the talks were a good start and would continue.',
  'Washington announced new sanctions on Iranian oil shipments on the same day.',
  'The date of the next round will be set through the Omani mediator, officials said.',
];

/** Article A's paragraphs: each normal sentence followed by a payload, so they align with B. */
function hostileParagraphs(): string[] {
  return SENTENCES.map((sentence, i) => `${sentence} ${PAYLOADS[i % PAYLOADS.length]}`).concat(
    `"We want ${P5} a fair deal," Araghchi said. ${P6}`,
    `Reported text ${ALL}`,
  );
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A web page whose article carries every payload twice: as escaped text (which
 * must come out as the literal characters) and as real markup (which the import
 * must read as text, never keep as markup), plus scripts and handlers around it.
 */
export function hostileHtmlPage(): string {
  const escaped = PAYLOADS.map(escapeHtml);
  return `<!doctype html>
<html><head>
<meta charset="utf-8">
<title>${escapeHtml(`Mallory Post reports talks in Muscat ${P1}`)}</title>
<meta property="og:site_name" content="${escapeHtml(`Mallory Post ${P2}`)}">
<script>window.__pwned = 100</script>
</head>
<body onload="window.__pwned = 101">
<article>
<h1>${escapeHtml(`Mallory Post reports talks in Muscat ${P1}`)}</h1>
<p class="byline">By ${escapeHtml(`Eve ${P3}`)}</p>
${SENTENCES.map((sentence, i) => `<p>${sentence} ${escaped[(i + 2) % escaped.length]}</p>`).join('\n')}
<p>Diplomats described the atmosphere as ${escaped.join(' ')} difficult but serious.</p>
<p>Real markup follows: ${PAYLOADS.join(' ')} and the talks went on for hours in the capital.</p>
<figure><img src="x" onerror="window.__pwned = 102"><figcaption>${escapeHtml(
    `In this photo, the delegations in Muscat ${P2} ${P4}`,
  )}</figcaption></figure>
<p>Observers said the two delegations never met face to face during the talks in Oman.</p>
</article>
</body></html>`;
}

interface Saved {
  saved: { versionId: string; articleId: string; created: boolean }[];
}

export interface HostileLibrary {
  a1: string;
  a2: string;
  b: string;
}

type Article = {
  headline: string;
  headlineGuessed: boolean;
  deck: string | null;
  byline: string | null;
  outlet: string;
  outletDomain: string | null;
  publishedAt: string | null;
  url: string | null;
  paragraphs: string[];
  subheads: number[];
  captions: string[];
};

/**
 * Fills a fresh library with hostile content through the API, the way the
 * renderer would: article A (two versions) pasted with payloads in every field,
 * article B imported from a hostile HTML file (the Readability path), a code, a
 * lens and an annotator name with payloads, and two coders' annotations whose
 * notes carry payloads. Opens A v2 | B last, so the page lands on it.
 */
export async function seedHostileLibrary(app: BrowserModeApp): Promise<HostileLibrary> {
  const articleA: Article = {
    headline: HOSTILE.headlineA,
    headlineGuessed: false,
    deck: `Deck ${ALL}`,
    byline: `By ${ALL}`,
    outlet: HOSTILE.outletA,
    outletDomain: null,
    publishedAt: '2026-02-06',
    url: null,
    paragraphs: hostileParagraphs(),
    subheads: [],
    captions: [`Caption ${ALL}`],
  };
  const commit = async (article: Article, rawInput: string) =>
    (
      await callApi<Saved>(app, 'import:commit', {
        articles: [article],
        rawInput,
        sourceKind: 'paste',
        sourceName: null,
        story: HOSTILE.story,
      })
    ).saved[0]!;
  const a1 = await commit(articleA, `<p>${articleA.paragraphs.join('</p><p>')}</p>`);
  const changed = {
    ...articleA,
    deck: `Changed deck ${P6}`,
    paragraphs: [
      ...articleA.paragraphs.slice(0, 2),
      `A paragraph added later ${ALL}`,
      ...articleA.paragraphs.slice(3),
    ],
  };
  const a2 = await commit(changed, changed.paragraphs.join('\n\n'));
  expect(a2.created).toBe(true);

  const proposal = await callApi<{ articles: Article[]; rawInput: string; sourceName: string }>(
    app,
    'import:preview',
    {
      source: {
        kind: 'file',
        name: 'mallory-post.html',
        base64: Buffer.from(hostileHtmlPage()).toString('base64'),
      },
    },
  );
  const b = (
    await callApi<Saved>(app, 'import:commit', {
      articles: proposal.articles,
      rawInput: proposal.rawInput,
      sourceKind: 'file',
      sourceName: proposal.sourceName,
      story: HOSTILE.story,
    })
  ).saved[0]!;

  const { codebooks } = await callApi<{ codebooks: { id: string }[] }>(app, 'codebook:list', {});
  const { code } = await callApi<{ code: { id: string } }>(app, 'code:create', {
    codebookId: codebooks[0]!.id,
    name: HOSTILE.codeName,
    color: '#aa3366',
  });
  await callApi(app, 'lens:save', {
    name: HOSTILE.lensName,
    terms: ['Oman', 'Omani', P1],
    color: '#3366aa',
  });

  // Two coders, each coding the same words of both versions.
  const { comparison } = await callApi<{ comparison: { id: string } }>(app, 'comparison:open', {
    aVersionId: a2.versionId,
    bVersionId: b.versionId,
  });
  const spanOf = async (versionId: string, words: string) => {
    const { version } = await callApi<{ version: { body: string } }>(app, 'version:get', {
      id: versionId,
    });
    const start = version.body.indexOf(words);
    expect(start, `"${words}" in the text`).toBeGreaterThanOrEqual(0);
    return [{ type: 'TextPositionSelector', start, end: start + words.length }];
  };
  for (const [i, annotator] of HOSTILE.annotators.entries()) {
    await callApi(app, 'settings:update', { annotatorName: annotator });
    await callApi(app, 'annotation:create', {
      versionId: a2.versionId,
      comparisonId: comparison.id,
      codeId: i === 0 ? code.id : null,
      note: `${HOSTILE.note} (${i + 1})`,
      selectors: await spanOf(a2.versionId, 'indirect talks'),
      pair: { versionId: b.versionId, selectors: await spanOf(b.versionId, 'indirect talks') },
    });
  }
  return { a1: a1.versionId, a2: a2.versionId, b: b.versionId };
}

/** Everything a watched page saw that shows a payload ran, or was stopped from running. */
export interface Watch {
  /** Values assigned to `__pwned` in any frame of any page visited. */
  pwned: string[];
  dialogs: string[];
  popups: string[];
  /** Content-Security-Policy violations: the policy stopped something the page was handed. */
  cspViolations: string[];
}

/**
 * Watches a page from before its first script: `__pwned` becomes a setter that
 * reports to the test (so a payload that runs is caught even if the page then
 * navigates away), and dialogs, pop-ups and CSP violations are recorded.
 */
export async function watchForScript(page: Page): Promise<Watch> {
  const watch: Watch = { pwned: [], dialogs: [], popups: [], cspViolations: [] };
  await page.exposeBinding('__parallaxReportPwned', ({ frame }, value: string) => {
    watch.pwned.push(`${value} (in ${frame.url()})`);
  });
  await page.exposeBinding('__parallaxReportCsp', (_source, text: string) => {
    watch.cspViolations.push(text);
  });
  await page.addInitScript(() => {
    type Reporting = Window & {
      __parallaxReportPwned?: (value: string) => void;
      __parallaxReportCsp?: (text: string) => void;
    };
    const report = window as Reporting;
    let stored: unknown;
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => stored,
      set: (value: unknown) => {
        stored = value;
        void report.__parallaxReportPwned?.(String(value));
      },
    });
    document.addEventListener('securitypolicyviolation', (event) => {
      const element = event.target instanceof Element ? event.target.outerHTML.slice(0, 160) : '';
      void report.__parallaxReportCsp?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ${element}`,
      );
    });
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('popup', (popup) => watch.popups.push(popup.url()));
  return watch;
}

/**
 * Asserts that no payload ran in `where`, and that none became markup: no element
 * with an inline handler, no frame, no javascript: link, no inline script other
 * than the page's own (there are none), no MathML mutation-XSS element.
 */
export async function expectNothingRan(page: Page, watch: Watch, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as Window & { __pwned?: unknown }).__pwned,
    injected: Array.from(
      document.querySelectorAll(
        '[onerror], [onload], [onclick], iframe, object, embed, mglyph, a[href^="javascript:" i], script:not([src])',
      ),
      (element) => element.outerHTML.slice(0, 200),
    ),
  }));
  expect(state.pwned, `window.__pwned in ${where}`).toBeUndefined();
  expect(state.injected, `payload markup in the DOM of ${where}`).toEqual([]);
  expect(watch.pwned, `payloads that ran by ${where}`).toEqual([]);
  expect(watch.dialogs, `dialogs by ${where}`).toEqual([]);
  expect(watch.popups, `pop-ups by ${where}`).toEqual([]);
}
