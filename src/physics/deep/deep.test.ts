// L = 2 saddle point (arXiv 2510.24616, Result 3; docs/physics/mlp-deep.md): stationarity of f, public values, limits.
import { ParamError } from '../errors';
import { describe, expect, it } from 'vitest';
import { getActivation } from '../activations';
import { evaluateConjugates, evaluatePrimal, freeEntropyOf, kd, newEval, type DeepSystem } from './deepSaddle';
import { getDeepModel } from './deepModel';
import type { DeepParams } from './deepParams';
import { pointKind, type DeepSolution } from './deepSolver';

const AUTHORS: Partial<DeepParams> = {
  activation: 'tanh2-unit',
  gamma: 0.5,
  gamma2: 0.5,
  delta: 0.2,
  readout: 'ones',
  weights: 'gaussian',
};

/** Largest |∂f/∂θ|/weight over every order parameter θ (weight: the probability θ enters f with). */
function stationarity(sys: DeepSystem, alpha: number, sol: DeepSolution, perturbQ21hat = 1, stride = 1): number {
  const S = sys.s2.length;
  const V = sys.v2.length;
  const x = { Q1: Float64Array.from(sol.Q1), Q2: Float64Array.from(sol.Q2), Q21: Float64Array.from(sol.Q21) };
  const ev = newEval(sys);
  evaluatePrimal(sys, x, ev);
  evaluateConjugates(sys, alpha, x, ev);
  const hat = {
    Q1hat: Float64Array.from(ev.Q1hat),
    Q2hat: Float64Array.from(ev.Q2hat),
    Q21hat: Float64Array.from(ev.Q21hat).map((q) => q * perturbQ21hat),
  };
  const scratch = newEval(sys);
  const f = () => freeEntropyOf(sys, alpha, x, hat, scratch);
  let worst = 0;
  let count = 0;
  const probe = (arr: Float64Array, k: number, weight: number, upper = Infinity) => {
    if (weight < 1e-4 || count++ % stride !== 0) return; // far tail of the s grid: rounding dominates
    const keep = arr[k];
    // Q = 1 to machine precision (binary weights recover rows perfectly): T_v → 1 and ι(τ(T)) ~ −½ ln(1 − T)
    // leaves no room for a finite difference; stationarity there is a limit, not an interior condition.
    if (keep >= upper - 1e-9) return;
    let d: number;
    if (keep <= 0 || keep >= upper - 1e-4) {
      // On the boundary of the domain (Q = 0 and Q̂ = 0 where ι and ψ end; Q = 1): second-order one-sided
      // difference, with a step wide enough that the g tables' 1e−9 interpolation error (magnified near q = 1,
      // where they are tabulated in √(1 − q)) does not show.
      const h = keep <= 0 ? 1e-4 : -Math.min(1e-4, 0.2 * keep);
      const f0 = f();
      arr[k] = keep + h;
      const f1 = f();
      arr[k] = keep + 2 * h;
      const f2 = f();
      d = (-3 * f0 + 4 * f1 - f2) / (2 * h);
    } else {
      const h = Math.min(1e-6, 0.5 * keep);
      arr[k] = keep + h;
      const fp = f();
      arr[k] = keep - h;
      const fm = f();
      d = (fp - fm) / (2 * h);
    }
    arr[k] = keep;
    worst = Math.max(worst, Math.abs(d) / weight);
  };
  for (let i = 0; i < S; i++) {
    if (!sys.quenched) {
      probe(x.Q1, i, sys.ps[i], 1);
      probe(hat.Q1hat, i, sys.ps[i]);
    }
    for (let v = 0; v < V; v++) {
      probe(x.Q2, v * S + i, sys.ps[i] * sys.pv[v], 1);
      probe(hat.Q2hat, v * S + i, sys.ps[i] * sys.pv[v]);
    }
  }
  for (let v = 0; v < V; v++) {
    probe(x.Q21, v, sys.pv[v], 1);
    probe(hat.Q21hat, v, sys.pv[v]);
  }
  return worst;
}

