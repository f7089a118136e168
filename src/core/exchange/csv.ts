// CSV as RFC 4180 describes it, written for spreadsheet apps: UTF-8 with a byte order
// mark (without it Excel reads UTF-8 as the local code page and mangles accents),
// CRLF line ends, and fields quoted when they hold a comma, a quote or a line break.

const BOM = '\ufeff';

/**
 * A cell a spreadsheet cannot run as a formula. Cells starting with = + - or @ (or a
 * tab or carriage return, which some apps skip before looking) are formulas to Excel,
 * LibreOffice and Google Sheets, so text a reader quoted from an article or typed in
 * a note could run on the teacher's machine (CSV injection, OWASP). A leading
 * apostrophe makes the app show it as text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One field: quoted (inner quotes doubled) only when it needs to be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvCell = string | number | null;

/**
 * A whole CSV file: header then rows, each line ending in CRLF, with a BOM. Text
 * cells are neutralized against formulas; numbers are written as numbers.
 */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  const line = (cells: readonly CsvCell[]) =>
    cells
      .map((cell) =>
        typeof cell === 'number' ? String(cell) : csvField(neutralizeFormula(cell ?? '')),
      )
      .join(',') + '\r\n';
  return BOM + line(header) + rows.map(line).join('');
}

/**
 * Reads RFC 4180 CSV back into rows of fields (a leading BOM is dropped; CRLF, LF and
 * line breaks inside quoted fields are kept as written). Returns an error message for
 * a quote left open or text after a closing quote.
 */
export function parseCsv(
  text: string,
): { ok: true; rows: string[][] } | { ok: false; error: string } {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '"' && field === '') {
      // A quoted field runs to the next quote not doubled.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= input.length) {
          return { ok: false, error: `Line ${startLine}: a quoted field is never closed.` };
        }
        const c = input[i]!;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        return { ok: false, error: `Line ${line}: text after the closing quote of a field.` };
      }
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows };
}
