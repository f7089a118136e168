import { describe, expect, it } from 'vitest';
import { ALIGNED_SHORTCUTS, alignedKeyAction, type KeyPress } from './alignedKeys';

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
    for (const key of ['j', 'k', 'o', 'Shift+O', 'h', 'l', '←', '→', '↓', '↑']) {
      expect(keys).toContain(key);
    }
  });
});
