// The continuum of readout classes for `gauss`, solved exactly where Q(v) is explicit, against the solver's classes
// (issue 15 §1; docs/physics/mlp-shallow.md §7). For h23 (g′(q) = q²/2) with Gaussian W (m_W = q̂/(1 + q̂)), given the
// global order parameters each u = v² solves Q = m_W(c1 Q + c2 Q²), c1 = uA/γ (A the matrix term), c2 = uα/(2γD):
// besides Q = 0 the roots of c2 Q² + (c1 − c2) Q + 1 − c1 = 0; the informative start follows the upper one where it
// is positive: for k2 > k1 (c_i = k_i u) from its fold u_f = 4k2/(k1 + k2)² on, with a square-root singularity there
// (Q(u) jumps at u_f); for k1 ≥ k2 it rises continuously from Q = 0 at u = 1/k1 (below, both roots are negative).
// E_u[·] over u ~ χ²₁ is taken exactly by Gauss–Legendre in s, u = u_f + s² (smooth in s).

import { describe, expect, it } from 'vitest';
import { gaussLegendre } from '../numerics/gaussHermite';
import { maximise } from '../numerics/maximise';
import { solveContinuum, type ContinuousLaw } from './readoutContinuum';
import { solveFromStart, solveR2hat } from './shallow';
import { getShallowModel } from './shallowModel';

const gl = gaussLegendre(24);

/** E_u[f(u); u > uf] for u ~ χ²₁, by 60 Gauss–Legendre panels in s = √(u − uf) up to u = uf + 90. */
function chi2Above(f: (u: number) => number, uf: number): number {
  const sMax = Math.sqrt(90);
  let acc = 0;
  for (let k = 0; k < 60; k++) {
    const a = (k * sMax) / 60;
    const h = sMax / 120;
    for (let i = 0; i < gl.x.length; i++) {
      const s = a + h * (1 + gl.x[i]);
      const u = uf + s * s;
      acc += h * gl.w[i] * f(u) * (Math.exp(-u / 2) / Math.sqrt(2 * Math.PI * u)) * 2 * s;
    }
  }
  return acc;
}

