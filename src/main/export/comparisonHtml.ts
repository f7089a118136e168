import type { ComparisonDocument, ComparisonSide } from './comparisonDocument';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  body { font: 17px/1.6 system-ui, sans-serif; margin: 0; color: #1b1d21; background: #fafaf7; }
  header { padding: 1rem 2rem; border-bottom: 1px solid #ddd; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; padding: 1rem 2rem; }
  article { max-width: 40rem; }
  .outlet { font-weight: 700; text-transform: uppercase; letter-spacing: .05em; font-size: .85rem; }
  .facts { color: #555; font-size: .9rem; }
  .captions { color: #555; font-size: .9rem; border-top: 1px solid #ddd; }
  @media (max-width: 800px) { main { grid-template-columns: 1fr; } }
`;

function sideHtml(label: string, side: ComparisonSide): string {
  const facts = [
    side.byline && `By ${side.byline}`,
    side.publishedAt && `Published ${side.publishedAt}`,
    side.capturedAt && `Captured ${side.capturedAt}`,
  ].filter((fact): fact is string => Boolean(fact));
  return `<article aria-label="${escapeHtml(`${label}: ${side.outlet}`)}">
<p class="outlet">${escapeHtml(label)} · ${escapeHtml(side.outlet)}</p>
<h2>${escapeHtml(side.headline)}</h2>
${side.deck ? `<p><em>${escapeHtml(side.deck)}</em></p>` : ''}
${facts.length ? `<p class="facts">${facts.map(escapeHtml).join(' · ')}</p>` : ''}
${side.paragraphs.map((p) => `<p dir="auto">${escapeHtml(p)}</p>`).join('\n')}
${
  side.captions.length
    ? `<section class="captions"><h3>Captions</h3><ul>${side.captions.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul></section>`
    : ''
}
</article>`;
}

/** A self-contained page (no scripts, no external resources) showing both sides in two columns. */
export function comparisonHtml(doc: ComparisonDocument): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)} — Parallax</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(doc.title)}</h1></header>
<main>
${sideHtml('A', doc.a)}
${sideHtml('B', doc.b)}
</main>
</body>
</html>
`;
}
