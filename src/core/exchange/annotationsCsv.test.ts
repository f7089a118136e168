import { describe, expect, it } from 'vitest';
import type { AnnotationInContext } from './annotationInContext';
import { ANNOTATION_CSV_HEADER, annotationsCsv } from './annotationsCsv';
import { parseCsv } from './csv';

const entry: AnnotationInContext = {
  annotation: {
    id: '3f1c2a9e-4b7d-4c1e-9a2b-1d2e3f4a5b6c',
    versionId: '0b6f9d4e-8c2a-4f3b-9d1e-2a3b4c5d6e7f',
    comparisonId: null,
    codeId: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    note: 'Calls it "aggression", not "strikes",\nand quotes no US official. =1+1',
    selectors: [
      { type: 'TextQuoteSelector', exact: '“fresh sanctions”', prefix: 'imposed ', suffix: ', a' },
      { type: 'TextPositionSelector', start: 120, end: 137 },
    ],
    pairId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    annotator: 'Zoë Ahmadi — 阿赫',
    createdAt: '2026-02-07T09:15:00.000Z',
    updatedAt: '2026-02-07T09:20:00.000Z',
    carriedFrom: null,
  },
  outlet: 'Tehran Times',
  headline: 'Iran, US hold talks in Muscat; next round “to be determined”',
  versionSeq: 2,
  code: {
    id: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    codebookId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    name: 'Word choice / labels',
    description: '',
    color: '#c46a00',
    group: 'Framing devices',
  },
};

describe('annotationsCsv', () => {
  it('writes one row per annotation with every column a spreadsheet user sorts by', () => {
    const parsed = parseCsv(annotationsCsv([entry]));
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, row] = parsed.rows;
    expect(header).toEqual([...ANNOTATION_CSV_HEADER]);
    expect(Object.fromEntries(header!.map((h, i) => [h, row![i]]))).toEqual({
      id: entry.annotation.id,
      outlet: 'Tehran Times',
      headline: 'Iran, US hold talks in Muscat; next round “to be determined”',
      'version id': entry.annotation.versionId,
      'version number': '2',
      code: 'Word choice / labels',
      'code color': '#c46a00',
      annotator: 'Zoë Ahmadi — 阿赫',
      start: '120',
      end: '137',
      'quoted text': '“fresh sanctions”',
      prefix: 'imposed ',
      suffix: ', a',
      note: entry.annotation.note,
      'pair id': entry.annotation.pairId,
      created: '2026-02-07T09:15:00.000Z',
      updated: '2026-02-07T09:20:00.000Z',
    });
  });

  it('leaves the code and position cells empty when an annotation has none', () => {
    const bare: AnnotationInContext = {
      ...entry,
      code: null,
      annotation: {
        ...entry.annotation,
        codeId: null,
        pairId: null,
        note: '-not a formula',
        selectors: [{ type: 'TextQuoteSelector', exact: '=SUM(A1:A9)' }],
      },
    };
    const parsed = parseCsv(annotationsCsv([bare]));
    if (!parsed.ok) throw new Error(parsed.error);
    const row = parsed.rows[1]!;
    const cell = (name: (typeof ANNOTATION_CSV_HEADER)[number]) =>
      row[ANNOTATION_CSV_HEADER.indexOf(name)];
    expect([cell('code'), cell('code color'), cell('start'), cell('end'), cell('pair id')]).toEqual(
      ['', '', '', '', ''],
    );
    expect(cell('quoted text')).toBe("'=SUM(A1:A9)");
    expect(cell('note')).toBe("'-not a formula");
  });
});
