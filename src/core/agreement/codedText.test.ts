import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/domain';
import { codedText, coderOf, isCoded, UNNAMED_CODER } from './codedText';

const V = '00000000-0000-4000-8000-00000000000a';
let made = 0;

function annotation(
  annotator: string,
  codeId: string | null,
  start: number,
  end: number,
  createdAt: string,
): Annotation {
  made += 1;
  return {
    id: `00000000-0000-4000-8000-${String(made).padStart(12, '0')}`,
    versionId: V,
    comparisonId: null,
    codeId,
    note: '',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'x' },
      { type: 'TextPositionSelector', start, end },
    ],
    pairId: null,
    annotator,
    createdAt,
    updatedAt: createdAt,
    carriedFrom: null,
  };
}

describe('codedText', () => {
  it('lists coded spans oldest first, whatever order they come in, and note-only coders as present', () => {
    const later = annotation('Ali', 'c2', 0, 5, '2026-02-06T12:00:02.000Z');
    const earlier = annotation('Ali', 'c1', 0, 10, '2026-02-06T12:00:01.000Z');
    const note = annotation(' Sara ', null, 3, 4, '2026-02-06T12:00:03.000Z');
    const text = codedText([later, note, earlier]);
    expect(text.spans).toEqual([
      { coder: 'Ali', code: 'c1', start: 0, end: 10 },
      { coder: 'Ali', code: 'c2', start: 0, end: 5 },
    ]);
    expect(text.present).toEqual(['Ali', 'Sara']);
  });

  it('keeps the given order for annotations made in the same millisecond', () => {
    const at = '2026-02-06T12:00:00.000Z';
    const first = annotation('Ali', 'c1', 0, 4, at);
    const second = annotation('Ali', 'c2', 0, 4, at);
    expect(codedText([first, second]).spans.map((s) => s.code)).toEqual(['c1', 'c2']);
    expect(codedText([second, first]).spans.map((s) => s.code)).toEqual(['c2', 'c1']);
  });

  it('counts annotations without a name as one unnamed coder, and skips spans with no position', () => {
    const unnamed = annotation('  ', 'c1', 2, 6, '2026-02-06T12:00:00.000Z');
    const unplaced = {
      ...annotation('Ali', 'c1', 0, 1, '2026-02-06T12:00:01.000Z'),
      selectors: [{ type: 'TextQuoteSelector' as const, exact: 'x' }],
    };
    expect(coderOf(unnamed)).toBe(UNNAMED_CODER);
    expect(isCoded(unplaced)).toBe(false);
    expect(isCoded(unnamed)).toBe(true);
    expect(codedText([unnamed, unplaced])).toEqual({
      present: [UNNAMED_CODER, 'Ali'],
      spans: [{ coder: UNNAMED_CODER, code: 'c1', start: 2, end: 6 }],
    });
  });
});
