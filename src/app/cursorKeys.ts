// The ←/→ shortcut on the tabs whose α is a plot cursor (platform/state/cursor.ts), as it steps α on the MLP tab.
import { useEffect } from 'react';
import { onStep, type StepDetail } from './shortcuts';
import { useCursorStore } from '../platform/state/cursor';

/** 1, 2 or 5 times a power of ten, the nearest to `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return p * (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10);
}

/**
 * The cursor after one step, on a grid so that repeated steps give round numbers: about 1/50 of the range (1/5 with
 * Shift) on a linear axis, 0.1 decade (0.5) on a log axis; clamped to the range. Unset, it enters from the end the
 * step comes from.
 */
export function steppedCursor(at: number | undefined, domain: [number, number], log: boolean, d: StepDetail): number {
  const [lo, hi] = domain;
  const to = (v: number) => (log ? Math.log10(v) : v);
  const from = (u: number) => (log ? 10 ** u : u);
  const step = log ? (d.large ? 0.5 : 0.1) : niceStep((hi - lo) / (d.large ? 5 : 50));
  const u = to(at ?? (d.direction > 0 ? lo : hi));
  const k = d.direction > 0 ? Math.floor(u / step + 1e-9) + 1 : Math.ceil(u / step - 1e-9) - 1;
  const next = Number(from(k * step).toPrecision(6));
  return Math.min(hi, Math.max(lo, next));
}

/** Subscribes a tab's cursor scope to ←/→ while the tab is shown. */
export function useCursorKeys(scope: string, domain: [number, number], log = false): void {
  const [lo, hi] = domain;
  useEffect(
    () =>
      onStep((d) => {
        const s = useCursorStore.getState();
        s.set(scope, steppedCursor(s.at[scope], [lo, hi], log, d));
      }),
    [scope, lo, hi, log],
  );
}