describe('gauss readouts: the continuum of classes (h23, Gaussian W, Δ = 0.1, γ = 0.5, informative start)', () => {
  const model = getShallowModel({ activation: 'h23', gamma: 0.5, delta: 0.1, readout: 'gauss', weights: 'gaussian' });
  const sys = model.system;
  const { gamma, table } = sys;

  /** The informative branch of the continuum: damped fixed point on (M, G) = (E v²Q², E v² g(Q)). */
  const continuum = (alpha: number) => {
    let M = 0.6;
    let G = 0.08;
    let r = 1;
    let eps = NaN;
    for (let it = 0; it < 3000; it++) {
      const tau = table.mSInverse(M);
      r = solveR2hat(sys, alpha, tau, G, r).r;
      eps = 0.5 * sys.mu2sq * (1 - table.mS(tau + r)) + sys.g1 - G;
      const k1 = table.gain(tau, r) / gamma;
      const k2 = alpha / (2 * gamma * (sys.delta + eps));
      const uf = k1 >= k2 ? 1 / k1 : (4 * k2) / (k1 + k2) ** 2;
      const Q = (u: number) => {
        const disc = u * ((k1 + k2) ** 2 * u - 4 * k2);
        return Math.max(0, (k2 * u - k1 * u + Math.sqrt(Math.max(0, disc))) / (2 * k2 * u));
      };
      const Mn = chi2Above((u) => u * Q(u) ** 2, uf);
      const Gn = chi2Above((u) => u * sys.g(Q(u)), uf);
      if (Math.abs(Mn - M) + Math.abs(Gn - G) < 1e-14) break;
      M += 0.3 * (Mn - M);
      G += 0.3 * (Gn - G);
    }
    return { eps, M, G, r };
  };

  it('gives ε = 0.2318326, 0.0606460, 0.0272990 at α = 0.4, 1.04, 2', () => {
    // α = 1.04, 2: the values from a 420-node m_S table to λ = 2·10⁴ (docs/physics/mlp-shallow.md §7); the model's own
    // table (2e−7 of the exact m_S, coarser m_S′) moves them by 2.5e−6 relative. α = 0.4 (k1 > k2, continuous rise
    // from Q = 0) on the model's table: the 420-node value 0.23182416 kept the negative roots below u = 1/k1.
    const want = [0.2318326, 0.06064605, 0.02729901];
    [0.4, 1.04, 2].forEach((alpha, i) => expect(Math.abs(continuum(alpha).eps / want[i] - 1)).toBeLessThan(5e-6));
  });

  it('solveContinuum (any g and P_W, fold found numerically) agrees with the closed form to 1e−7', () => {
    for (const alpha of [0.4, 1.04, 2]) {
      const exact = continuum(alpha);
      const sol = solveContinuum(sys, 'gauss', alpha, { M: 0.9 * exact.M, G: 0.9 * exact.G, R2hat: exact.r });
      expect(sol.converged).toBe(true);
      expect(Math.abs(sol.eps / exact.eps - 1)).toBeLessThan(1e-7);
      expect(Math.abs(sol.M - exact.M)).toBeLessThan(1e-7);
    }
  });

  it('the model (classes, then the continuum) gives the closed form’s ε on its specialised branch', () => {
    // Here the equilibrium cutoff is the fold itself (Δφ ≥ 0 there, or Q = 0 already unstable): the Maxwell cut of
    // the model and the informative branch of the closed form coincide.
    for (const alpha of [0.4, 1.04, 2]) {
      const exact = continuum(alpha);
      const spec = model.solvePoint(alpha).specialised;
      expect(spec).not.toBeNull();
      expect(Math.abs((spec as { eps: number }).eps / exact.eps - 1)).toBeLessThan(1e-7);
    }
  });

  it('the solver’s 48 equal-mass classes are off by +1.5 %, +0.5 %, +0.35 % (the jump of Q(v) at the fold)', () => {
    // A class straddles the fold u_f, where Q(u) jumps; equal-mass or Gauss nodes converge only like the class width
    // there. Why the continuum is solved through its global parameters (readoutContinuum.ts).
    const Q0 = new Float64Array(sys.v2.length).fill(0.8);
    for (const [alpha, lo, hi] of [
      [0.4, 0.014, 0.017],
      [1.04, 0.004, 0.006],
      [2, 0.003, 0.004],
    ]) {
      const off = solveFromStart(sys, alpha, Q0).eps / continuum(alpha).eps - 1;
      expect(off).toBeGreaterThan(lo);
      expect(off).toBeLessThan(hi);
    }
  });
});

describe('solveContinuum converges: doubling the resolution moves ε, f and Q(v) by < 1e−7 (fold and Maxwell cut)', () => {
  const cases: Array<[string, ContinuousLaw, 'gaussian' | 'rademacher', number[]]> = [
    ['h23', 'gauss', 'gaussian', [0.4, 1.04, 2]],
    ['h23', 'unif', 'gaussian', [0.4, 1.04, 2]],
    ['tanh2', 'gauss', 'rademacher', [2]],
    ['tanh2', 'gauss', 'gaussian', [2]],
  ];
  for (const [activation, law, weights, alphas] of cases) {
    it(`${activation}, ${law}, ${weights} W, Δ = 0.1, γ = 0.5`, () => {
      const sys = getShallowModel({ activation, gamma: 0.5, delta: 0.1, readout: law, weights }).system;
      for (const alpha of alphas) {
        const start = { M: 0.5, G: 0.05, R2hat: 1 };
        for (const cut of [0, 'maxwell'] as const) {
          const a = solveContinuum(sys, law, alpha, start, cut);
          const b = solveContinuum(sys, law, alpha, start, cut, { perPanel: 4, nodes: 24 });
          expect(a.converged && b.converged).toBe(true);
          expect(a.uFold).toBeLessThan(law === 'unif' ? 3 : Infinity);
          expect(Math.abs(a.eps / b.eps - 1)).toBeLessThan(1e-7);
          expect(Math.abs(a.f - b.f)).toBeLessThan(1e-7);
          for (const u of [a.uLow * 1.01, 1, 2.5])
            expect(Math.abs(a.overlapAt(u).Q - b.overlapAt(u).Q)).toBeLessThan(1e-7);
        }
      }
    });
  }
});

