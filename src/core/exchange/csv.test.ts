import { describe, expect, it } from 'vitest';
import { csvDocument, parseCsv } from './csv';

describe('csvDocument', () => {
  it('starts with a BOM, ends lines in CRLF and quotes only fields that need it', () => {
    const csv = csvDocument(
      ['a', 'b'],
      [
        ['plain', 'with, comma'],
        ['say "hi"', 'two\nlines'],
      ],
    );
    expect(csv).toBe('\ufeffa,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('writes numbers as numbers and null as an empty cell', () => {
    expect(csvDocument(['n', 'x'], [[-3, null]])).toBe('\ufeffn,x\r\n-3,\r\n');
  });

  it('keeps spreadsheet apps from running cells as formulas', () => {
    const cells = ['=HYPERLINK("http://x")', '+1', '-2 dead', '@SUM(A1)', '\t=1', 'a=b'];
    const rows = parseCsv(
      csvDocument(
        ['cell'],
        cells.map((c) => [c]),
      ),
    );
    expect(rows.ok && rows.rows.slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+1",
      "'-2 dead",
      "'@SUM(A1)",
      "'\t=1",
      'a=b',
    ]);
  });
});

describe('parseCsv', () => {
  it('reads back what csvDocument wrote, whatever the text', () => {
    const rows = [
      ['"Quoted", he said', 'line one\r\nline two', 'Тегеран — 德黑兰 — طهران', '🇮🇷 🤝 🇺🇸'],
      ['', ' spaced ', 'trailing,', '""'],
    ];
    const parsed = parseCsv(csvDocument(['a', 'b', 'c', 'd'], rows));
    expect(parsed).toEqual({ ok: true, rows: [['a', 'b', 'c', 'd'], ...rows] });
  });

  it('names the line of a quote left open', () => {
    expect(parseCsv('a,b\r\n1,"open\r\nstill')).toEqual({
      ok: false,
      error: 'Line 2: a quoted field is never closed.',
    });
  });
});
