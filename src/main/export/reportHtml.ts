// The comparison report as one self-contained HTML file: inline CSS, no script, no
// external resource, a CSP that forbids both, and every imported string escaped
// (article text, notes and code names come from outside and may be hostile).
// Laid out for the screen and for A4 paper.
import { plural } from '../../core/text';
import { formatConfidence, LINK_KIND_LABEL } from '../../shared/linkWording';
import {
  annotationGroups,
  markedSegments,
  rowConfidence,
  rowNotes,
  type LensSideCoverage,
  type ReportAnnotation,
  type ReportModel,
  type ReportRow,
  type ReportSentence,
  type ReportSource,
  type RowKind,
} from './reportModel';
import { REPORT_STYLE } from './reportStyle';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** A date as stored, shortened to what a reader needs (day, or day and minute). */
export function shortDate(value: string | null): string | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!match) return value;
  if (!match[2] || match[2] === '00:00') return match[1]!;
  return `${match[1]} ${match[2]}${/Z$|[+-]00:?00$/.test(value) ? ' UTC' : ''}`;
}

function sourceFacts(source: ReportSource): [string, string][] {
  const facts: [string, string | null][] = [
    ['Byline', source.byline],
    ['Published', shortDate(source.publishedAt)],
    ['Captured', shortDate(source.capturedAt)],
    [
      'Version',
      source.versionId
        ? `${source.seq !== null ? `v${source.seq} · ` : ''}${source.versionId}`
        : 'compared from a file, not in a library',
    ],
  ];
  return facts.filter((f): f is [string, string] => f[1] !== null && f[1] !== '');
}

/** The article's photo captions: part of how it frames the event, so kept in the report. */
function captionsHtml(source: ReportSource, side: 'a' | 'b'): string {
  if (source.captions.length === 0) return '';
  return `<section class="captions" aria-labelledby="captions-${side}"><h4 id="captions-${side}">Captions</h4>
<ul>${source.captions.map((c) => `<li dir="auto">${e(c)}</li>`).join('')}</ul></section>`;
}

function sourceHtml(source: ReportSource, side: 'a' | 'b'): string {
  return `<section class="source side-${side}" aria-labelledby="source-${side}">
<h3 id="source-${side}"><span class="side-tag">${source.label}</span> ${e(source.outlet)}</h3>
<p class="headline" dir="auto">${e(source.headline)}</p>
${source.deck ? `<p class="deck" dir="auto">${e(source.deck)}</p>` : ''}
<dl>${sourceFacts(source)
    .map(([term, value]) => `<dt>${term}</dt><dd>${e(value)}</dd>`)
    .join('')}</dl>
${captionsHtml(source, side)}
</section>`;
}

/** A sentence with its annotated spans in <mark>, each followed by a label naming its code. */
function sentenceHtml(sentence: ReportSentence): string {
  return markedSegments(sentence)
    .map(({ text, covering, ending }) => {
      const inner = covering.length
        ? `<mark class="ann${covering.length > 1 ? ' overlap' : ''}" style="--c:${covering[0]!.color}">${e(text)}</mark>`
        : e(text);
      const labels = ending
        .map(
          (m) =>
            `<span class="tag" style="--c:${m.color}"><span class="visually-hidden">(annotation </span>${m.ref} ${e(m.codeName)}<span class="visually-hidden">)</span></span>`,
        )
        .join('');
      return inner + labels;
    })
    .join('');
}

const RELATION: Record<RowKind, string> = {
  same: LINK_KIND_LABEL.same,
  contrast: LINK_KIND_LABEL.contrast,
  possible: LINK_KIND_LABEL.possible,
  onlyA: '◀ Only in A',
  onlyB: 'Only in B ▶',
};

/** The relation cell: the row's kind and how sure the engine is of it. */
function relationHtml(row: ReportRow): string {
  const confidence = rowConfidence(row);
  return `<td class="relation">${RELATION[row.kind]}${
    confidence === null
      ? ''
      : `<span class="confidence">${formatConfidence(confidence)} confidence</span>`
  }</td>`;
}

function cellHtml(sentences: ReportSentence[], missingOutlet: string): string {
  if (sentences.length === 0) {
    return `<td class="missing">∅ Not in ${e(missingOutlet)}</td>`;
  }
  const text = (s: ReportSentence) =>
    s.repeatOfRow === null
      ? sentenceHtml(s)
      : `<span class="again">↑ The sentence in row ${s.repeatOfRow}</span>`;
  return `<td dir="auto">${sentences.map(text).join(' ')}</td>`;
}

