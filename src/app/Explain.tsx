// The "Explain the model" panel under a family that has one (Family.explain). Explainers load lazily (KaTeX is
// large); the chunk is fetched once the page is idle, so it is in the offline cache.
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useShareUi } from './presentation';
import type { Family } from '../families/family';
import './share.css';

const lazyBodies = new Map<string, ComponentType>();
function bodyOf(family: Family): ComponentType | null {
  if (!family.explain) return null;
  if (!lazyBodies.has(family.id)) lazyBodies.set(family.id, lazy(family.explain));
  return lazyBodies.get(family.id)!;
}

export function Explain({ family }: { family: Family }) {
  useEffect(() => {
    const load = family.explain;
    if (!load) return;
    const t = setTimeout(() => void load().catch(() => undefined), 2500);
    return () => clearTimeout(t);
  }, [family]);
  // Open when the link says `open=explain` (a slide link), and the link follows the reader's toggles.
  const open = useShareUi((s) => s.open.includes('explain'));
  const Body = bodyOf(family);
  if (!Body) return null;
  return (
    <details
      className="panel explain"
      data-testid="explain"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== useShareUi.getState().open.includes('explain')) useShareUi.getState().setOpen('explain', now);
      }}
    >
      <summary>Explain the model: equations, Hermite coefficients, branches</summary>
      <Suspense fallback={<p className="hint">loading the equations…</p>}>
        {/* eslint-disable-next-line react-hooks/static-components -- bodyOf caches one lazy component per model */}
        {open && <Body />}
      </Suspense>
    </details>
  );
}
