import { describe, expect, it } from 'vitest';
import { diffVersions, withoutCosmetic } from '../../../../core/engine/versionDiff';
import type { VersionView } from '../../../../shared/domain';
import {
  changeItems,
  compareField,
  excerpt,
  inTimeOrder,
  isChangeStop,
  paragraphMark,
  sideOfParts,
  stepChange,
  summarizeChanges,
  type ChangeItem,
  type DiffStats,
} from './versionDiffModel';

const base = [
  'Iran and the United States held their first round of talks in Muscat on Friday.',
  'The Iranian foreign minister called the talks a very good start.',
  'Oman mediated between the two delegations, which did not meet face to face.',
  'Washington announced new sanctions on the same day, targeting oil shipments.',
  'Regional leaders welcomed the resumption of the talks and urged restraint.',
];
const body = (paragraphs: string[]) => paragraphs.join('\n\n');
const itemsOf = (older: string[], newer: string[]) =>
  changeItems(diffVersions(body(older), body(newer)).paragraphs);
/** Each item as "kind old→new", e.g. "movedAway 0→4", to read the order at a glance. */
const layout = (items: ChangeItem[]) =>
  items.map((item) => {
    const old = 'oldIndex' in item ? item.oldIndex : '-';
    const now = 'newIndex' in item ? item.newIndex : '-';
    return `${item.kind} ${old}→${now}`;
  });

describe('changeItems', () => {
  it('shows a paragraph moved down at its new place, with a stub where it stood', () => {
    const items = itemsOf(base, [...base.slice(1), base[0]!]);
    expect(layout(items)).toEqual([
      'movedAway 0→4',
      'unchanged 1→0',
      'unchanged 2→1',
      'unchanged 3→2',
      'unchanged 4→3',
      'moved 0→4',
    ]);
    expect(items[0]).toMatchObject({ kind: 'movedAway', otherPlace: 'below' });
    expect(items[5]).toMatchObject({ kind: 'moved', otherPlace: 'above' });
  });

  it('puts the stub of a paragraph moved up right after the paragraph that preceded it', () => {
    const items = itemsOf(base, [base[3]!, base[0]!, base[1]!, base[2]!, base[4]!]);
    expect(layout(items)).toEqual([
      'moved 3→0',
      'unchanged 0→1',
      'unchanged 1→2',
      'unchanged 2→3',
      'movedAway 3→0',
      'unchanged 4→4',
    ]);
    expect(items[0]).toMatchObject({ kind: 'moved', otherPlace: 'below' });
    expect(items[4]).toMatchObject({ kind: 'movedAway', otherPlace: 'above' });
  });

  it('keeps removed paragraphs in their old place and added ones in their new place', () => {
    const added = 'The next round will be held early next week, officials said.';
    const items = itemsOf(base, [base[0]!, added, base[1]!, base[3]!, base[4]!]);
    expect(layout(items)).toEqual([
      'unchanged 0→0',
      'added -→1',
      'unchanged 1→2',
      'removed 2→-',
      'unchanged 3→3',
      'unchanged 4→4',
    ]);
    expect(items[1]).toMatchObject({ kind: 'added', text: added });
    expect(items[3]).toMatchObject({ kind: 'removed', text: base[2] });
  });

  it('gives a paragraph moved and edited its old and new wording', () => {
    const edited = base[0]!.replace('first round', 'opening round');
    const items = itemsOf(base, [...base.slice(1), edited]);
    const moved = items.find((item) => item.kind === 'moved');
    const stub = items.find((item) => item.kind === 'movedAway');
    expect(moved).toMatchObject({ oldText: base[0], newText: edited });
    expect(moved?.kind === 'moved' && moved.parts).toContainEqual({
      kind: 'onlyB',
      text: 'opening',
    });
    expect(stub).toMatchObject({ oldText: base[0], newIndex: 4 });
  });

  it('stops j/k once at each change the summary counts', () => {
    const edited = [...base];
    edited[1] = base[1]!.replace('very good', 'promising');
    const newer = [edited[1]!, edited[0]!, edited[3]!, edited[4]!, 'A new closing paragraph.'];
    const diff = diffVersions(body(base), body(newer));
    const stops = changeItems(diff.paragraphs).filter(isChangeStop);
    const { changed, added, removed, moved } = diff.stats;
    expect(stops).toHaveLength(changed + added + removed + moved);
    expect(stops.length).toBeGreaterThanOrEqual(3);
  });

  it('reads an unchanged text as having no change to stop at', () => {
    expect(itemsOf(base, base).filter(isChangeStop)).toEqual([]);
  });
});

