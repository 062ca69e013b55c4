// Finished simulation runs as points of an ε(α) plot: the mean over seeds and its spread.
import type { Algorithm, Init } from '../../sim/simulation';
import type { FinishedRun } from './runSlice';

export interface SimPoint {
  algo: Algorithm;
  init: Init;
  alpha: number;
  d: number;
  mean: number;
  /** Standard deviation over seeds (0 for a single run). */
  std: number;
  count: number;
}

/** Finished runs of one physics key grouped by (algorithm, start, α, d): mean and spread over seeds. */
export function simPoints(finished: FinishedRun[], key: string): SimPoint[] {
  const groups = new Map<string, FinishedRun[]>();
  for (const r of finished) {
    if (r.key !== key || !Number.isFinite(r.eps)) continue;
    const g = `${r.algo}|${r.init}|${r.alpha}|${r.d}`; // never pool different sizes: finite-size effects differ
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  }
  const out: SimPoint[] = [];
  for (const list of groups.values()) {
    const n = list.length;
    const mean = list.reduce((a, r) => a + r.eps, 0) / n;
    const std = n > 1 ? Math.sqrt(list.reduce((a, r) => a + (r.eps - mean) ** 2, 0) / (n - 1)) : 0;
    out.push({ algo: list[0].algo, init: list[0].init, alpha: list[0].alpha, d: list[0].d, mean, std, count: n });
  }
  return out.sort((a, b) => a.alpha - b.alpha);
}
