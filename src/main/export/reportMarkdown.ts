// The comparison report in Markdown (GitHub-flavoured tables): the same sections as
// the HTML report. Imported text is escaped so it reads as written and cannot add
// headings, links or raw HTML.
import { plural } from '../../core/text';
import { formatConfidence, LINK_KIND_LABEL } from '../../shared/linkWording';
import { shortDate } from './reportHtml';
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

/** U+2060 as an entity: invisible when rendered, and visible as escaping in the raw file. */
const WORD_JOINER = '&#8288;';

/**
 * Markdown-significant characters escaped (entities too), so imported text reads as
 * written. Addresses stay text, not live links: GitHub-flavoured Markdown links a bare
 * "https://…" or "www.…" by itself, so the colon after a scheme and the dot after "www"
 * are escaped. It finds "name@host" even through escapes and entities (checked with
 * cmark-gfm), so an invisible word joiner follows each "@" (which stops @mentions too).
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/([\\`*_{}[\]<>#|~&])/g, '\\$1')
    .replace(
      /\b((?:https?|ftp|mailto|xmpp|file|javascript|data):)/gi,
      (scheme: string) => `${scheme.slice(0, -1)}\\:`,
    )
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@(?=[\p{L}\p{N}_.+-])/gu, `@${WORD_JOINER}`);

/** A line of free text (a note) that must not start a list, a quote or a heading underline. */
const escapeLine = (line: string): string =>
  escapeMarkdown(line.trim())
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');

const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ');
const cell = (text: string) => escapeMarkdown(oneLine(text));

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function sourceMarkdown(source: ReportSource): string {
  const facts = [
    source.byline && `By ${escapeMarkdown(oneLine(source.byline))}`,
    source.publishedAt && `Published ${escapeMarkdown(shortDate(source.publishedAt)!)}`,
    source.capturedAt && `Captured ${escapeMarkdown(shortDate(source.capturedAt)!)}`,
    source.versionId
      ? `Version ${source.seq !== null ? `v${source.seq} ` : ''}\`${source.versionId}\``
      : 'Compared from a file',
  ].filter(Boolean);
  return [
    `## ${source.label}: ${escapeMarkdown(oneLine(source.outlet))}`,
    `### ${escapeMarkdown(oneLine(source.headline))}`,
    source.deck ? `*${escapeMarkdown(oneLine(source.deck))}*` : '',
    facts.join(' · '),
    source.captions.length
      ? `#### Captions\n\n${source.captions.map((c) => `- ${cell(c)}`).join('\n')}`
      : '',
  ]
    .filter((block) => block !== '')
    .join('\n\n');
}

/**
 * A sentence with annotated spans in bold, each followed by its label, e.g. "\\[A1 Word choice\\]".
 * Overlapping spans make one bold run, closed only where a label goes or the marks end.
 */
function sentenceMarkdown(sentence: ReportSentence): string {
  const segments = markedSegments(sentence);
  let out = '';
  let bold = false;
  segments.forEach(({ text, covering, ending }, i) => {
    if (covering.length && !bold) {
      out += '**';
      bold = true;
    }
    out += cell(text);
    const nextCovered = (segments[i + 1]?.covering.length ?? 0) > 0;
    if (bold && (ending.length || !nextCovered)) {
      out += '**';
      bold = false;
    }
    out += ending.map((m) => ` \\[${m.ref} ${cell(m.codeName)}\\]`).join('');
  });
  return out;
}

const RELATION: Record<RowKind, string> = {
  same: LINK_KIND_LABEL.same,
  contrast: LINK_KIND_LABEL.contrast,
  possible: LINK_KIND_LABEL.possible,
  onlyA: 'Only in A',
  onlyB: 'Only in B',
};

/** The relation cell: the kind, how sure the engine is, what differs and why they are linked. */
function relationMarkdown(row: ReportRow): string {
  const confidence = rowConfidence(row);
  const head =
    confidence === null
      ? RELATION[row.kind]
      : `${RELATION[row.kind]} (${formatConfidence(confidence)} confidence)`;
  return [head, ...rowNotes(row).map(cell)].join(' · ');
}

