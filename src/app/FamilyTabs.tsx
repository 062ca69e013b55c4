// The family tab bar: one Tab stop, arrow keys between tabs (tabKeys.ts).
import type { KeyboardEvent } from 'react';
import { FAMILIES } from './families';
import { TAB_PANEL_ID, tabId, tabKeyTarget } from './tabKeys';

export function FamilyTabs({ shown, onSelect }: { shown: string; onSelect(id: string): void }) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabKeyTarget(
      e.key,
      FAMILIES.findIndex((f) => f.id === shown),
      FAMILIES.length,
    );
    if (i === null) return;
    e.preventDefault();
    const id = FAMILIES[i].id;
    onSelect(id);
    document.getElementById(tabId(id))?.focus();
  };
  return (
    <nav className="family-tabs" role="tablist" aria-label="model family">
      {FAMILIES.map((f) => {
        const selected = f.id === shown;
        return (
          <button
            key={f.id}
            id={tabId(f.id)}
            role="tab"
            type="button"
            aria-selected={selected}
            aria-controls={TAB_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            className={selected ? 'active' : ''}
            data-testid={`family-${f.id}`}
            onClick={() => onSelect(f.id)}
            onKeyDown={onKeyDown}
          >
            {f.label}
          </button>
        );
      })}
    </nav>
  );
}
