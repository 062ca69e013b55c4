import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { tabKeyTarget } from './tabKeys';
import { FamilyTabs } from './FamilyTabs';
import { FAMILIES } from './families';
import { shortcutFor } from './shortcuts';

describe('family tab bar keyboard', () => {
  it('moves with Left/Right (wrapping) and Home/End, and ignores other keys', () => {
    expect(tabKeyTarget('ArrowRight', 0, 8)).toBe(1);
    expect(tabKeyTarget('ArrowRight', 7, 8)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 8)).toBe(7);
    expect(tabKeyTarget('ArrowLeft', 3, 8)).toBe(2);
    expect(tabKeyTarget('Home', 5, 8)).toBe(0);
    expect(tabKeyTarget('End', 2, 8)).toBe(7);
    expect(tabKeyTarget('ArrowDown', 2, 8)).toBeNull();
    expect(tabKeyTarget('Enter', 2, 8)).toBeNull();
    expect(tabKeyTarget('ArrowRight', 0, 0)).toBeNull();
  });

  it('is one Tab stop: only the selected tab is focusable, and each tab controls the panel', () => {
    const html = renderToStaticMarkup(createElement(FamilyTabs, { shown: 'glm', onSelect: () => undefined }));
    const tabs = [...html.matchAll(/<button[^>]*>/g)].map((m) => m[0]);
    expect(tabs).toHaveLength(FAMILIES.length);
    for (const [i, t] of tabs.entries()) {
      const selected = FAMILIES[i].id === 'glm';
      expect(t).toContain('role="tab"');
      expect(t).toContain(`aria-selected="${selected}"`);
      expect(t).toContain(`tabindex="${selected ? 0 : -1}"`);
      expect(t).toContain(`id="tab-${FAMILIES[i].id}"`);
      expect(t).toContain('aria-controls="family-tabpanel"');
    }
  });

  it('leaves the arrow keys to the tab bar instead of the α-step shortcut', () => {
    const target = { tagName: 'BUTTON', role: 'tab' };
    expect(shortcutFor({ key: 'ArrowRight', target })).toBeNull();
    expect(shortcutFor({ key: 'ArrowLeft', shiftKey: true, target })).toBeNull();
    expect(shortcutFor({ key: 'p', target })).toEqual({ kind: 'present' });
  });
});
