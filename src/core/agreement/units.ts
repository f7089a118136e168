// Agreement is measured on characters of coded text: every character at least one
// coder coded is a unit, and text nobody coded is left out so it cannot inflate
// agreement. Neighbouring characters with the same values are kept as one run.

/** One coder's coded span: characters [start, end) of a version's body, given one code. */
export interface CodedSpan {
  coder: string;
  code: string;
  start: number;
  end: number;
}

/** What the coders did on one text (a version's body). */
export interface CodedText {
  /**
   * The coders who worked on this text. A coder left out is missing on every unit
   * of it (they never saw it), which is not the same as coding nothing ("none").
   * Coders with a span here count as present whether listed or not.
   */
  present: readonly string[];
  /** Spans oldest first: where one coder's spans of different codes overlap, the later one wins. */
  spans: readonly CodedSpan[];
}

/**
 * A run of `count` characters on which every coder gave the same values, in the
 * order of the table's coders; `undefined` is a missing value.
 */
export interface UnitRun<V> {
  values: readonly (V | undefined)[];
  count: number;
}

/** Units of one or more texts: the coders, and runs of characters with each coder's value. */
export interface UnitTable<V> {
  coders: readonly string[];
  runs: UnitRun<V>[];
}

/**
 * Nominal units over all coded text: a coder's value is the code they gave the
 * character (the latest of their spans covering it), `null` when they coded other
 * text but not this character, `undefined` when they did not work on this text.
 */
export function overallUnits(coders: readonly string[], text: CodedText): UnitTable<string | null> {
  return unitTable(coders, text, text.spans, (span) => (span ? span.code : null));
}

/**
 * Binary units for one code, over the characters any coder gave this code:
 * `true` where a coder gave it, `false` where they did not, `undefined` when missing.
 * Other codes on the same characters do not matter here, so overlaps need no rule.
 */
export function codeUnits(
  coders: readonly string[],
  text: CodedText,
  code: string,
): UnitTable<boolean> {
  const spans = text.spans.filter((span) => span.code === code);
  return unitTable(coders, text, spans, (span) => span !== undefined);
}

/** The codes used in these texts, in the order they first appear. */
export function codesUsed(texts: readonly CodedText[]): string[] {
  return [...new Set(texts.flatMap((text) => text.spans.map((span) => span.code)))];
}

/** The units of several texts together, as one study: their runs side by side. */
export function joinTables<V>(
  coders: readonly string[],
  tables: readonly UnitTable<V>[],
): UnitTable<V> {
  return { coders, runs: tables.flatMap((table) => table.runs) };
}

function unitTable<V>(
  coders: readonly string[],
  text: CodedText,
  spans: readonly CodedSpan[],
  valueOf: (covering: CodedSpan | undefined) => V,
): UnitTable<V> {
  for (const span of text.spans) checkSpan(coders, span);
  const present = new Set([...text.present, ...text.spans.map((span) => span.coder)]);
  const spansByCoder = coders.map((coder) => spans.filter((span) => span.coder === coder));
  // Between two consecutive span edges every coder's covering spans stay the same.
  const edges = [...new Set(spans.flatMap((span) => [span.start, span.end]))].sort((a, b) => a - b);
  const runs: UnitRun<V>[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    let coded = false;
    const values = coders.map((coder, c) => {
      if (!present.has(coder)) return undefined;
      const covering = spansByCoder[c]!.findLast((span) => span.start <= start && span.end >= end);
      if (covering) coded = true;
      return valueOf(covering);
    });
    if (coded) runs.push({ values, count: end - start });
  }
  return { coders, runs };
}

function checkSpan(coders: readonly string[], span: CodedSpan): void {
  if (!coders.includes(span.coder)) {
    throw new Error(
      `A span is by "${span.coder}", who is not among the coders (${coders.join(', ')}).`,
    );
  }
  if (
    !Number.isInteger(span.start) ||
    !Number.isInteger(span.end) ||
    span.start < 0 ||
    span.end < span.start
  ) {
    throw new Error(
      `A span of "${span.coder}" runs from ${span.start} to ${span.end}, which are not character positions in order.`,
    );
  }
}