describe('L = 2: activations and covariances', () => {
  it('tanh2-unit has the Hermite coefficients of mlp-deep.md and unit variance', () => {
    const a = getActivation('tanh2-unit');
    expect(a.Esigma2).toBe(1);
    const want = [0, 0.915241581, 0, -0.77033316];
    for (let l = 0; l < 4; l++) expect(Math.abs(a.mu[l] - want[l])).toBeLessThan(1e-8);
    expect(Math.abs(a.mu[5] - 1.96127188)).toBeLessThan(1e-7);
    expect(Math.abs(a.mu[1] ** 2 + a.g1 - 1)).toBeLessThan(1e-12);
  });

  it('K_d = 1 for unit-variance identical layers, and G(G(1)) in general', () => {
    for (const name of ['tanh2-unit', 'h3', 'linear']) {
      const a = getActivation(name);
      expect(Math.abs(kd(a.mu[1], a.mu[1], a.g, a.g) - 1)).toBeLessThan(1e-12);
    }
    const e = getActivation('erf');
    const G = (q: number) => e.mu[1] ** 2 * q + e.g(q);
    expect(Math.abs(kd(e.mu[1], e.mu[1], e.g, e.g) - G(G(1)))).toBeLessThan(1e-12);
  });

  it('refuses activations outside hypothesis H2 (μ0 = μ2 = 0) with a clear reason', () => {
    expect(() => getDeepModel({ ...AUTHORS, activation: 'relu' })).toThrow(ParamError);
    expect(() => getDeepModel({ ...AUTHORS, activation: 'relu' })).toThrow(
      /layer 1 activation relu has μ0 = .* μ2 = .*μ0 = μ2 = 0/,
    );
    expect(() => getDeepModel({ ...AUTHORS, activation2: 'h23' })).toThrow(/layer 2 activation h23 has μ2/);
    expect(() => getDeepModel({ ...AUTHORS, activation: 'expr:2*tanh(x)' })).toThrow(/E σ² = 1\.577 ≠ 1/);
    // sin(8x): E σ² = (1 − e^{−128})/2 = ½; it gave ε ≈ 6e−15 at every α before (issue 21).
    expect(() => getDeepModel({ ...AUTHORS, activation: 'expr:sin(8*x)' })).toThrow(
      /E σ² = 0\.5000 ≠ 1.*divide σ by 0\.707107/,
    );
    expect(() => getDeepModel({ ...AUTHORS, activation: 'erf' })).toThrow(/unit-variance/);
    // Only the first layer feeds another layer: the last may have any variance.
    expect(() => getDeepModel({ ...AUTHORS, activation2: 'erf' })).not.toThrow();
  });
});

describe('L = 2: public values of the authors’ setting', () => {
  const model = getDeepModel(AUTHORS);

  it('the universal plateau is 1 − μ1⁴ at every α', () => {
    const mu1 = getActivation('tanh2-unit').mu[1];
    expect(Math.abs(model.epsUniversal - (1 - mu1 ** 4))).toBeLessThan(1e-12);
    // The spec printed 0.2983141, but 1 − 0.915241581⁴ = 0.2983137 (docs/physics/mlp-deep.md §9): 4e−7 high.
    expect(Math.abs(model.epsUniversal - 0.2983141)).toBeLessThan(1e-6);
    for (const alpha of [0.5, 3, 10])
      expect(model.solvePoint(alpha).branches.universal.eps).toBeCloseTo(1 - mu1 ** 4, 12);
  });

  it('α = 2: the equilibrium is the layer1-type point, ε ≈ 0.2334, mean Q1 ≈ 0.20, Q2 = Q2:1 = 0', () => {
    const pt = model.solvePoint(2);
    expect(pt.equilibrium).toBe('layer1');
    const eq = pt.eq;
    expect(eq.converged).toBe(true);
    expect(Math.abs(eq.eps - 0.2334)).toBeLessThan(1e-4); // "grid-sensitive at the 1e−4 level"
    expect(Math.abs(eq.Q1mean - 0.2)).toBeLessThan(0.005);
    expect(eq.Q2mean).toBe(0);
    expect(eq.Q21mean).toBe(0);
    // Neurons with large |s| specialise first.
    expect(eq.Q1[eq.Q1.length - 1]).toBeGreaterThan(0.9);
    // Small-|s| classes decay to 0 geometrically (no longer clamped to an exact 0 by an extrapolated step).
    expect(eq.Q1[0]).toBeLessThan(1e-12);
  });

  it('α = 6: a genuine product branch with Q2:1 ≈ 0.84 and Q1 = Q2 = 0', () => {
    const p = model.solvePoint(6).branches.product;
    expect(p.converged).toBe(true);
    expect(pointKind(p)).toBe('product');
    expect(Math.abs(p.Q21mean - 0.84)).toBeLessThan(0.01);
    expect(p.Q1mean).toBe(0);
    expect(p.Q2mean).toBe(0);
  });

  it('Q1 rises before Q2 along the equilibrium, and ε falls', () => {
    let firstQ1: number | null = null;
    let firstQ2: number | null = null;
    let lastEps = Infinity;
    for (let alpha = 0.25; alpha <= 6; alpha += 0.25) {
      const pt = model.solvePoint(alpha);
      const eq = pt.eq;
      if (firstQ1 === null && eq.Q1mean > 0.01) firstQ1 = alpha;
      if (firstQ2 === null && eq.Q2mean > 0.01) firstQ2 = alpha;
      expect(eq.eps).toBeLessThanOrEqual(lastEps + 1e-9);
      lastEps = eq.eps;
    }
    expect(firstQ1).not.toBeNull();
    expect(firstQ2).not.toBeNull();
    expect(firstQ1 as number).toBeLessThan(firstQ2 as number);
  });
});

