// The "Explain the model" panel under each family; a family adds its explainer with one entry in EXPLAINERS.
// Explainers load lazily (KaTeX is large); the chunk is fetched once the page is idle, so it is in the offline cache.
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import './share.css';

const loadMlp = () => import('../families/mlp/views/Explain').then((m) => ({ default: m.MlpExplain }));

export const EXPLAINERS: Record<string, { load: () => Promise<{ default: ComponentType }> }> = {
  mlp: { load: loadMlp },
};

const lazyBodies = new Map<string, ComponentType>();
function bodyOf(model: string): ComponentType | null {
  const e = EXPLAINERS[model];
  if (!e) return null;
  if (!lazyBodies.has(model)) lazyBodies.set(model, lazy(e.load));
  return lazyBodies.get(model)!;
}

export function Explain({ model }: { model: string }) {
  useEffect(() => {
    const e = EXPLAINERS[model];
    if (!e) return;
    const t = setTimeout(() => void e.load().catch(() => undefined), 2500);
    return () => clearTimeout(t);
  }, [model]);
  const [open, setOpen] = useState(false);
  const Body = bodyOf(model);
  if (!Body) return null;
  return (
    <details className="panel explain" data-testid="explain" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Explain the model: equations, Hermite coefficients, branches</summary>
      <Suspense fallback={<p className="hint">loading the equations…</p>}>
        {/* eslint-disable-next-line react-hooks/static-components -- bodyOf caches one lazy component per model */}
        {open && <Body />}
      </Suspense>
    </details>
  );
}