describe('solveContinuum with Rademacher W and ReLU (g′ not smooth at Q = 1, Q → 1 within a few units of q̂)', () => {
  it('converges, and lies within the 48 classes’ discretisation error of their ε', () => {
    const sys = getShallowModel({
      activation: 'relu',
      gamma: 1.5,
      delta: 1e-3,
      readout: 'gauss',
      weights: 'rademacher',
    }).system;
    for (const alpha of [0.7, 2.5]) {
      const cls = solveFromStart(sys, alpha, new Float64Array(sys.v2.length).fill(0.99));
      let M = 0;
      let G = 0;
      for (let c = 0; c < sys.v2.length; c++) {
        M += sys.pv[c] * sys.v2[c] * cls.Q[c] ** 2;
        G += sys.pv[c] * sys.v2[c] * sys.g(cls.Q[c]);
      }
      const sol = solveContinuum(sys, 'gauss', alpha, { M, G, R2hat: cls.R2hat });
      expect(sol.converged).toBe(true);
      expect(Math.abs(sol.eps / cls.eps - 1)).toBeLessThan(0.1);
    }
  });
});

describe('the equilibrium cutoff of a continuous law (Maxwell cut, docs/physics/mlp-shallow.md §7)', () => {
  // tanh(2x) (g′(Q) = O(Q²), so Q = 0 is stable at every v) with Gaussian W and `gauss` readouts, Δ = 0.1, γ = 0.5,
  // α = 2: every cutoff u_c above the fold u_f = 0.5581 is a stationary point; f(u_c) rises from the fold to a
  // maximum and then falls. Before, the model sampled u_c at the fold and at 8 class boundaries (0.96, 1.63, …) and
  // reported the fold: ε = 0.0258914, 1.4 % below the equilibrium.
  const sys = getShallowModel({
    activation: 'tanh2',
    gamma: 0.5,
    delta: 0.1,
    readout: 'gauss',
    weights: 'gaussian',
  }).system;
  const alpha = 2;
  const start = { M: 0.5, G: 0.1, R2hat: 1 };

  it('the cut of largest f, found by maximising f(u_c) directly, is where solveContinuum(…, "maxwell") puts it', () => {
    const fold = solveContinuum(sys, 'gauss', alpha, start, 0);
    const mx = solveContinuum(sys, 'gauss', alpha, start, 'maxwell');
    expect(fold.converged && mx.converged).toBe(true);
    const fOf = (uc: number) => solveContinuum(sys, 'gauss', alpha, { M: mx.M, G: mx.G, R2hat: mx.R2hat }, uc).f;
    const best = maximise(fOf, fold.uFold, fold.uFold + 0.5, 12, 1e-7);
    // f is flat (quadratic) at its maximum, so its argmax is known only to ~√(1e−16/f″) ≈ 1e−6 here.
    expect(Math.abs(best.x - mx.uLow)).toBeLessThan(1e-5);
    expect(Math.abs(best.value - mx.f)).toBeLessThan(1e-12);
    expect(mx.uLow).toBeGreaterThan(fold.uFold + 0.04); // a real cut, not the fold
    expect(mx.f - fold.f).toBeGreaterThan(5e-5);
    expect(mx.eps).toBeCloseTo(0.0262654, 6);
    expect(fold.eps).toBeCloseTo(0.0258914, 6);
  });

  it('df/du_c = −(γ/α) p(u_c) Δφ(u_c): f falls on both sides of the cut (finite differences)', () => {
    const mx = solveContinuum(sys, 'gauss', alpha, start, 'maxwell');
    const near = { M: mx.M, G: mx.G, R2hat: mx.R2hat, near: true };
    const f = (uc: number) => solveContinuum(sys, 'gauss', alpha, near, uc).f;
    for (const du of [0.02, 0.05]) {
      expect(f(mx.uLow - du)).toBeLessThan(mx.f);
      expect(f(mx.uLow + du)).toBeLessThan(mx.f);
    }
  });

  it('the model reports the Maxwell-cut continuum as the equilibrium, one specialised branch', () => {
    const m = getShallowModel({ activation: 'tanh2', gamma: 0.5, delta: 0.1, readout: 'gauss', weights: 'gaussian' });
    const pt = m.solvePoint(alpha);
    const mx = solveContinuum(sys, 'gauss', alpha, start, 'maxwell');
    expect(pt.equilibrium).toBe('specialised');
    expect(Math.abs(pt.eps / mx.eps - 1)).toBeLessThan(1e-8);
    expect(pt.stationary).toHaveLength(1);
  });
});

