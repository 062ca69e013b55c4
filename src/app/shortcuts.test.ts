import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';
import { steppedAlpha } from '../families/mlp/shortcuts';

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
});
