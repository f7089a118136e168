import { describe, expect, it } from 'vitest';
import { isShortcutBlocked } from './shortcuts';

/** A stand-in for an element: matches the selectors given. */
const element = (...matches: string[]) => ({
  closest: (selector: string) => (matches.some((m) => selector.includes(m)) ? {} : null),
});
const page = (dialogOpen: boolean) => ({ querySelector: () => (dialogOpen ? {} : null) });
const press = (
  target: unknown,
  chord: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => ({
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...chord,
  target: target as EventTarget,
});

describe('isShortcutBlocked', () => {
  it('lets a plain key on the page through', () => {
    expect(isShortcutBlocked(press(element()), page(false))).toBe(false);
  });

  it('blocks keys typed into fields and list widgets', () => {
    expect(isShortcutBlocked(press(element('input')), page(false))).toBe(true);
    expect(isShortcutBlocked(press(element('textarea')), page(false))).toBe(true);
    expect(isShortcutBlocked(press(element('[role="listbox"]')), page(false))).toBe(true);
    expect(isShortcutBlocked(press({ isContentEditable: true }), page(false))).toBe(true);
  });

  it('blocks modifier chords and every key while a dialog or popover is open', () => {
    expect(isShortcutBlocked(press(element(), { ctrlKey: true }), page(false))).toBe(true);
    expect(isShortcutBlocked(press(element(), { altKey: true }), page(false))).toBe(true);
    expect(isShortcutBlocked(press(element()), page(true))).toBe(true);
  });
});
