// The committee series as the tab draws them, from the engine: curves from α = 0 (q = 0, ε the prior's), a
// continuous transition without a gap (the specialised branch starts where the non-specialised one stops), a
// first-order one with a vertical step and no sloped segment.
import { describe, expect, it } from 'vitest';
import { committeeCurve } from '../../../physics/classic/committee';
import type { CommitteeThresholds } from '../../../physics/classic/committeeThresholds';
import type { Polyline } from '../../../platform/plots/branches';
import type { Series } from '../../../platform/plots/lineGeometry';
import { transitionAlphas, transitionOf } from '../transition';
import { committeeSeries } from './series';

const dataOf = (list: Series[], id: string): Polyline => {
  const s = list.find((x) => x.id === id);
  if (!s || s.mark !== 'line') throw new Error(`no line ${id}`);
  return s.data;
};
const defined = (l: Polyline) => l.filter((p): p is [number, number] => p !== null);

// The engine's thresholds (`npm run cli -- committee --thresholds [--prior rademacher]`; committeeThresholds has its
// own tests): recomputing them here would cost ~6 s a case.
const T: Record<'gaussian' | 'rademacher', CommitteeThresholds> = {
  gaussian: { alphaSpec: 2.0523834511222088, alphaIT: null, alphaAMP: null, alphaSymBreak: null, converged: true },
  rademacher: {
    alphaSpec: null,
    alphaIT: 1.546091368631855,
    alphaAMP: 1.9770636846955714,
    alphaSymBreak: 1.589320671242935,
    converged: true,
  },
};

/** What the tab draws: the grid from 0, then the points at the transition, solved after it (service.ts). */
function tab(prior: 'gaussian' | 'rademacher', grid: number[], extra: number[]) {
  const t = T[prior];
  const points = [...committeeCurve(prior, grid), ...committeeCurve(prior, extra)];
  return { t, s: committeeSeries(points, transitionOf(t), t.alphaAMP) };
}

describe('committee series', () => {
  it('Gaussian K = 2: from α = 0 at ε = ¼ (q = 0), the specialised branch continuing the non-specialised one at α_spec', () => {
    const { t, s } = tab('gaussian', [0, 1, 2, 2.5], [T.gaussian.alphaSpec!]);
    const aSpec = t.alphaSpec!;
    const epsEq = defined(dataOf(s.eps, 'eps-equilibrium'));
    // α = 0: nothing learnt, ε = ½(E y² − 0) with E y² = ½ for y ∈ {−1, 0, 1} (P(0) = ½): ¼
    expect(epsEq[0][0]).toBe(0);
    expect(epsEq[0][1]).toBeCloseTo(0.25, 12);
    expect(defined(dataOf(s.q, 'q-nonspecialised'))[0]).toEqual([0, 0]);
    const ns = defined(dataOf(s.q, 'q-nonspecialised'));
    for (const k of ['q11', 'q12'] as const) {
      const sp = defined(dataOf(s.q, `${k}-specialised`));
      // No gap: the specialised line starts at the last non-specialised point, (α_spec, q(α_spec)).
      expect(sp[0]).toEqual(ns[ns.length - 1]);
      expect(sp[0][0]).toBe(aSpec);
      expect(sp[1][0]).toBe(2.5);
    }
    // ε: one line with no jump (every step in α is forward).
    for (let i = 1; i < epsEq.length; i++) expect(epsEq[i][0]).toBeGreaterThan(epsEq[i - 1][0]);
  });

  it('±1 weights, K = 2: a vertical step at α_IT in ε and q11, and no segment across it', () => {
    const { t, s } = tab('rademacher', [0, 0.5, 1, 1.5, 2, 2.5], transitionAlphas(T.rademacher));
    const aIT = t.alphaIT!;
    const epsEq = defined(dataOf(s.eps, 'eps-equilibrium'));
    const at = epsEq.filter((p) => p[0] === aIT);
    expect(at.length).toBe(2);
    expect(at[0][1]).toBeGreaterThan(0.05); // the non-specialised ε at α_IT
    expect(at[1][1]).toBe(0); // exact recovery
    // Before α_IT the points are non-specialised, after it exact recovery: no point joins them but the step.
    for (const [a, e] of epsEq) if (a > aIT) expect(e).toBe(0);
    for (const [a, e] of epsEq) if (a < aIT) expect(e).toBeGreaterThan(0.05);
    const q11 = defined(dataOf(s.q, 'q11-specialised'));
    expect(q11[0][0]).toBe(aIT);
    expect(q11[1]).toEqual([aIT, 1]);
    expect(q11[0][1]).toBeCloseTo(defined(dataOf(s.q, 'q-nonspecialised')).at(-1)![1], 12);
    // AMP from the uninformed start jumps to exact recovery at α_AMP: a vertical step there, not a slope
    const amp = defined(dataOf(s.eps, 'eps-amp'));
    const aAMP = t.alphaAMP!;
    const step = amp.filter(([a]) => a === aAMP);
    expect(step.map(([, e]) => e > 0.05)).toEqual([true, false]);
    expect(amp.filter(([a]) => a > aAMP).every(([, e]) => e === 0)).toBe(true);
    expect(amp.filter(([a]) => a < aAMP).every(([, e]) => e > 0.05)).toBe(true);
  });
});
