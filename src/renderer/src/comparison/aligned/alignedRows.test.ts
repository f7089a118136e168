import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../../../core/engine/compareTexts';
import type { TextComparisonResult } from '../../../../shared/engine';
import {
  buildAlignedRows,
  indexRowsBySentence,
  isDifference,
  isOmission,
  isQuestionOnly,
  looksLikeHeading,
  needsCheck,
  orderRows,
  rowsInLens,
  stepToRow,
  summarizeRows,
  type AlignedRow,
} from './alignedRows';

type Link = TextComparisonResult['links'][number];

/** An analysis of two texts given as sentence lists, with the links spelled out. */
function analysisOf(
  a: string[],
  b: string[],
  links: [number, number, Link['kind'], number?][],
): TextComparisonResult {
  const sentences = (texts: string[]) => {
    let at = 0;
    return texts.map((text, id) => {
      const sentence = { id, text, start: at, end: at + text.length, paragraph: id };
      at += text.length + 2;
      return sentence;
    });
  };
  const linked = {
    a: new Set(links.map(([x]) => x)),
    b: new Set(links.map(([, y]) => y)),
  };
  const asserted = {
    a: new Set(links.filter((l) => l[2] !== 'possible').map(([x]) => x)),
    b: new Set(links.filter((l) => l[2] !== 'possible').map(([, y]) => y)),
  };
  const ids = (texts: string[]) => texts.map((_, i) => i);
  return {
    a: { sentences: sentences(a) },
    b: { sentences: sentences(b) },
    links: links.map(([x, y, kind, score]) => ({
      a: x,
      b: y,
      kind,
      score: score ?? 0.5,
      confidence: score ?? 0.5,
      evidence: [],
    })),
    onlyA: ids(a).filter((i) => !linked.a.has(i)),
    onlyB: ids(b).filter((i) => !linked.b.has(i)),
    maybeA: ids(a).filter((i) => linked.a.has(i) && !asserted.a.has(i)),
    maybeB: ids(b).filter((i) => linked.b.has(i) && !asserted.b.has(i)),
    lenses: [],
    voices: { a: [], b: [], onlyA: [], onlyB: [] },
  };
}

