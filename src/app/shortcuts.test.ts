import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';
import { steppedAlpha } from '../families/mlp/shortcuts';
import { steppedCursor } from './cursorKeys';

describe('shortcuts', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor({ key: ' ' })).toEqual({ kind: 'toggle-play' });
    expect(shortcutFor({ key: 'r' })).toEqual({ kind: 'reset' });
    expect(shortcutFor({ key: 'p' })).toEqual({ kind: 'present' });
    expect(shortcutFor({ key: '?' })).toEqual({ kind: 'help' });
    expect(shortcutFor({ key: 'ArrowRight', shiftKey: true })).toEqual({
      kind: 'step',
      detail: { direction: 1, large: true },
    });
    expect(shortcutFor({ key: 'ArrowLeft' })).toEqual({ kind: 'step', detail: { direction: -1, large: false } });
    expect(shortcutFor({ key: 'x' })).toBeNull();
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull(); // browser reload stays the browser's
  });

  it('is ignored while typing or when the focused control owns the key', () => {
    for (const target of [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'number' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(shortcutFor({ key: 'r', target })).toBeNull();
      expect(shortcutFor({ key: ' ', target })).toBeNull();
    }
    expect(shortcutFor({ key: 'ArrowRight', target: { tagName: 'INPUT', type: 'range' } })).toBeNull();
    expect(shortcutFor({ key: 'p', target: { tagName: 'INPUT', type: 'range' } })).toEqual({ kind: 'present' });
    expect(shortcutFor({ key: ' ', target: { tagName: 'BUTTON' } })).toBeNull();
    expect(shortcutFor({ key: 'r', target: { tagName: 'BUTTON' } })).toEqual({ kind: 'reset' });
  });

  it('steps α on a 0.1 grid inside the α range', () => {
    expect(steppedAlpha(2, 8, { direction: 1, large: false })).toBe(2.1);
    expect(steppedAlpha(2.04, 8, { direction: 1, large: false })).toBe(2.1);
    expect(steppedAlpha(2.04, 8, { direction: -1, large: false })).toBe(2);
    expect(steppedAlpha(2.3, 8, { direction: 1, large: true })).toBe(3);
    expect(steppedAlpha(7.95, 8, { direction: 1, large: false })).toBe(8);
    expect(steppedAlpha(0.05, 8, { direction: -1, large: false })).toBe(0.02);
    let a = 2;
    for (let i = 0; i < 7; i++) a = steppedAlpha(a, 8, { direction: 1, large: false });
    expect(a).toBe(2.7);
  });

  it('steps a plot cursor on a round grid: 1/50 of a linear range (Shift 1/5), 0.1 decade on a log axis', () => {
    const right = { direction: 1, large: false } as const;
    const left = { direction: -1, large: false } as const;
    expect(steppedCursor(1.35, [0, 3], false, right)).toBe(1.4); // 3/50 = 0.06 → step 0.05
    expect(steppedCursor(1.35, [0, 3], false, left)).toBe(1.3);
    expect(steppedCursor(1.35, [0, 3], false, { direction: 1, large: true })).toBe(1.5); // 3/5 → 0.5
    expect(steppedCursor(undefined, [0, 5], false, right)).toBe(0.1);
    expect(steppedCursor(undefined, [0, 5], false, left)).toBe(4.9);
    expect(steppedCursor(2.99, [0, 3], false, right)).toBe(3);
    expect(steppedCursor(100, [1, 10000], true, right)).toBeCloseTo(10 ** 2.1, 3);
    expect(steppedCursor(100, [1, 10000], true, { direction: -1, large: true })).toBeCloseTo(10 ** 1.5, 3);
    expect(steppedCursor(9000, [1, 10000], true, { direction: 1, large: true })).toBe(10000);
  });
});