describe('Gaussian readouts: a tail of large |v| specialises at every α > 0 (docs/physics/mlp-shallow.md §7)', () => {
  const model = getShallowModel({ activation: 'tanh2', gamma: 0.5, delta: 0.1, readout: 'gauss', weights: 'gaussian' });
  const epsUni = 0.10312; // tanh(2x) has μ2 = 0: the universal ε learns nothing quadratic, 0.10312 at every α

  it('below the last class (u ≈ 5.5) the equilibrium is the tail branch: cold and continued solves agree', () => {
    // Continued down from α = 0.33 by hand: M = 0.0914 at 0.33, 0.0153 at 0.2027, 2.2e−4 at 0.1058.
    let warm = model.solvePoint(0.33);
    for (const alpha of [0.3, 0.25, 0.2027, 0.15, 0.1058]) {
      warm = model.solvePoint(alpha, warm);
      const cold = model.solvePoint(alpha);
      expect(cold.equilibrium).toBe('specialised');
      expect(Math.abs(cold.eps / warm.eps - 1)).toBeLessThan(1e-8);
      expect(cold.eps).toBeLessThan(epsUni);
    }
    const at = (alpha: number) => model.system.table.mS((model.solvePoint(alpha).specialised as { tau: number }).tau);
    expect(at(0.2027)).toBeCloseTo(0.01525, 4);
    expect(Math.abs(at(0.1058) / 2.228e-4 - 1)).toBeLessThan(1e-2);
    // ε 1 % below the universal value at α = 0.2, where the solver used to report the universal branch.
    expect(1 - model.solvePoint(0.2).eps / epsUni).toBeGreaterThan(0.009);
  });

  it('the transition scan calls it a continuous rise, with no jump', () => {
    const tr = model.transition(4);
    expect(tr.order).toBe('continuous');
    expect(tr.jumps).toEqual([]);
    expect(tr.alphaOnset as number).toBeLessThan(0.1);
    expect(model.notes.some((n) => /Gaussian readouts have readout weights of every size/.test(n))).toBe(true);
  });
});

describe('a start whose Newton steps end clamped at M = 0 stops early, without changing any solution', () => {
  // ReLU, Gaussian readouts, γ = 1.31, α = 4: the informative start (Q = 0.99 at every v) steps to M < 0, is clamped
  // to M = 0 and from there points below 0 again; it used to run to the 60-iteration cap (≈ 170 sweeps) at every
  // such α, which made the phase rows above γ ≈ 1 three times slower.
  const model = getShallowModel({ activation: 'relu', gamma: 1.31, delta: 0.1, readout: 'gauss', weights: 'gaussian' });
  const sys = model.system;
  const alpha = 4;

  it('reports no convergence within a few iterations', () => {
    const uni = model.solvePoint(alpha).universal;
    const sol = solveContinuum(sys, 'gauss', alpha, { M: 0.99 * 0.99, G: sys.g(0.99), R2hat: uni.R2hat }, 'maxwell');
    expect(sol.converged).toBe(false);
    expect(sol.M).toBe(0);
    expect(sol.iterations).toBeLessThan(10);
  });

  it('the branch continued along α is still found there, and a cold solve agrees with it', () => {
    let warm = model.solvePoint(0.5);
    for (const a of [1, 2, 3, 3.5, 4]) warm = model.solvePoint(a, warm);
    const cold = model.solvePoint(alpha);
    for (const p of [warm, cold]) {
      expect(p.equilibrium).toBe('specialised');
      expect(p.stationary).toHaveLength(1);
    }
    expect(warm.specialised?.M).toBeGreaterThan(0.3);
    expect(Math.abs((warm.specialised?.M as number) - (cold.specialised?.M as number))).toBeLessThan(1e-8);
  });
});