describe('sideOfParts', () => {
  it('gives each version its own wording with only its own changes marked', () => {
    const edited = base[0]!.replace('first', 'second').replace('Friday', 'Saturday');
    const [item] = itemsOf([base[0]!], [edited]);
    expect(item?.kind).toBe('changed');
    const parts = item?.kind === 'changed' ? item.parts : [];
    const old = sideOfParts(parts, 'old');
    const now = sideOfParts(parts, 'new');
    expect(old.map((p) => p.text).join('')).toBe(base[0]);
    expect(now.map((p) => p.text).join('')).toBe(edited);
    expect(old.filter((p) => p.changed).map((p) => p.text)).toEqual(['first', 'Friday']);
    expect(now.filter((p) => p.changed).map((p) => p.text)).toEqual(['second', 'Saturday']);
  });
});

describe('stepChange', () => {
  it('starts at the first or last change and stops at the ends', () => {
    expect(stepChange(-1, 3, 1)).toBe(0);
    expect(stepChange(-1, 3, -1)).toBe(2);
    expect(stepChange(0, 3, 1)).toBe(1);
    expect(stepChange(2, 3, 1)).toBeNull();
    expect(stepChange(0, 3, -1)).toBeNull();
    expect(stepChange(-1, 0, 1)).toBeNull();
  });
});

describe('paragraphMark', () => {
  it('numbers paragraphs from 1', () => {
    expect(paragraphMark(0)).toBe('¶1');
    expect(paragraphMark(11)).toBe('¶12');
  });
});

function versionView(seq: number): VersionView {
  const id = `00000000-0000-4000-8000-00000000000${seq}`;
  const articleId = '00000000-0000-4000-8000-0000000000aa';
  return {
    version: {
      id,
      articleId,
      seq,
      headline: `Headline ${seq}`,
      byline: null,
      publishedAt: null,
      capturedAt: `2026-02-0${seq}T10:00:00Z`,
      sha256: 'a'.repeat(64),
      wordCount: 10,
      wordsAdded: null,
      wordsRemoved: null,
      deck: null,
      body: 'Text.',
      subheads: [],
      captions: [],
      rawInput: 'Text.',
      sourceKind: 'paste',
      sourceName: null,
    },
    article: { id: articleId, outletId: articleId, storyId: null, url: null, createdAt: '2026' },
    outlet: { id: articleId, name: 'Outlet', domain: null },
    story: null,
  };
}

describe('inTimeOrder', () => {
  it('keeps A as the older version when it is', () => {
    const [v1, v2] = [versionView(1), versionView(2)];
    expect(inTimeOrder(v1, v2)).toEqual({ older: v1, newer: v2, swapped: false });
  });

  it('reads from the earlier capture to the later when A is the later one', () => {
    const [v1, v3] = [versionView(1), versionView(3)];
    expect(inTimeOrder(v3, v1)).toEqual({ older: v1, newer: v3, swapped: true });
  });
});