function rowsMarkdown(model: ReportModel): string {
  const { a, b } = model.sources;
  const side = (sentences: ReportSentence[], outlet: string) =>
    sentences.length
      ? sentences
          .map((s) =>
            s.repeatOfRow === null
              ? sentenceMarkdown(s)
              : `*↑ The sentence in row ${s.repeatOfRow}*`,
          )
          .join(' ')
      : `∅ *Not in ${cell(outlet)}*`;
  return [
    `| # | A: ${cell(a.outlet)} | Relation | B: ${cell(b.outlet)} |`,
    '|---:|---|---|---|',
    ...model.rows.map(
      (row, i) =>
        `| ${i + 1} | ${side(row.a, a.outlet)} | ${relationMarkdown(row)} | ${side(row.b, b.outlet)} |`,
    ),
  ].join('\n');
}

function omissionsMarkdown(model: ReportModel): string {
  return (['a', 'b'] as const)
    .map((key) => {
      const own = model.sources[key].outlet;
      const other = model.sources[key === 'a' ? 'b' : 'a'].outlet;
      const sentences = model.omissions[key];
      const list = sentences.length
        ? sentences.map((s, i) => `${i + 1}. ${cell(s.text)}`).join('\n')
        : `*Nothing: every sentence has a counterpart in ${cell(other)}.*`;
      const maybe = model.maybe[key].length;
      const maybeNote = maybe
        ? `\n\n*Not listed: ${plural(maybe, 'sentence')} possibly in ${cell(other)} (rows marked “?”), to check.*`
        : '';
      return `### Only in ${cell(own)} (not in ${cell(other)})\n\n${list}${maybeNote}`;
    })
    .join('\n\n');
}

function coverage(c: LensSideCoverage, outlet: string): string {
  if (c.absent) return `**⚠ Not in ${cell(outlet)}**`;
  const first =
    c.firstPosition === null
      ? ''
      : `; first mention ${Math.round(c.firstPosition * 100)}% of the way in`;
  return `${plural(c.mentions, 'mention')}, ${plural(c.words, 'word')} (${percent(c.share)}${first})`;
}

function lensesMarkdown(model: ReportModel): string {
  if (model.lenses.length === 0) return '*No lenses were applied.*';
  const { a, b } = model.sources;
  return [
    `| Lens | A: ${cell(a.outlet)} | B: ${cell(b.outlet)} |`,
    '|---|---|---|',
    ...model.lenses.map(
      (lens) =>
        `| ${cell(lens.name)} | ${coverage(lens.a, a.outlet)} | ${coverage(lens.b, b.outlet)} |`,
    ),
  ].join('\n');
}

function voicesMarkdown(model: ReportModel): string {
  return (['a', 'b'] as const)
    .map((key) => {
      const outlet = model.sources[key].outlet;
      const voices = model.voices[key];
      const only = key === 'a' ? model.voices.onlyA : model.voices.onlyB;
      const table = voices.length
        ? [
            '| Speaker | Quotes | Words quoted directly | Words reported |',
            '|---|---:|---:|---:|',
            ...voices.map(
              (v) => `| ${cell(v.speaker)} | ${v.quotes} | ${v.directWords} | ${v.reportedWords} |`,
            ),
          ].join('\n')
        : `*${cell(outlet)} quotes no one.*`;
      const onlyLine = only.length
        ? `\n\nQuoted only by ${cell(outlet)}: ${only.map((s) => `**${cell(s)}**`).join(', ')}.`
        : '';
      return `### Who ${cell(outlet)} quotes\n\n${table}${onlyLine}`;
    })
    .join('\n\n');
}