describe('continuous laws: cold starts find the branch continuation follows (issue 15 §3; mlp-shallow.md §7)', () => {
  // Where the informative start (Q = 0.99) falls to Q = 0 or fails and nothing else is known at α, a start at
  // Q = 0.5 is tried. Before it, a cold solve reported the universal branch at these points while the continued
  // branch (larger f) existed: 88 of 1800 (law × prior × γ × α) points disagreed, none now.
  const cases: Array<[string, 'gauss' | 'unif', 'gaussian' | 'rademacher', number, number, number[]]> = [
    ['relu', 'unif', 'gaussian', 1.5, 0.1, [2.79, 3.61]],
    ['relu', 'unif', 'rademacher', 0.8, 0.1, [0.87]],
    ['h23', 'unif', 'gaussian', 0.8, 1.25, [1.15, 1.42]],
    ['h2', 'gauss', 'rademacher', 1.5, 1.25, [2.5, 5, 8]],
  ];
  for (const [activation, readout, weights, gamma, delta, alphas] of cases)
    it(`${activation}, ${readout}, ${weights} W, γ = ${gamma}: cold = continued, on the specialised branch`, () => {
      const model = getShallowModel({ activation, gamma, delta, readout, weights });
      let warm = model.solvePoint(0.05);
      for (let a = 0.3; a < alphas[alphas.length - 1]; a += 0.3) warm = model.solvePoint(a, warm);
      for (const alpha of alphas) {
        warm = model.solvePoint(alpha, warm);
        const cold = model.solvePoint(alpha);
        for (const p of [warm, cold]) {
          expect(p.equilibrium).toBe('specialised');
          expect(p.eps).toBeLessThan(p.epsUni);
        }
        expect(Math.abs(cold.eps / warm.eps - 1)).toBeLessThan(1e-8);
      }
    });

  it('h2, gauss, binary W, γ = 1.5: Gaussian readouts specialise from the smallest α, as for every σ', () => {
    const model = getShallowModel({
      activation: 'h2',
      gamma: 1.5,
      delta: 1.25,
      readout: 'gauss',
      weights: 'rademacher',
    });
    const tr = model.transition(8);
    expect(tr.order).toBe('continuous');
    expect(tr.alphaOnset as number).toBeLessThan(0.1); // was 2.28: the tail branch had been missed
  });
});

describe('a probe that reaches a solution already found stops there', () => {
  it('stops within 1e−7 of the known (M, G), not converged, marked atKnown; without `known` it converges there', () => {
    const model = getShallowModel({
      activation: 'relu',
      gamma: 0.5,
      delta: 0.1,
      readout: 'gauss',
      weights: 'gaussian',
    });
    const sys = model.system;
    const alpha = 1.96;
    const uni = model.solvePoint(alpha).universal;
    const start = { M: 0.99 * 0.99, G: sys.g(0.99), R2hat: uni.R2hat };
    const full = solveContinuum(sys, 'gauss', alpha, start, 'maxwell');
    expect(full.converged).toBe(true);
    const known = [{ M: full.M, G: full.G }];
    const cut = solveContinuum(sys, 'gauss', alpha, { ...start, known }, 'maxwell');
    expect(cut.atKnown).toBe(true);
    expect(cut.converged).toBe(false);
    expect(cut.iterations).toBeLessThan(full.iterations);
    expect(Math.abs(cut.M - full.M)).toBeLessThan(1e-7);
    // A known point elsewhere does not stop it.
    const elsewhere = solveContinuum(sys, 'gauss', alpha, { ...start, known: [{ M: 0.3, G: full.G }] }, 'maxwell');
    expect(elsewhere.converged).toBe(true);
    expect(elsewhere.M).toBe(full.M);
  });
});
