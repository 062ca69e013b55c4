// The presets menu (a disclosure with one link per preset, grouped) and the caption of the preset on screen.
import { useEffect, useRef, useState } from 'react';
import { activePreset, PRESETS, presetCaption, type Preset } from './presets';
import { globalSuffix, HASH_WRITTEN_EVENT } from '../platform/state/hashCodec';
import './share.css';

/** The current hash, updated on hand edits, back/forward and the app's own writes. */
export function useLocationHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    const events = ['hashchange', 'popstate', HASH_WRITTEN_EVENT];
    for (const e of events) window.addEventListener(e, on);
    return () => {
      for (const e of events) window.removeEventListener(e, on);
    };
  }, []);
  return hash;
}

/** Opens a preset: one history entry, page-level options (presentation) kept. */
export function openPreset(p: Preset): void {
  window.location.hash = p.hash + globalSuffix(window.location.hash);
}

export function PresetMenu() {
  const ref = useRef<HTMLDetailsElement>(null);
  const groups = new Map<string, Preset[]>();
  for (const p of PRESETS) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  // Close on a click outside or Escape.
  useEffect(() => {
    const close = (e: Event) => {
      const d = ref.current;
      if (!d || !d.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !d.contains(e.target as Node)) d.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details className="preset-menu" ref={ref} data-testid="preset-menu">
      <summary className="share-button">Paper presets</summary>
      <nav className="preset-list" aria-label="paper presets">
        {[...groups].map(([group, list]) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <ul>
              {list.map((p) => (
                <li key={p.id}>
                  <a
                    href={p.hash}
                    data-testid={`preset-${p.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      openPreset(p);
                      if (ref.current) ref.current.open = false;
                    }}
                  >
                    {p.title}
                  </a>
                  {p.overlay && (
                    <span className="preset-data" title={p.overlay}>
                      {' '}
                      · with published points
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
    </details>
  );
}

export function PresetCaption() {
  const hash = useLocationHash();
  const p = activePreset(hash);
  if (!p) return null;
  return (
    <aside className="preset-caption" data-testid="preset-caption" data-preset={p.id} aria-label="preset caption">
      <strong>{p.title}.</strong> {presetCaption(p)}
      {p.overlay && <span className="preset-overlay"> Overlaid: {p.overlay}.</span>}
      <span className="preset-source"> Source: {p.source}.</span>
    </aside>
  );
}