function rowsHtml(model: ReportModel): string {
  const { a, b } = model.sources;
  const body = model.rows
    .map((row, i) => {
      const why = rowNotes(row);
      return `<tr class="row ${row.kind}">
<th scope="row" class="n">${i + 1}</th>
${cellHtml(row.a, a.outlet)}
${relationHtml(row)}
${cellHtml(row.b, b.outlet)}
</tr>${
        why.length
          ? `\n<tr class="why ${row.kind}"><td></td><td colspan="3">${why.map((line) => `<p>${e(line)}</p>`).join('')}</td></tr>`
          : ''
      }`;
    })
    .join('\n');
  return `<table class="aligned">
<caption>Each row is one claim: ${e(a.outlet)} on the left, ${e(b.outlet)} on the right. “Same claim”: both report it; “Different claim”: the same point, told differently, with what differs; “Possibly the same claim — check”: the program is not sure, and does not count it as a finding. The percent is how sure the program is that the two are on the same point.</caption>
<colgroup><col class="n"><col class="text"><col class="relation"><col class="text"></colgroup>
<thead><tr><th scope="col">#</th><th scope="col">A · ${e(a.outlet)}</th><th scope="col">Relation</th><th scope="col">B · ${e(b.outlet)}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

function summaryHtml(model: ReportModel): string {
  const { counts } = model;
  const { a, b } = model.sources;
  const items = [
    `${plural(counts.same, 'claim')} both outlets report the same way`,
    `${plural(counts.contrast, 'point')} both raise with a different claim`,
    `${plural(counts.onlyA, 'sentence')} only in ${e(a.outlet)}`,
    `${plural(counts.onlyB, 'sentence')} only in ${e(b.outlet)}`,
    `${plural(counts.possible, 'possible match', 'possible matches')} to check (not counted as findings)`,
  ];
  if (model.annotatable) items.push(plural(model.annotations.length, 'annotation'));
  return `<ul class="summary">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

function omissionsHtml(model: ReportModel): string {
  const list = (side: 'a' | 'b', other: 'a' | 'b') => {
    const own = model.sources[side];
    const sentences = model.omissions[side];
    const maybe = model.maybe[side].length;
    const maybeNote = maybe
      ? `<p class="maybe">Not listed: ${plural(maybe, 'sentence')} possibly in ${e(model.sources[other].outlet)} (rows marked “?”), to check.</p>`
      : '';
    return `<section class="omitted side-${side}" aria-labelledby="only-${side}">
<h3 id="only-${side}">Only in ${e(own.outlet)} <span class="count">(${plural(sentences.length, 'sentence')}; not in ${e(model.sources[other].outlet)})</span></h3>
${
  sentences.length
    ? `<ol>${sentences.map((s) => `<li dir="auto">${e(s.text)}</li>`).join('')}</ol>`
    : `<p class="none">Nothing: every sentence has a counterpart in ${e(model.sources[other].outlet)}.</p>`
}${maybeNote}
</section>`;
  };
  return `<div class="two">${list('a', 'b')}${list('b', 'a')}</div>`;
}

function coverageCell(coverage: LensSideCoverage, outlet: string): string {
  if (coverage.absent) return `<td class="absent"><strong>⚠ Not in ${e(outlet)}</strong></td>`;
  const first =
    coverage.firstPosition === null
      ? ''
      : `; first mention ${Math.round(coverage.firstPosition * 100)}% of the way in`;
  return `<td>${plural(coverage.mentions, 'mention')}, ${plural(coverage.words, 'word')} (${percent(coverage.share)} of the text${first})</td>`;
}

function lensesHtml(model: ReportModel): string {
  if (model.lenses.length === 0) return '<p class="none">No lenses were applied.</p>';
  const { a, b } = model.sources;
  return `<table class="lenses">
<caption>Lenses are named topics; each row shows how much of each text is about the topic and where it first comes up.</caption>
<thead><tr><th scope="col">Lens</th><th scope="col">A · ${e(a.outlet)}</th><th scope="col">B · ${e(b.outlet)}</th></tr></thead>
<tbody>
${model.lenses
  .map(
    (lens) =>
      `<tr><th scope="row">${e(lens.name)}</th>${coverageCell(lens.a, a.outlet)}${coverageCell(lens.b, b.outlet)}</tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
}

function voicesHtml(model: ReportModel): string {
  const side = (key: 'a' | 'b') => {
    const source = model.sources[key];
    const voices = model.voices[key];
    const only = key === 'a' ? model.voices.onlyA : model.voices.onlyB;
    const onlyLine = only.length
      ? `<p>Quoted only by ${e(source.outlet)}: ${only.map((s) => `<strong>${e(s)}</strong>`).join(', ')}.</p>`
      : '';
    const table = voices.length
      ? `<table class="voices"><thead><tr><th scope="col">Speaker</th><th scope="col">Quotes</th><th scope="col">Words quoted directly</th><th scope="col">Words reported</th></tr></thead><tbody>${voices
          .map(
            (v) =>
              `<tr><th scope="row">${e(v.speaker)}</th><td>${v.quotes}</td><td>${v.directWords}</td><td>${v.reportedWords}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : `<p class="none">${e(source.outlet)} quotes no one.</p>`;
    return `<section class="side-${key}" aria-labelledby="voices-${key}"><h3 id="voices-${key}">Who ${e(source.outlet)} quotes</h3>${table}${onlyLine}</section>`;
  };
  return `<div class="two">${side('a')}${side('b')}</div>`;
}

function codeHtml(annotation: ReportAnnotation): string {
  if (!annotation.code) return '<span class="code uncoded">No code</span>';
  return `<span class="code"><span class="swatch" style="background:${annotation.code.color}" aria-hidden="true"></span>${e(annotation.code.name)}</span>`;
}

function halfHtml(annotation: ReportAnnotation, model: ReportModel): string {
  const outlet = model.sources[annotation.side].outlet;
  const flags = [
    annotation.carriedOver &&
      (annotation.carriedOver === 'fuzzy'
        ? 'carried over from an earlier version (words found approximately: check them)'
        : 'carried over from an earlier version'),
    !annotation.placed && 'its words are no longer in this version',
  ].filter((f): f is string => Boolean(f));
  return `<div class="half side-${annotation.side}">
<p class="where"><span class="ref">${annotation.ref}</span> ${e(outlet)} · ${codeHtml(annotation)}</p>
<blockquote dir="auto">${e(annotation.quote)}</blockquote>
${annotation.note.trim() ? `<p class="note" dir="auto">${e(annotation.note)}</p>` : ''}
<p class="meta">${annotation.annotator ? `by ${e(annotation.annotator)}` : 'annotator not named'}${flags.map((f) => ` · <strong>${f}</strong>`).join('')}</p>
</div>`;
}

function annotationsHtml(model: ReportModel): string {
  if (!model.annotatable) {
    return '<p class="none">Annotations are not part of this comparison; a report of two versions in a Parallax library (<code>parallax report A B</code>, or Report in the app) includes them.</p>';
  }
  if (model.annotations.length === 0) {
    return '<p class="none">No one has annotated these two versions yet.</p>';
  }
  const { pairs, alone } = annotationGroups(model.annotations);
  const group = (title: string, id: string, items: string[]) =>
    items.length
      ? `<section aria-labelledby="${id}"><h3 id="${id}">${title}</h3><ul class="annotations">${items.join('\n')}</ul></section>`
      : '';
  return [
    group(
      'Paired across the two outlets',
      'ann-pairs',
      pairs.map(
        (pair) => `<li class="pair">${halfHtml(pair.a, model)}${halfHtml(pair.b, model)}</li>`,
      ),
    ),
    ...(['a', 'b'] as const).map((side) =>
      group(
        `On ${e(model.sources[side].outlet)} alone`,
        `ann-${side}`,
        alone[side].map((a) => `<li>${halfHtml(a, model)}</li>`),
      ),
    ),
  ].join('\n');
}

function legendHtml(model: ReportModel): string {
  if (model.legend.length === 0) return '';
  const { a, b } = model.sources;
  return `<section aria-labelledby="legend"><h2 id="legend">Codebook legend</h2>
<table class="legend">
<thead><tr><th scope="col">Code</th><th scope="col">Group</th><th scope="col">Meaning</th><th scope="col">On ${e(a.outlet)}</th><th scope="col">On ${e(b.outlet)}</th></tr></thead>
<tbody>
${model.legend
  .map(
    (c) =>
      `<tr><th scope="row"><span class="code"><span class="swatch" style="background:${c.color}" aria-hidden="true"></span>${e(c.name)}</span></th><td>${e(c.group)}</td><td>${e(c.description)}</td><td class="count">${c.countA}</td><td class="count">${c.countB}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table></section>`;
}

/** The whole report as one HTML page that needs nothing else to open or print. */
export function reportHtml(model: ReportModel): string {
  const { a, b } = model.sources;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Parallax">
<title>${e(model.title)} — Parallax comparison report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<p class="kicker">Parallax comparison report</p>
<h1>${e(model.title)}</h1>
${summaryHtml(model)}
</header>
<main>
<section aria-labelledby="sources"><h2 id="sources">The two sources</h2>
<div class="two">${sourceHtml(a, 'a')}${sourceHtml(b, 'b')}</div>
</section>
<section aria-labelledby="claims"><h2 id="claims">Claim by claim</h2>
${rowsHtml(model)}
</section>
<section aria-labelledby="omissions"><h2 id="omissions">What only one outlet says</h2>
${omissionsHtml(model)}
</section>
<section aria-labelledby="lenses"><h2 id="lenses">Lens coverage</h2>
${lensesHtml(model)}
</section>
<section aria-labelledby="voices"><h2 id="voices">Voices</h2>
${voicesHtml(model)}
</section>
<section aria-labelledby="annotations"><h2 id="annotations">Annotations</h2>
${annotationsHtml(model)}
</section>
${legendHtml(model)}
</main>
<footer><p>Made with Parallax. Sentences are aligned by the program, not checked by hand; read the texts before you cite a difference.</p></footer>
</body>
</html>
`;
}
