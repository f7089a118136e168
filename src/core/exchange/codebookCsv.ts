import type { Codebook } from '../../shared/domain';
import { csvDocument } from './csv';

export const CODEBOOK_CSV_HEADER = ['code', 'description', 'color', 'group'] as const;

/** The codebook's codes as CSV (UTF-8 with BOM, CRLF), in codebook order. */
export function codebookCsv(codebook: Codebook): string {
  return csvDocument(
    CODEBOOK_CSV_HEADER,
    codebook.codes.map((code) => [code.name, code.description, code.color, code.group]),
  );
}
