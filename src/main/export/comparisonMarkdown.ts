import type { ComparisonDocument, ComparisonSide } from './comparisonDocument';

/** Markdown-significant characters in imported text are escaped so it reads as written. */
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');

function sideMarkdown(label: string, side: ComparisonSide): string {
  const facts = [
    side.byline && `By ${escapeMarkdown(side.byline)}`,
    side.publishedAt && `Published ${escapeMarkdown(side.publishedAt)}`,
    side.capturedAt && `Captured ${escapeMarkdown(side.capturedAt)}`,
    side.versionId && `Version \`${side.versionId}\``,
  ].filter(Boolean);
  return [
    `## ${label}: ${escapeMarkdown(side.outlet)}`,
    `### ${escapeMarkdown(side.headline)}`,
    side.deck ? `*${escapeMarkdown(side.deck)}*` : '',
    facts.join(' · '),
    ...side.paragraphs.map(escapeMarkdown),
    side.captions.length
      ? `**Captions**\n\n${side.captions.map((c) => `- ${escapeMarkdown(c)}`).join('\n')}`
      : '',
  ]
    .filter((block) => block !== '')
    .join('\n\n');
}

export function comparisonMarkdown(doc: ComparisonDocument): string {
  return `# ${escapeMarkdown(doc.title)}\n\n${sideMarkdown('A', doc.a)}\n\n${sideMarkdown('B', doc.b)}\n`;
}