function annotationMarkdown(annotation: ReportAnnotation, model: ReportModel): string {
  const outlet = cell(model.sources[annotation.side].outlet);
  const code = annotation.code
    ? `**${cell(annotation.code.name)}** (${annotation.code.color})`
    : '*No code*';
  const flags = [
    annotation.annotator ? `by ${cell(annotation.annotator)}` : 'annotator not named',
    annotation.carriedOver === 'exact' && '**carried over from an earlier version**',
    annotation.carriedOver === 'fuzzy' &&
      '**carried over from an earlier version (words found approximately: check them)**',
    !annotation.placed && '**its words are no longer in this version**',
  ].filter(Boolean);
  const lines = [
    `**${annotation.ref}** · ${outlet} · ${code}`,
    `> ${cell(annotation.quote)}`,
    annotation.note.trim()
      ? `Note: ${annotation.note.trim().split(/\r?\n/).map(escapeLine).join('  \n')}`
      : '',
    flags.join(' · '),
  ].filter((l) => l !== '');
  return lines.join('\n\n');
}

function annotationsMarkdown(model: ReportModel): string {
  if (!model.annotatable) {
    return '*Annotations are not part of this comparison; a report of two versions in a Parallax library (`parallax report A B`, or Report in the app) includes them.*';
  }
  if (model.annotations.length === 0) return '*No one has annotated these two versions yet.*';
  const { pairs, alone } = annotationGroups(model.annotations);
  const blocks: string[] = [];
  if (pairs.length) {
    blocks.push('### Paired across the two outlets');
    for (const pair of pairs) {
      blocks.push(
        `${annotationMarkdown(pair.a, model)}\n\n*paired with:*\n\n${annotationMarkdown(pair.b, model)}`,
        '---',
      );
    }
  }
  for (const side of ['a', 'b'] as const) {
    if (!alone[side].length) continue;
    blocks.push(`### On ${cell(model.sources[side].outlet)} alone`);
    for (const a of alone[side]) blocks.push(annotationMarkdown(a, model), '---');
  }
  return blocks.join('\n\n');
}

function legendMarkdown(model: ReportModel): string {
  if (model.legend.length === 0) return '';
  const { a, b } = model.sources;
  return [
    '## Codebook legend',
    [
      `| Code | Colour | Group | Meaning | On ${cell(a.outlet)} | On ${cell(b.outlet)} |`,
      '|---|---|---|---|---:|---:|',
      ...model.legend.map(
        (c) =>
          `| ${cell(c.name)} | ${c.color} | ${cell(c.group)} | ${cell(c.description)} | ${c.countA} | ${c.countB} |`,
      ),
    ].join('\n'),
  ].join('\n\n');
}

export function reportMarkdown(model: ReportModel): string {
  const { counts } = model;
  const { a, b } = model.sources;
  const summary = [
    `${plural(counts.same, 'claim')} both outlets report the same way`,
    `${plural(counts.contrast, 'point')} both raise with a different claim`,
    `${plural(counts.onlyA, 'sentence')} only in ${cell(a.outlet)}`,
    `${plural(counts.onlyB, 'sentence')} only in ${cell(b.outlet)}`,
    `${plural(counts.possible, 'possible match', 'possible matches')} to check (not counted as findings)`,
    ...(model.annotatable ? [plural(model.annotations.length, 'annotation')] : []),
  ];
  return (
    [
      `# ${cell(model.title)}`,
      '*Parallax comparison report*',
      summary.map((s) => `- ${s}`).join('\n'),
      sourceMarkdown(a),
      sourceMarkdown(b),
      '## Claim by claim',
      rowsMarkdown(model),
      '## What only one outlet says',
      omissionsMarkdown(model),
      '## Lens coverage',
      lensesMarkdown(model),
      '## Voices',
      voicesMarkdown(model),
      '## Annotations',
      annotationsMarkdown(model),
      legendMarkdown(model),
      '*Made with Parallax. Sentences are aligned by the program, not checked by hand; read the texts before you cite a difference.*',
    ]
      .filter((block) => block !== '')
      .join('\n\n') + '\n'
  );
}
