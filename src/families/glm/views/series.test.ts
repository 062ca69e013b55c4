// The GLM series as the tab draws them, from the engine (binary perceptron, arXiv 1708.03395): from α = 0 (q = 0,
// ε = ½: nothing learnt), the equilibrium jumping vertically at α_IT, no sloped segment across the jump, the
// uninformed branch stopping at its spinodal α_AMP instead of running on top of the informed one.
import { describe, expect, it } from 'vitest';
import { glmCurve, glmThresholds, makeGlm } from '../../../physics/classic/glm';
import type { Polyline } from '../../../platform/plots/branches';
import type { Series } from '../../../platform/plots/lineGeometry';
import { branchSeries } from './series';

const lineOf = (list: Series[], id: string): Polyline => {
  const s = list.find((x) => x.id === id);
  if (!s || s.mark !== 'line') throw new Error(`no line ${id}`);
  return s.data;
};
const dataOf = (list: Series[], id: string) => lineOf(list, id).filter((p): p is [number, number] => p !== null);

describe('GLM series', () => {
  const m = makeGlm({ prior: 'rademacher', channel: 'sign', delta: 0, bias: 0, sparsity: 1 });
  const th = glmThresholds(m, 3, 60);
  // α_IT ≈ 1.245, α_AMP ≈ 1.493 (glm.test.ts); the tab's grid plus α_IT
  const grid = Array.from({ length: 31 }, (_, i) => i / 10);
  const points = glmCurve(m, [...grid, th.alphaIT!]);
  const eps = branchSeries(points, th.alphaIT, (b) => b.eps);

  it('ε starts at α = 0 at ½ (the prior: a coin flip) on the uninformed equilibrium', () => {
    expect(dataOf(eps, 'uninformed')[0]).toEqual([0, 0.5]);
  });

  it('the equilibrium: uninformed up to α_IT, a vertical segment, then informed (ε = 0); nothing sloped across', () => {
    const a = th.alphaIT!;
    const unf = dataOf(eps, 'uninformed');
    expect(unf.at(-1)![0]).toBe(a);
    expect(unf.every(([x]) => x <= a)).toBe(true);
    const inf = dataOf(eps, 'informed');
    expect(inf[0]).toEqual([a, unf.at(-1)![1]]);
    expect(inf[1][0]).toBe(a);
    expect(inf[1][1]).toBeCloseTo(0, 12);
    expect(inf.slice(1).every(([x, y]) => x >= a && Math.abs(y) < 1e-12)).toBe(true);
    expect(lineOf(eps, 'informed')).not.toContain(null);
  });

  it('the uninformed branch is dashed from α_IT to its spinodal α_AMP and then stops (no segment down to 0)', () => {
    const meta = dataOf(eps, 'uninformed-metastable');
    expect(meta[0][0]).toBe(th.alphaIT);
    const last = meta.at(-1)!;
    expect(last[0]).toBeLessThan(th.alphaAMP!);
    expect(last[0]).toBeGreaterThan(th.alphaAMP! - 0.1);
    expect(last[1]).toBeGreaterThan(0.05);
    // beyond α_AMP the uninformed line draws nothing (AMP has reached the informed branch, drawn once)
    expect(dataOf(eps, 'uninformed').some(([x]) => x > th.alphaAMP!)).toBe(false);
  });

  it('the informed branch is dashed (metastable) below α_IT, up to it', () => {
    const meta = dataOf(eps, 'informed-metastable');
    expect(meta.at(-1)![0]).toBe(th.alphaIT);
    expect(meta.every(([x, y]) => x <= th.alphaIT! && Math.abs(y) < 1e-12)).toBe(true);
  });
});