describe('compareField', () => {
  it('shows a changed headline word by word', () => {
    const change = compareField(
      "Iran, US agree to resume talks despite 'prevailing mistrust'",
      'Iran, US agree to hold more talks despite mistrust',
      false,
    );
    expect(change.kind).toBe('changed');
    if (change.kind !== 'changed') return;
    expect(change.cosmetic).toBe(false);
    expect(change.parts.filter((p) => p.kind === 'onlyA').map((p) => p.text)).toContainEqual(
      expect.stringContaining('resume'),
    );
    expect(change.parts.filter((p) => p.kind === 'onlyB').map((p) => p.text)).toContainEqual(
      expect.stringContaining('hold more'),
    );
  });

  it('flags a quote-style-only change as cosmetic, and hides it on request', () => {
    const older = "Araghchi hails talks as 'very good start'";
    const newer = 'Araghchi hails talks as ‘very good start’';
    expect(compareField(older, newer, false)).toMatchObject({ kind: 'changed', cosmetic: true });
    expect(compareField(older, newer, true)).toEqual({ kind: 'same', text: newer });
  });

  it('tells a field both versions lack from one that stayed the same', () => {
    expect(compareField(null, '  ', false)).toEqual({ kind: 'absent' });
    expect(compareField('By A. Writer', 'By A. Writer', false)).toEqual({
      kind: 'same',
      text: 'By A. Writer',
    });
    expect(compareField(null, 'A new deck', false)).toMatchObject({
      kind: 'changed',
      parts: [{ kind: 'onlyB', text: 'A new deck' }],
    });
  });
});

describe('summarizeChanges', () => {
  const stats = (partial: Partial<DiffStats>): DiffStats => ({
    added: 0,
    removed: 0,
    changed: 0,
    moved: 0,
    cosmetic: 0,
    wordsAdded: 0,
    wordsRemoved: 0,
    ...partial,
  });

  it('counts paragraphs and words', () => {
    const summary = summarizeChanges({
      stats: stats({
        changed: 3,
        added: 1,
        removed: 1,
        moved: 1,
        wordsAdded: 42,
        wordsRemoved: 17,
      }),
      changedFields: [],
      hideCosmetic: false,
    });
    expect(summary).toBe(
      '3 paragraphs changed, 1 added, 1 removed, 1 moved; 42 words added, 17 removed.',
    );
  });

  it('names the first count in the singular and leaves out what did not happen', () => {
    const summary = summarizeChanges({
      stats: stats({ added: 1, wordsAdded: 1 }),
      changedFields: [],
      hideCosmetic: false,
    });
    expect(summary).toBe('1 paragraph added; 1 word added.');
  });

  it('says how many paragraphs changed only cosmetically', () => {
    const summary = summarizeChanges({
      stats: stats({ changed: 2, cosmetic: 1, wordsAdded: 3, wordsRemoved: 2 }),
      changedFields: [],
      hideCosmetic: false,
    });
    expect(summary).toBe(
      '2 paragraphs changed; 3 words added, 2 removed. 1 paragraph differs only in spacing, quotes or punctuation.',
    );
  });

  it('says plainly when nothing changed, and when only hidden cosmetic changes remain', () => {
    expect(summarizeChanges({ stats: stats({}), changedFields: [], hideCosmetic: false })).toBe(
      'No change in the text.',
    );
    const quotesOnly = diffVersions('He said "soon".', 'He said “soon”.');
    const hidden = withoutCosmetic(quotesOnly);
    expect(summarizeChanges({ stats: hidden.stats, changedFields: [], hideCosmetic: true })).toBe(
      'No change in the text besides cosmetic ones (hidden).',
    );
  });

  it('names a changed headline and deck before the body', () => {
    const summary = summarizeChanges({
      stats: stats({ changed: 1, wordsAdded: 2, wordsRemoved: 1 }),
      changedFields: ['headline', 'deck'],
      hideCosmetic: false,
    });
    expect(summary).toBe(
      'Headline and deck changed. 1 paragraph changed; 2 words added, 1 removed.',
    );
    expect(
      summarizeChanges({ stats: stats({}), changedFields: ['headline'], hideCosmetic: false }),
    ).toBe('Headline changed. No change in the body text.');
  });
});

describe('excerpt', () => {
  it('keeps a short paragraph whole and cuts a long one after its opening words', () => {
    expect(excerpt('Iran has yet to comment.')).toBe('Iran has yet to comment.');
    expect(excerpt(base[0]!, 5)).toBe('Iran and the United States…');
  });
});