describe('L = 2: quenched first layer', () => {
  it('pins Q1 ≡ 1; its plateau is K_d − (μ1⁽¹⁾μ1⁽²⁾)² − μ1⁽²⁾² g⁽¹⁾(1)', () => {
    const model = getDeepModel({ ...AUTHORS, quenched: true });
    const a = getActivation('tanh2-unit');
    expect(Math.abs(model.epsUniversal - (1 - a.mu[1] ** 4 - a.mu[1] ** 2 * a.g1))).toBeLessThan(1e-12);
    const pt = model.solvePoint(1.5);
    for (const b of ['universal', 'layer1', 'product', 'specialised'] as const)
      expect(pt.branches[b].Q1.every((q) => q === 1)).toBe(true);
    // With the first layer given, the second is learnt from fewer samples than without (ε below the unquenched one).
    expect(pt.eq.eps).toBeLessThan(getDeepModel(AUTHORS).solvePoint(1.5).eq.eps);
  });
});

describe('L = 2: ∂f = 0 at the fixed points (catches the notebooks’ prefactor slips)', () => {
  const cases: Array<[string, Partial<DeepParams>, number[], number?]> = [
    ['different activations, ones readout', { ...AUTHORS, activation2: 'erf' }, [3, 5]],
    [
      'different widths γ1 ≠ γ2, rad readout',
      {
        activation: 'expr:erf(x)/0.6815856911625566', // E erf(z)² = (2/π) asin(2/3): unit variance
        activation2: 'tanh2-unit',
        gamma: 0.4,
        gamma2: 0.9,
        delta: 0.1,
        readout: 'rad',
        weights: 'gaussian',
      },
      [2.5, 4],
    ],
    [
      'Gaussian readouts (scalar channel), Rademacher W',
      {
        activation: 'tanh2-unit',
        activation2: 'h3',
        gamma: 0.7,
        gamma2: 0.3,
        delta: 0.3,
        readout: 'gauss',
        weights: 'rademacher',
      },
      [3],
      37,
    ],
    ['quenched first layer', { ...AUTHORS, gamma2: 0.9, activation2: 'erf', quenched: true }, [1.5]],
  ];
  for (const [name, params, alphas, stride] of cases) {
    it(name, () => {
      const model = getDeepModel(params);
      for (const alpha of alphas) {
        const pt = model.solvePoint(alpha);
        for (const b of ['specialised', 'layer1', 'product'] as const) {
          const sol = pt.branches[b];
          expect(sol.converged).toBe(true);
          expect(stationarity(model.system, alpha, sol, 1, stride)).toBeLessThan(1e-5);
        }
        // The test can fail: a 1 % slip in the factor of Q̂2:1 breaks stationarity where Q̂2:1 ≠ 0.
        const spec = pt.branches.specialised;
        if (spec.Q21mean > 0.1) expect(stationarity(model.system, alpha, spec, 1.01, stride)).toBeGreaterThan(1e-4);
      }
    });
  }
});

describe('L = 2: perfect recovery (T_v = 1, τ_v = ∞)', () => {
  it('has W_R = Q̂2:1 and a finite f (the ι-difference vanishes) instead of 0/0 and ∞ − ∞', () => {
    // Binary weights reach Q = 1 exactly at finite α; before, f was NaN there and the informative start was dropped.
    const model = getDeepModel({ ...AUTHORS, weights: 'rademacher' });
    const sys = model.system;
    const x = {
      Q1: new Float64Array(sys.s2.length).fill(1),
      Q2: new Float64Array(sys.s2.length * sys.v2.length).fill(1),
      Q21: new Float64Array(sys.v2.length).fill(1),
    };
    const ev = newEval(sys);
    evaluatePrimal(sys, x, ev);
    expect(ev.tau[0]).toBe(Infinity);
    evaluateConjugates(sys, 3, x, ev);
    expect(ev.WR[0]).toBe(ev.Q21hat[0]);
    expect(ev.Q21hat[0]).toBeGreaterThan(0);
    expect(Number.isFinite(freeEntropyOf(sys, 3, x, ev, newEval(sys)))).toBe(true);
  });
});

describe('L = 2: no NaN over a grid of (α, γ1, γ2, Δ)', () => {
  it('every branch is finite, converged, and ε lies in [0, K_d]', () => {
    // Narrow and wide layers in both orders, small and large noise, every readout kind (tables and scalar channel).
    const grid: Array<Partial<DeepParams>> = [
      { gamma: 0.25, gamma2: 1.2, delta: 0.01, readout: 'ones' },
      { gamma: 1.5, gamma2: 0.3, delta: 1, readout: 'ones' },
      { gamma: 0.25, gamma2: 0.3, delta: 1, readout: 'gauss' },
      { gamma: 1.5, gamma2: 1.2, delta: 0.01, readout: 'rad' },
    ];
    for (const g of grid) {
      {
        {
          const model = getDeepModel({ ...AUTHORS, ...g });
          for (const alpha of [0.05, 1, 4, 20]) {
            const pt = model.solvePoint(alpha);
            for (const sol of Object.values(pt.branches)) {
              expect(Number.isFinite(sol.eps) && Number.isFinite(sol.f)).toBe(true);
              expect(sol.eps).toBeGreaterThanOrEqual(-1e-12);
              expect(sol.eps).toBeLessThanOrEqual(model.system.Kd + 1e-12);
              for (const q of [...sol.Q1, ...sol.Q2, ...sol.Q21]) expect(q >= 0 && q <= 1).toBe(true);
            }
            expect(pt.eq.converged).toBe(true);
          }
        }
      }
    }
  });
});
