// The report's stylesheet, inlined into the HTML. Dark text on white for the screen
// and for paper (A4); code colours printed as they are; rows never split across pages.
export const REPORT_STYLE = `
:root { --text: #1b1d21; --muted: #4f5560; --border: #c9ccd1; --soft: #f3f4f6;
  --side-a: #1f5fa8; --side-b: #a4461b; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff;
  font: 16px/1.55 "Source Serif 4", Georgia, "Noto Serif", serif; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; border-bottom: 2px solid var(--text); }
h1, h2, h3, th, caption, .kicker, .relation, .tag, .meta, .where, dl, .summary, .count, footer {
  font-family: system-ui, "Segoe UI", "Noto Sans", Arial, sans-serif; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: var(--muted); }
h1 { margin: .2rem 0 .5rem; font-size: 1.9rem; line-height: 1.2; }
h2 { margin: 2rem 0 .75rem; font-size: 1.35rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
h3 { margin: 1rem 0 .5rem; font-size: 1.05rem; }
h4 { margin: .75rem 0 .25rem; font-size: .9rem; font-family: system-ui, "Segoe UI", "Noto Sans", Arial, sans-serif; }
.captions ul { margin: 0; padding-left: 1.2rem; font-size: .85rem; color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; padding: 0; list-style: none; font-size: .9rem; color: var(--muted); }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.side-tag { display: inline-block; min-width: 1.5em; text-align: center; border-radius: 3px;
  color: #fff; font-size: .85em; padding: 0 .3em; }
.side-a .side-tag { background: var(--side-a); }
.side-b .side-tag { background: var(--side-b); }
.source { border-top: 4px solid var(--side-a); padding-top: .25rem; }
.source.side-b { border-top-color: var(--side-b); }
.headline { font-size: 1.2rem; font-weight: 700; margin: .25rem 0; }
.deck { font-style: italic; margin: .25rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; font-size: .85rem; margin: .5rem 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-size: .85rem; color: var(--muted); padding-bottom: .4rem; }
th, td { border: 1px solid var(--border); padding: .4rem .55rem; vertical-align: top; text-align: left; }
thead th { background: var(--soft); font-size: .85rem; }
.aligned col.n { width: 2.5rem; }
.aligned col.relation { width: 8rem; }
.aligned td, .aligned th { font-size: .95rem; }
.aligned th.n { color: var(--muted); font-weight: 400; font-size: .8rem; }
.relation { font-size: .8rem; font-weight: 600; }
tr.contrast .relation { color: #7a4b00; }
tr.possible .relation { color: var(--muted); font-style: italic; }
tr.row.possible td, tr.row.possible th { border-style: dashed; }
.relation .confidence { display: block; margin-top: .2rem; font-weight: 400; color: var(--muted); font-style: normal; font-variant-numeric: tabular-nums; }
tr.why td { border-top: 0; padding-top: 0; font-family: system-ui, "Segoe UI", "Noto Sans", Arial, sans-serif; font-size: .8rem; color: var(--muted); }
tr.why p { margin: 0 0 .15rem; }
tr.why.contrast p:first-child { color: #7a4b00; font-weight: 600; }
tr.row:has(+ tr.why) td, tr.row:has(+ tr.why) th { border-bottom-style: dotted; }
.maybe { color: var(--muted); font-size: .9rem; }
tr.onlyA .relation, tr.onlyB .relation { color: var(--muted); }
td.missing { color: var(--muted); font-style: italic; background: repeating-linear-gradient(135deg, #fff 0 6px, var(--soft) 6px 12px); }
tr.onlyA td:nth-child(2), tr.onlyB td:nth-child(4) { border-left: 3px solid var(--text); }
mark.ann { color: inherit; background: color-mix(in srgb, var(--c) 20%, #fff);
  border-bottom: 2px solid var(--c); padding: 0 .05em; }
mark.ann.overlap { border-bottom-style: double; border-bottom-width: 4px; }
.tag { display: inline-block; margin: 0 .2em; padding: 0 .3em; font-size: .7rem; font-weight: 600; line-height: 1.4;
  vertical-align: .15em; border: 1px solid var(--c); border-left-width: 4px; border-radius: 2px; white-space: nowrap; }
.again { display: block; color: var(--muted); font-style: italic; font-family: system-ui, sans-serif; font-size: .85rem; }
.omitted ol { padding-left: 1.5rem; }
.omitted li { margin-bottom: .4rem; }
.count { font-weight: 400; color: var(--muted); font-size: .85rem; }
.none { color: var(--muted); font-style: italic; }
td.absent { color: #8a1c1c; }
.lenses th[scope="row"], .voices th[scope="row"], .legend th[scope="row"] { font-weight: 600; }
.voices td, .legend td.count { text-align: right; font-variant-numeric: tabular-nums; }
.annotations { list-style: none; padding: 0; margin: 0; }
.annotations > li { border: 1px solid var(--border); border-radius: 4px; padding: .5rem .75rem; margin-bottom: .6rem; }
.annotations > li.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.half.side-a { border-left: 4px solid var(--side-a); padding-left: .6rem; }
.half.side-b { border-left: 4px solid var(--side-b); padding-left: .6rem; }
.where { margin: 0; font-size: .85rem; }
.ref { font-weight: 700; }
.code { font-weight: 600; white-space: nowrap; }
.code.uncoded { font-style: italic; font-weight: 400; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; border: 1px solid rgba(0,0,0,.35); vertical-align: -.05em; }
blockquote { margin: .35rem 0; padding: .1rem .6rem; border-left: 2px solid var(--border); font-style: italic; }
.note { margin: .35rem 0; white-space: pre-wrap; }
.meta { margin: 0; font-size: .8rem; color: var(--muted); }
footer { margin-top: 2rem; padding-top: .5rem; padding-bottom: 2rem; border-top: 1px solid var(--border); font-size: .8rem; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media screen and (max-width: 760px) {
  .two, .annotations > li.pair { grid-template-columns: 1fr; }
  .aligned col.relation { width: 6rem; }
}
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .annotations > li, dl, blockquote, .captions li { break-inside: avoid; }
  tr.why { break-before: avoid; }
  .two { gap: 8mm; }
  .aligned col.relation { width: 6.5rem; }
  a { color: inherit; text-decoration: none; }
}
`;
