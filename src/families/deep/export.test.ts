// CSV tables of the deep family's plots, built from real L = 2 solutions (authors' setting, a few α).
import { describe, expect, it } from 'vitest';
import { getDeepModel } from '../../physics/deep/deepModel';
import { DEEP_DEFAULTS } from '../../physics/deep/deepParams';
import type { DeepCurvePoint } from './protocol';
import { viewOf } from './service';
import type { DeepCurve } from './store';
import { DEEP_UI_DEFAULTS } from './params';
import { deepContext, deepEpsTable, deepOverlapTable, deepProfileTable } from './export';
import { toCsv } from '../../platform/plots/export';

function curveOf(readout: 'ones' | 'rad', alphas: number[]): DeepCurve {
  const model = getDeepModel({ ...DEEP_DEFAULTS, readout });
  const points: DeepCurvePoint[] = alphas.map((alpha) => {
    const pt = model.solvePoint(alpha);
    const branches = {} as DeepCurvePoint['branches'];
    for (const [b, s] of Object.entries(pt.branches)) branches[b as keyof typeof branches] = viewOf(s);
    return { alpha, equilibrium: pt.equilibrium, eq: viewOf(pt.eq), branches };
  });
  const header = {
    key: readout,
    alphas,
    s: Array.from(model.grid.s),
    v: Array.from(model.atoms.v),
    classOfAtom: model.classOfAtom,
    notes: [],
    epsUniversal: model.epsUniversal,
    Kd: model.system.Kd,
  };
  return { gen: 1, header, slots: points, points, spansRange: true, complete: true };
}

describe('deep export tables', () => {
  const curve = curveOf('ones', [1, 2, 4]);

  it('ε(α): one row per α, the equilibrium value and every branch with f and convergence', () => {
    const t = deepEpsTable(curve);
    expect(t.columns.slice(0, 4)).toEqual(['alpha', 'eps_opt', 'equilibrium', 'f_opt']);
    expect(t.rows).toHaveLength(3);
    const col = (name: string) => t.columns.indexOf(name);
    const at2 = t.rows[1];
    expect(at2[col('equilibrium')]).toBe('layer1');
    expect(at2[col('eps_opt')] as number).toBeCloseTo(0.2334, 3);
    expect(at2[col('eps_universal')] as number).toBeCloseTo(0.29831374228, 10); // 1 − μ1⁴ by adaptive quadrature (scipy)
    // The equilibrium has the largest f among converged branches.
    for (const r of t.rows) {
      for (const b of ['universal', 'layer1', 'product', 'specialised']) {
        if (r[col(`converged_${b}`)])
          expect(r[col(`f_${b}`)] as number).toBeLessThanOrEqual((r[col('f_opt')] as number) + 1e-12);
      }
    }
  });

  it('overlaps: the means, and Q2:1 per readout value when there are several', () => {
    const ones = deepOverlapTable(curve);
    expect(ones.columns).toEqual(['alpha', 'equilibrium', 'Q1_mean', 'Q2_mean', 'Q21_mean']);
    expect(ones.rows[1][2] as number).toBeCloseTo(0.2, 2); // mean Q1 ≈ 0.20 at α = 2 (docs/physics/mlp-deep.md §9)
    const rad = deepOverlapTable(curveOf('rad', [3]));
    expect(rad.columns.slice(5).sort()).toEqual(['Q21_v-1', 'Q21_v1']);
    expect(rad.rows[0][5]).toBeCloseTo(rad.rows[0][4] as number, 10); // ±1 share one class
  });

  it('profile: Q1 per |s| class at the grid point nearest the selected α', () => {
    const t = deepProfileTable(curve, 2.1)!;
    expect(t.rows).toHaveLength(curve.header.s.length);
    const q1 = t.rows.map((r) => r[1] as number);
    // Large-|s| neurons specialise first: Q1 is non-decreasing in |s| at the layer-1 point.
    for (let i = 1; i < q1.length; i++) expect(q1[i]).toBeGreaterThanOrEqual(q1[i - 1] - 1e-9);
    expect(q1[0]).toBeLessThan(1e-12); // small-|s| classes not specialised (the solver never clamps to an exact 0)
    expect(q1[q1.length - 1]).toBeGreaterThan(0.9);
  });

  it('CSV header line carries the CLI flags and the link that reopens the view', () => {
    const ctx = deepContext({ ...DEEP_UI_DEFAULTS, readout: 'ones' }, 'https://example.org/');
    const csv = toCsv(deepEpsTable(curve), ctx);
    expect(csv.split('\n')[0]).toMatch(
      /^# model=deep depth=2 activation=tanh2-unit activation2=tanh2-unit gamma=0\.5 gamma2=0\.5 delta=0\.2 readout=ones weights=gaussian quenched=false alpha=2 alpha-max=8 url=https:\/\/example\.org\/#model=deep&v=1&/,
    );
    expect(csv.trim().split('\n')).toHaveLength(2 + 3);
  });
});