const texts = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix} sentence number ${i}.`);

const shape = (rows: AlignedRow[]) =>
  rows.map((r) => `${r.kind}:${r.a.join(',')}|${r.b.join(',')}`);

/** Every sentence of both sides appears in exactly one row. */
function expectEachSentenceOnce(rows: AlignedRow[], analysis: TextComparisonResult) {
  for (const side of ['a', 'b'] as const) {
    const shown = rows.flatMap((r) => r[side]).sort((x, y) => x - y);
    expect(shown).toEqual(analysis[side].sentences.map((s) => s.id));
  }
}

describe('buildAlignedRows', () => {
  it('shows a sentence linked to two partners once, with both', () => {
    const analysis = analysisOf(texts('A', 2), texts('B', 3), [
      [0, 0, 'same'],
      [0, 1, 'same'],
      [1, 2, 'same'],
    ]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual(['match:0|0,1', 'match:1|2']);
    expectEachSentenceOnce(rows, analysis);
  });

  it('puts a B sentence with its best partner, and the other partner beside it when adjacent', () => {
    // B0 links A0 (weak) and A1 (strong): it lives with A1, and A0 joins that row.
    const analysis = analysisOf(texts('A', 3), texts('B', 2), [
      [0, 0, 'same', 0.2],
      [1, 0, 'same', 0.6],
      [2, 1, 'same'],
    ]);
    expect(shape(buildAlignedRows(analysis))).toEqual(['match:0,1|0', 'match:2|1']);
  });

  it('keeps a later sentence that repeats the previous row’s partner in that row', () => {
    const analysis = analysisOf(texts('A', 3), texts('B', 2), [
      [0, 0, 'same', 0.6],
      [1, 0, 'same', 0.3],
      [2, 1, 'same'],
    ]);
    expect(shape(buildAlignedRows(analysis))).toEqual(['match:0,1|0', 'match:2|1']);
  });

  it('points to a partner shown far away instead of showing it twice', () => {
    const analysis = analysisOf(texts('A', 4), texts('B', 3), [
      [0, 0, 'same', 0.6],
      [1, 1, 'same'],
      [2, 2, 'same'],
      [3, 0, 'contrast', 0.2],
    ]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual(['match:0|0', 'match:1|1', 'match:2|2', 'elsewhere:3|']);
    expect(rows[3]!.elsewhere).toEqual([{ side: 'b', sentence: 0, kind: 'contrast' }]);
    expect(rows[3]!.links.map((l) => [l.a, l.b])).toEqual([[3, 0]]);
    expectEachSentenceOnce(rows, analysis);
  });

  it('marks rows with only contrast links as different claims, and contrasting sentences inside matches', () => {
    const analysis = analysisOf(texts('A', 2), texts('B', 3), [
      [0, 0, 'contrast'],
      [1, 1, 'same'],
      [1, 2, 'contrast'],
    ]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual(['contrast:0|0', 'match:1|1,2']);
    expect(rows[1]!.contrasting).toEqual({ a: [], b: [2] });
    // Each row carries the links between its own sentences, for its evidence and highlights.
    expect(rows[1]!.links.map((l) => `${l.a}-${l.b}:${l.kind}`)).toEqual([
      '1-1:same',
      '1-2:contrast',
    ]);
  });

  it('tells identical pairs from pairs in other words', () => {
    const analysis = analysisOf(
      ['Talks will “resume” soon.', 'Talks end.'],
      ['Talks will  "resume" soon.', 'Talks ended.'],
      [
        [0, 0, 'same'],
        [1, 1, 'same'],
      ],
    );
    const rows = buildAlignedRows(analysis);
    expect(rows.map((r) => r.identical)).toEqual([true, false]);
    expect(rows.map(isDifference)).toEqual([false, true]);
  });

  it('places B’s unlinked sentences after the row of the linked B sentence before them', () => {
    // B: 0 unlinked (before any linked one), 1 ↔ A1, 2 unlinked, 3 ↔ A0, 4 unlinked.
    const analysis = analysisOf(texts('A', 2), texts('B', 5), [
      [0, 3, 'same'],
      [1, 1, 'same'],
    ]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual(['onlyB:|0', 'match:0|3', 'onlyB:|4', 'match:1|1', 'onlyB:|2']);
    expectEachSentenceOnce(rows, analysis);
  });

  it('groups a run of one-sided sentences into blocks, starting a block at a subhead', () => {
    const b = [
      'B linked sentence.',
      'First only-B sentence.',
      'Second only-B sentence.',
      'U.S. imposes new sanctions',
      'The sanctions target shadow fleet vessels.',
      ...texts('Later', 7),
    ];
    const analysis = analysisOf(['A linked sentence.'], b, [[0, 0, 'same']]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual([
      'match:0|0',
      'onlyB:|1,2',
      'onlyB:|3,4,5,6,7,8',
      'onlyB:|9,10,11',
    ]);
  });

  it('groups consecutive sentences only A has into one omission row', () => {
    const analysis = analysisOf(texts('A', 4), texts('B', 2), [
      [0, 0, 'same'],
      [3, 1, 'same'],
    ]);
    expect(shape(buildAlignedRows(analysis))).toEqual(['match:0|0', 'onlyA:1,2|', 'match:3|1']);
  });
});

describe('orderRows', () => {
  // A order: A0↔B2, A1 only, A2↔B0, B1 only (after B0's row).
  const analysis = analysisOf(texts('A', 3), texts('B', 3), [
    [0, 2, 'same'],
    [2, 0, 'same'],
  ]);
  const rows = buildAlignedRows(analysis);

  it('keeps A’s order as built', () => {
    expect(shape(orderRows(rows, 'a'))).toEqual(['match:0|2', 'onlyA:1|', 'match:2|0', 'onlyB:|1']);
  });

  it('sorts by B’s order, and rows without B follow the row they followed in A’s order', () => {
    expect(shape(orderRows(rows, 'b'))).toEqual(['match:2|0', 'onlyB:|1', 'match:0|2', 'onlyA:1|']);
  });
});

describe('navigation', () => {
  const analysis = analysisOf(
    ['Same words.', 'A only.', 'Talks resumed on Friday.', 'A claims X.'],
    ['Same words.', 'Talks resumed Friday.', 'B only.', 'B claims Y.'],
    [
      [0, 0, 'same'],
      [2, 1, 'same'],
      [3, 3, 'contrast'],
    ],
  );
  const rows = buildAlignedRows(analysis);

  it('steps through differences, skipping identical pairs, and wraps at the end', () => {
    expect(shape(rows)).toEqual(['match:0|0', 'onlyA:1|', 'match:2|1', 'onlyB:|2', 'contrast:3|3']);
    expect(stepToRow(rows, -1, 1, isDifference)).toEqual({
      row: 1,
      position: 1,
      total: 4,
      wrapped: false,
    });
    expect(stepToRow(rows, 1, 1, isDifference)?.row).toBe(2);
    expect(stepToRow(rows, 4, 1, isDifference)).toMatchObject({ row: 1, wrapped: true });
    expect(stepToRow(rows, 2, -1, isDifference)).toMatchObject({ row: 1, position: 1 });
  });

  it('steps through omissions of either side', () => {
    expect(stepToRow(rows, 1, 1, isOmission)).toEqual({
      row: 3,
      position: 2,
      total: 2,
      wrapped: false,
    });
    expect(stepToRow(rows, 1, -1, isOmission)).toMatchObject({ row: 3, wrapped: true });
    expect(stepToRow(rows.slice(0, 1), 0, 1, isOmission)).toBeNull();
  });

  it('finds the row of any sentence', () => {
    const index = indexRowsBySentence(rows);
    expect(index.get('b:2')).toBe(3);
    expect(index.get('a:3')).toBe(4);
  });

  it('counts what both say, different claims and one-sided sentences', () => {
    expect(summarizeRows(rows)).toEqual({
      match: 2,
      contrast: 1,
      toCheck: 0,
      onlyA: 1,
      onlyB: 1,
      elsewhere: 0,
    });
  });
});

describe('possible links: questions for the reader, never findings', () => {
  it('shows a sentence whose only link is possible beside its maybe-partner, not as an omission', () => {
    const analysis = analysisOf(texts('A', 3), texts('B', 3), [
      [0, 0, 'same'],
      [1, 1, 'possible', 0.4],
      [2, 2, 'same'],
    ]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual(['match:0|0', 'possible:1|1', 'match:2|2']);
    const maybe = rows[1]!;
    expect(maybe.possible).toEqual({ a: [1], b: [1] });
    expect(isOmission(maybe)).toBe(false);
    expect(isQuestionOnly(maybe)).toBe(true);
    expect(needsCheck(maybe)).toBe(true);
    // Not a difference to step to with j/k either: it is asked, not asserted.
    expect(isDifference(maybe)).toBe(false);
    expectEachSentenceOnce(rows, analysis);
  });

  it('counts possible links apart, as rows to check, never as matches, contrasts or omissions', () => {
    const analysis = analysisOf(texts('A', 3), texts('B', 4), [
      [0, 0, 'same'],
      [0, 1, 'possible', 0.3],
      [1, 2, 'possible', 0.4],
    ]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual(['match:0|0,1', 'possible:1|2', 'onlyB:|3', 'onlyA:2|']);
    // B1 is maybe the same as A0: tagged inside the match, not a match of its own.
    expect(rows[0]!.possible).toEqual({ a: [], b: [1] });
    expect(summarizeRows(rows)).toEqual({
      match: 1,
      contrast: 0,
      toCheck: 2,
      onlyA: 1,
      onlyB: 1,
      elsewhere: 0,
    });
    // Only A2 and B3, which have no link at all, are omissions.
    expect(rows.filter(isOmission).map((r) => `${r.a.join(',')}|${r.b.join(',')}`)).toEqual([
      '|3',
      '2|',
    ]);
  });

  it('points to a maybe-partner shown far away as a question, not as “said elsewhere”', () => {
    const analysis = analysisOf(texts('A', 4), texts('B', 3), [
      [0, 0, 'same', 0.6],
      [1, 1, 'same'],
      [2, 2, 'same'],
      [3, 0, 'possible', 0.2],
    ]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual(['match:0|0', 'match:1|1', 'match:2|2', 'elsewhere:3|']);
    const far = rows[3]!;
    expect(far.elsewhere).toEqual([{ side: 'b', sentence: 0, kind: 'possible' }]);
    expect(isQuestionOnly(far)).toBe(true);
    expect(isDifference(far)).toBe(false);
    expect(isOmission(far)).toBe(false);
    expect(summarizeRows(rows)).toMatchObject({ elsewhere: 0, toCheck: 1, onlyA: 0 });
  });

  it('places a sentence by its findings: a possible link far away does not pull it out of its row', () => {
    // A1 repeats A0's partner B0 (same) and maybe matches B2, far away.
    const analysis = analysisOf(texts('A', 3), texts('B', 3), [
      [0, 0, 'same', 0.6],
      [1, 0, 'same', 0.3],
      [1, 2, 'possible', 0.2],
      [2, 1, 'same'],
      [2, 2, 'same'],
    ]);
    expect(shape(buildAlignedRows(analysis))).toEqual(['match:0,1|0', 'match:2|1,2']);
  });

  it('prefers a finding to a possible link when it places a B sentence', () => {
    // B0 is maybe A0 (higher score) but surely A1: it lives with A1.
    const analysis = analysisOf(texts('A', 2), texts('B', 1), [
      [0, 0, 'possible', 0.9],
      [1, 0, 'same', 0.4],
    ]);
    const rows = buildAlignedRows(analysis);
    expect(shape(rows)).toEqual(['match:0,1|0']);
    expect(rows[0]!.possible).toEqual({ a: [0], b: [] });
  });
});

describe('rowsInLens', () => {
  it('keeps rows where either side’s sentence is in the lens', () => {
    const analysis = analysisOf(texts('A', 3), texts('B', 3), [
      [0, 0, 'same'],
      [1, 1, 'same'],
    ]);
    const coverage = (sentences: number[]) => ({
      lens: 'Sanctions',
      sentences,
      matches: [],
      words: 0,
      share: 0,
      firstPosition: null,
      absent: sentences.length === 0,
    });
    const lens = { name: 'Sanctions', a: coverage([]), b: coverage([1, 2]) };
    expect(shape(rowsInLens(buildAlignedRows(analysis), lens))).toEqual(['match:1|1', 'onlyB:|2']);
  });
});

describe('looksLikeHeading', () => {
  it('takes short unpunctuated lines for subheads, and sentences for sentences', () => {
    expect(looksLikeHeading('U.S. imposes new sanctions')).toBe(true);
    expect(looksLikeHeading('Regional countries welcome talks')).toBe(true);
    expect(looksLikeHeading('Iran has yet to comment.')).toBe(false);
    expect(looksLikeHeading('"We\'re going to meet again early next week."')).toBe(false);
  });
});

// The opening of the sample pair (Tehran Times and CGTN on the Muscat talks), to CGTN's sanctions passage.
const TEHRAN_TIMES = [
  'Iran and the United States held their first round of new negotiations in Oman on Friday, with the Iranian foreign minister calling the talks "a very good start" but saying that for the resumption of the talks a mistrust caused by the June aggression must first be addressed. "In a very positive atmosphere, our positions and concerns were conveyed and the views of the other side were shared with us," Araghchi told Iranian state TV, adding that, "There was almost agreement on continuing the negotiations, and it was agreed that they would continue."',
  '"Overall, I can say that it was a good start, but its continuation depends on holding consultations in the capitals and deciding how to proceed."',
  'He noted that the timing and way of the next round of talks will be determined in subsequent consultations through the Omani foreign minister. He described a mistrust that has developed after strikes by the US and Israel on Iran in June as a serious challenge facing the negotiations, saying that, "We must first address this issue, and then enter into the next level of negotiations."',
  "The sides agreed to once again begin a process of talks eight months after Israel's war against Iran led to immense distrust and a significant challenge to negotiations, he said.",
  '"We must first overcome this prevailing atmosphere of distrust, and only then can we design a framework for a new dialogue, one that can... secure the interests of the Iranian people," Araghchi pointed out.',
  'In a separate interview with IRNA, he underlined that the discussions were exclusively focused on the nuclear issue and they are not addressing any other subject.',
  'He also said that the Iranian delegation in Oman stressed that any talks must take place "without threats."',
  '"The prerequisite for any dialogue is to refrain from threats and pressure," Araghchi said. "We raised this point clearly today and we expect it to be adhered to in order to allow for the continuation of the talks."',
].join('\n\n');
const CGTN = [
  'Iran and the United States agreed to continue negotiations after their indirect talks in Oman\'s Muscat ended "for now" with a "good start" on Friday, according to Iranian officials, while Washington announced fresh sanctions on the same day.',
  'The talks, the first since the U.S. airstrikes on Iranian nuclear facilities in June 2025, took place in "a positive atmosphere," Iranian Foreign Minister Seyed Abbas Araghchi told reporters. He said the two sides will first hold consultations in their capitals and then decide how and when the next round of talks will take place, Iran\'s Fars News Agency reported Friday.',
  'U.S. President Donald Trump told reporters on Friday that the talks had been "very good" and will continue early next week.',
  '"We have to see what that deal is. But I think Iran looks like they want to make a deal very badly," Trump said. "We\'re going to meet again early next week." Meanwhile, he warned that if Iran fails to reach a deal over its nuclear program, "the consequences are very steep."',
  'Meanwhile, according to Iran\'s official news agency IRNA, Araghchi said the Friday talks focused solely on nuclear issues, and that Tehran did not discuss "any other topics" with Washington.',
  'The Iranian delegation had pointed out during the talks that refraining from threat and pressure is a prerequisite for any dialogue, Araghchi said, adding that Iran expects this point "definitely be observed to prepare the ground for the talks\' continuation."',
  "Also, Iran's state-run IRIB TV, quoting Araghchi, reported that Omani Foreign Minister Sayyid Badr bin Hamad Al Busaidi held several meetings with the Iranian and U.S. delegations, facilitating the exchange of viewpoints between the two sides.",
  'The "very deep distrust" between Washington and Tehran formed in the past posed "a very big challenge to the negotiations, and we firstly have to overcome the pervading atmosphere of distrust and then be able to design the framework for a new dialogue capable of safeguarding the Iranian people\'s interests," Araghchi noted.',
  'Following the talks, Al Busaidi, the Omani foreign minister, posted a statement on social media platform X, calling the talks "very serious" and "useful."',
  'The discussions helped clarify each side\'s position and identify potential areas for progress, he said, adding that the parties "aim to reconvene in due course, with the results to be considered carefully in Tehran and Washington."',
  'Earlier in the day, IRIB TV reported that the talks ended "for now" in Muscat, and that the two delegations may return home, whereas Iran\'s Mehr News Agency reported that Iran rejected a "zero enrichment" demand during the talks.',
  'The two sides centered on the dilution of Iran\'s existing uranium stockpile, Mehr reported, adding that the atmosphere of the talks was "more serious" than in previous rounds between the two sides.',
  "So far, the U.S. side has not issued any official statement regarding the talks, but Washington's subsequent moves have sent signals somewhat contradictory to Tehran's relatively positive rhetoric.",
  'U.S. imposes new sanctions',
  "As the indirect talks between the United States and Iran ended in Muscat, the Trump administration on Friday announced new sanctions targeting 15 entities, two individuals, and 14 so-called shadow fleet vessels linked to Iran's oil trade.",
  '"The President is committed to driving down the Iranian regime\'s illicit oil and petrochemical exports under the Administration\'s maximum pressure campaign," the U.S. Department of State said in a statement.',
  'Iran has yet to comment.',
  'Regional countries welcome talks',
].join('\n\n');

describe('the sample comparison, through the real engine', () => {
  const analysis = compareTexts(TEHRAN_TIMES, CGTN, [
    { name: 'Sanctions', terms: ['sanction', 'sanctions'] },
  ]) as TextComparisonResult;
  const rows = buildAlignedRows(analysis);

  it('shows every sentence of both outlets exactly once', () => {
    expectEachSentenceOnce(rows, analysis);
  });

  it('keeps each side’s own order in its order', () => {
    const firsts = (ordered: AlignedRow[], side: 'a' | 'b') =>
      ordered.filter((r) => r[side].length > 0).map((r) => r[side][0]!);
    const ascending = (ids: number[]) => ids.every((id, i) => i === 0 || id > ids[i - 1]!);
    expect(ascending(firsts(orderRows(rows, 'a'), 'a'))).toBe(true);
    expect(ascending(firsts(orderRows(rows, 'b'), 'b'))).toBe(true);
  });

  it('shows CGTN’s sanctions passage as an omission of Tehran Times', () => {
    const subhead = analysis.b.sentences.find((s) => s.text === 'U.S. imposes new sanctions')!;
    const row = rows.find((r) => r.b.includes(subhead.id))!;
    expect(row.kind).toBe('onlyB');
    expect(row.b[0]).toBe(subhead.id);
  });
});
