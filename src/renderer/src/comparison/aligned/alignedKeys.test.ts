import { describe, expect, it } from 'vitest';
import { ALIGNED_SHORTCUTS, alignedKeyAction, startingRow, type KeyPress } from './alignedKeys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('alignedKeyAction', () => {
  it('moves between differences with j and k, and omissions with o and Shift+O', () => {
    expect(alignedKeyAction(press('j'), false)).toEqual({ kind: 'difference', direction: 1 });
    expect(alignedKeyAction(press('k'), false)).toEqual({ kind: 'difference', direction: -1 });
    expect(alignedKeyAction(press('o'), false)).toEqual({ kind: 'omission', direction: 1 });
    expect(alignedKeyAction(press('O', { shiftKey: true }), false)).toEqual({
      kind: 'omission',
      direction: -1,
    });
  });

  it('steps through possible matches to check with c and Shift+C', () => {
    expect(alignedKeyAction(press('c'), false)).toEqual({ kind: 'check', direction: 1 });
    expect(alignedKeyAction(press('C', { shiftKey: true }), false)).toEqual({
      kind: 'check',
      direction: -1,
    });
    expect(alignedKeyAction(press('c', { ctrlKey: true }), false)).toBeNull();
  });

  it('switches sides with h and l anywhere, with the arrows only on a focused sentence', () => {
    expect(alignedKeyAction(press('h'), false)).toEqual({ kind: 'side', side: 'a' });
    expect(alignedKeyAction(press('l'), false)).toEqual({ kind: 'side', side: 'b' });
    expect(alignedKeyAction(press('ArrowLeft'), true)).toEqual({ kind: 'side', side: 'a' });
    expect(alignedKeyAction(press('ArrowRight'), true)).toEqual({ kind: 'side', side: 'b' });
    expect(alignedKeyAction(press('ArrowDown'), true)).toEqual({ kind: 'sentence', direction: 1 });
    // Unfocused, the arrows keep scrolling the page.
    expect(alignedKeyAction(press('ArrowLeft'), false)).toBeNull();
    expect(alignedKeyAction(press('ArrowDown'), false)).toBeNull();
  });

  it('leaves browser and app shortcuts alone', () => {
    expect(alignedKeyAction(press('j', { ctrlKey: true }), false)).toBeNull();
    expect(alignedKeyAction(press('l', { metaKey: true }), false)).toBeNull();
    expect(alignedKeyAction(press('o', { altKey: true }), false)).toBeNull();
    expect(alignedKeyAction(press('J', { shiftKey: true }), false)).toBeNull();
    expect(alignedKeyAction(press('x'), false)).toBeNull();
  });

  it('lists every key it answers to for the shortcuts sheet', () => {
    const keys = ALIGNED_SHORTCUTS.map((s) => s.keys).join(' ');
    for (const key of ['j', 'k', 'o', 'Shift+O', 'c', 'Shift+C', 'h', 'l', '←', '→', '↓', '↑']) {
      expect(keys).toContain(key);
    }
  });
});

describe('startingRow', () => {
  const side = { kind: 'side', side: 'b' } as const;
  const next = { kind: 'difference', direction: 1 } as const;
  const down = { kind: 'sentence', direction: 1 } as const;

  it('starts from the focused sentence’s row, whatever the action', () => {
    expect(startingRow(side, 7, 3)).toBe(7);
    expect(startingRow(next, 7, 3)).toBe(7);
    expect(startingRow(down, 0, 3)).toBe(0);
  });

  it('with nothing focused, h and l act on the row at the top of the window', () => {
    expect(startingRow(side, undefined, 12)).toBe(12);
    expect(startingRow({ kind: 'side', side: 'a' }, undefined, 0)).toBe(0);
  });

  it('with nothing focused, j/k/o step from just above the top row, so it can be the first stop', () => {
    expect(startingRow(next, undefined, 12)).toBe(11);
    expect(startingRow({ kind: 'omission', direction: -1 }, undefined, 0)).toBe(-1);
  });
});
