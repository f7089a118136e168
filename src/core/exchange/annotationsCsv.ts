// Annotations as a spreadsheet: one row per annotation, with the outlet, headline and
// code spelled out so a teacher can sort and filter without the app.
import type { Selector } from '../../shared/domain';
import type { AnnotationInContext } from './annotationInContext';
import { csvDocument } from './csv';

export const ANNOTATION_CSV_HEADER = [
  'id',
  'outlet',
  'headline',
  'version id',
  'version number',
  'code',
  'code color',
  'annotator',
  'start',
  'end',
  'quoted text',
  'prefix',
  'suffix',
  'note',
  'pair id',
  'created',
  'updated',
] as const;

function selectorsOf(selectors: readonly Selector[]) {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  return { quote, position };
}

/** The annotations as a CSV file (UTF-8 with BOM, CRLF), in the order given. */
export function annotationsCsv(entries: readonly AnnotationInContext[]): string {
  return csvDocument(
    ANNOTATION_CSV_HEADER,
    entries.map(({ annotation: a, outlet, headline, versionSeq, code }) => {
      const { quote, position } = selectorsOf(a.selectors);
      return [
        a.id,
        outlet,
        headline,
        a.versionId,
        versionSeq,
        code?.name ?? '',
        code?.color ?? '',
        a.annotator,
        position?.start ?? null,
        position?.end ?? null,
        quote?.exact ?? '',
        quote?.prefix ?? '',
        quote?.suffix ?? '',
        a.note,
        a.pairId ?? '',
        a.createdAt,
        a.updatedAt,
      ];
    }),
  );
}
