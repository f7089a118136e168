import { describe, expect, it } from 'vitest';
import type { CodedSpan } from '../../../../core/agreement';
import type { Annotation } from '../../../../shared/domain';
import {
  agreementOf,
  codedTextFor,
  coderRow,
  codersOnVersion,
  spansByCoder,
  UNNAMED_CODER,
} from './codersModel';

const V = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
let made = 0;

function annotation(
  annotator: string,
  codeId: string | null,
  start: number,
  end: number,
  versionId = V,
): Annotation {
  made += 1;
  const at = new Date(Date.UTC(2026, 1, 6, 12, 0, made)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(made).padStart(12, '0')}`,
    versionId,
    comparisonId: null,
    codeId,
    note: '',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'x' },
      { type: 'TextPositionSelector', start, end },
    ],
    pairId: null,
    annotator,
    createdAt: at,
    updatedAt: at,
    carriedFrom: null,
  };
}

describe('codersOnVersion', () => {
  it('lists everyone who annotated the version, notes included, unnamed as "(unnamed)"', () => {
    const list = [
      annotation('Sara', 'c1', 0, 4),
      annotation('', null, 5, 9),
      annotation('Ali', 'c1', 0, 4),
      annotation('Ali', 'c2', 6, 8),
      annotation('Zed', 'c1', 0, 4, OTHER),
    ];
    expect(codersOnVersion(list, V)).toEqual([UNNAMED_CODER, 'Ali', 'Sara']);
  });
});

describe('codedTextFor', () => {
  it('keeps the chosen coders’ coded spans, oldest first, and counts note-only coders present', () => {
    const earlier = annotation('Ali', 'c1', 0, 10);
    const later = annotation('Ali', 'c2', 0, 5);
    const note = annotation('Sara', null, 2, 3);
    const stranger = annotation('Zed', 'c1', 0, 10);
    // Came in newest first (a restored annotation goes to the end of the list).
    const text = codedTextFor([later, note, stranger, earlier], V, ['Ali', 'Sara']);
    expect(text.present).toEqual(['Ali', 'Sara']);
    expect(text.spans).toEqual([
      { coder: 'Ali', code: 'c1', start: 0, end: 10 },
      { coder: 'Ali', code: 'c2', start: 0, end: 5 },
    ]);
  });
});

describe('agreementOf', () => {
  it('gives κ 1 to two coders who coded the same characters alike', () => {
    const list = [annotation('A', 'c1', 0, 10), annotation('B', 'c1', 0, 10)];
    const summary = agreementOf('A', 'B', codedTextFor(list, V, ['A', 'B']));
    expect(summary.overall.kappa.value).toBe(1);
    expect(summary.codes.map((c) => c.code)).toEqual(['c1']);
  });

  it('gives κ below 1 when one coder gave another code to part of the text', () => {
    const list = [
      annotation('A', 'c1', 0, 10),
      annotation('A', 'c2', 10, 20),
      annotation('B', 'c1', 0, 10),
      annotation('B', 'c1', 10, 20),
    ];
    const summary = agreementOf('A', 'B', codedTextFor(list, V, ['A', 'B']));
    expect(summary.overall.units).toBe(20);
    expect(summary.overall.kappa.value).not.toBeNull();
    expect(summary.overall.kappa.value!).toBeLessThan(1);
  });

  it('says why there is no κ when only one of the two coded anything', () => {
    const list = [annotation('A', 'c1', 0, 10), annotation('B', null, 0, 10)];
    const summary = agreementOf('A', 'B', codedTextFor(list, V, ['A', 'B']));
    // B worked on the text and coded nothing: every coded character is a disagreement.
    expect(summary.overall.kappa.value).toBe(0);
    const absent = agreementOf('A', 'C', codedTextFor(list, V, ['A', 'C']));
    expect(absent.overall.kappa.value).toBeNull();
  });
});

describe('coderRow', () => {
  const body = 'The talks were positive. Sanctions followed the same day.';
  const paragraph = { start: 0, end: body.length };
  const span = (coder: string, code: string, words: string): CodedSpan => {
    const start = body.indexOf(words);
    return { coder, code, start, end: start + words.length };
  };

  it('marks a passage both gave different codes as "codes differ"', () => {
    const row = coderRow(
      body,
      paragraph,
      [span('A', 'omission', 'Sanctions')],
      [span('B', 'wording', 'Sanctions')],
    );
    expect(row.disagreements).toEqual([
      {
        start: body.indexOf('Sanctions'),
        end: body.indexOf('Sanctions') + 9,
        kind: 'codes-differ',
        first: 'omission',
        second: 'wording',
      },
    ]);
    const coded = row.first.filter((p) => p.code);
    expect(coded).toHaveLength(1);
    expect(coded[0]).toMatchObject({ code: 'omission', label: true, differs: true });
    expect(row.coded).toBe(true);
  });

  it('names who coded a passage the other left alone, and agrees where both did alike', () => {
    const row = coderRow(
      body,
      paragraph,
      [span('A', 'c1', 'talks were positive'), span('A', 'c2', 'same day')],
      [span('B', 'c1', 'talks were positive')],
    );
    expect(row.disagreements.map((d) => [body.slice(d.start, d.end), d.kind])).toEqual([
      ['same day', 'only-first'],
    ]);
    const agreed = row.second.find((p) => p.code === 'c1')!;
    expect(agreed.differs).toBe(false);
    expect(body.slice(agreed.start, agreed.end)).toBe('talks were positive');
  });

  it('labels a span once, even when it is cut where the other coder’s span ends', () => {
    const row = coderRow(
      body,
      paragraph,
      [span('A', 'c1', 'The talks were positive')],
      [span('B', 'c1', 'talks were')],
    );
    const pieces = row.first.filter((p) => p.code === 'c1');
    expect(pieces.map((p) => body.slice(p.start, p.end))).toEqual([
      'The ',
      'talks were',
      ' positive',
    ]);
    expect(pieces.map((p) => p.label)).toEqual([true, false, false]);
    expect(pieces.map((p) => p.differs)).toEqual([true, false, true]);
    expect(row.disagreements.map((d) => body.slice(d.start, d.end))).toEqual(['The ', ' positive']);
  });

  it('cuts spans to the paragraph and leaves out whitespace-only disagreements', () => {
    const second = { start: body.indexOf('Sanctions'), end: body.length };
    const row = coderRow(
      body,
      second,
      [{ coder: 'A', code: 'c1', start: 0, end: body.indexOf('Sanctions') + 9 }],
      [{ coder: 'B', code: 'c1', start: body.indexOf('Sanctions'), end: body.length }],
    );
    expect(row.first[0]).toMatchObject({ start: second.start, code: 'c1', label: true });
    expect(row.disagreements.map((d) => body.slice(d.start, d.end))).toEqual([
      ' followed the same day.',
    ]);
    const gap = coderRow(
      'ab  cd',
      { start: 0, end: 6 },
      [],
      [{ coder: 'B', code: 'x', start: 2, end: 4 }],
    );
    expect(gap.disagreements).toEqual([]);
  });

  it('a later span of the same coder wins where it overlaps an earlier one', () => {
    const text = codedTextFor(
      [annotation('A', 'c1', 0, 20), annotation('A', 'c2', 4, 9), annotation('B', 'c1', 0, 20)],
      V,
      ['A', 'B'],
    );
    const row = coderRow(
      body,
      { start: 0, end: 20 },
      spansByCoder(text, 'A'),
      spansByCoder(text, 'B'),
    );
    expect(row.disagreements).toEqual([
      { start: 4, end: 9, kind: 'codes-differ', first: 'c2', second: 'c1' },
    ]);
  });
});
