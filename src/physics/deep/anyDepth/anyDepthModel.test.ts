// The any-depth MLP theory (arXiv 2510.24616) against the public values of docs/physics/mlp-any-depth.md (from
// /work/shared/physics/mlp-any-depth.md, the authors' σ, γ_l = 1, v = 1, Δ = 0.1), closed forms, finite
// differences of f, and the L = 1 and L = 2 engines.
import { describe, expect, it } from 'vitest';
import { getDeepModel } from '../deepModel';
import { getShallowModel } from '../../mlp/shallowModel';
import { getAnyDepthModel, uniformLayers, type AnyDepthParams } from './anyDepthModel';
import { getLayerActivation, anyDepthRefusal } from './layerActivation';
import { freeEntropy } from './nested';

const paper = (L: number, over: Partial<AnyDepthParams> = {}) =>
  getAnyDepthModel({
    ...uniformLayers(L, { activation: 'tanh2-nolin', gamma: 1, delta: 0.1, readout: 'ones', weights: 'gaussian' }),
    ...over,
  });

// Typed He5/√120 = (x⁵ − 10x³ + 15x)/√120: μ0 = μ1 = μ2 = 0, E σ² = 1, g = q⁵ (the generic expression path).
const HE5 = 'expr:(x^5 - 10*x^3 + 15*x)/sqrt(120)';

describe('any-depth theory: public values (spec table, 10 digits)', () => {
  it('ε on the specialised branch at L = 1, 2 and the equilibrium', () => {
    const cases: [number, number, number, 'specialised' | 'universal'][] = [
      [1, 2, 0.1102732773, 'specialised'],
      [1, 5, 0.0253550298, 'specialised'],
      [2, 6, 0.0528082078, 'specialised'],
      [2, 4, 0.1186100352, 'universal'],
    ];
    for (const [L, alpha, eps, eq] of cases) {
      const pt = paper(L).solvePoint(alpha);
      expect(pt.specialised!.eps).toBeCloseTo(eps, 10);
      expect(pt.specialised!.converged).toBe(true);
      expect(pt.specialised!.residual).toBeLessThan(1e-11);
      expect(pt.equilibrium).toBe(eq);
      expect(pt.eq.eps).toBe(eq === 'universal' ? 1 : pt.specialised!.eps);
    }
  });

  it('L = 1: α_sp, α_e and ε at α_e', () => {
    const tr = paper(1).transition();
    expect(tr.spinodalSpec!).toBeCloseTo(1.474164601, 9);
    expect(tr.alphaSp!).toBeCloseTo(1.6021956119, 9);
    expect(tr.epsSp!).toBeCloseTo(0.2163603865, 9);
    expect(tr.converged).toBe(true);
  });

  it('He3/√6 at L = 1: α_sp, α_e, ε_e', () => {
    const tr = paper(1, { activations: ['h3'] }).transition();
    expect(tr.spinodalSpec!).toBeCloseTo(1.2013738915, 9);
    expect(tr.alphaSp!).toBeCloseTo(1.2812401959, 9);
    expect(tr.epsSp!).toBeCloseTo(0.3686465567, 9);
  });

  it('the branch is absent below α_sp and present just above; the window widens with depth', () => {
    const ratios: number[][] = [];
    for (const L of [1, 2, 3, 4, 5]) {
      const m = paper(L);
      const tr = m.transition();
      const sp = tr.spinodalSpec!;
      expect(m.specialised(sp * (1 - 1e-6))).toBeNull();
      const just = m.specialised(sp * (1 + 1e-6))!;
      expect(just.converged).toBe(true);
      expect(just.q[0]).toBeGreaterThan(0.5);
      // f_spec = f_0 at α_e
      expect(m.specialised(tr.alphaSp!)!.f).toBeCloseTo(m.universal(tr.alphaSp!).f, 10);
      ratios.push([sp / L, tr.alphaSp! / L]);
    }
    for (let i = 1; i < ratios.length; i++) {
      expect(ratios[i][1]).toBeGreaterThan(ratios[i - 1][1] + 0.3); // α_e/L moves right
      expect(Math.abs(ratios[i][0] - ratios[i - 1][0])).toBeLessThan(0.2); // α_sp/L barely moves
    }
  });
});

describe('any-depth theory: stationarity, limits and other engines', () => {
  it('∂f = 0 by finite differences in logit q at L = 1…5 (mixed activations and widths), ∂f ≠ 0 off the point', () => {
    const acts = ['tanh2-nolin', 'h3', HE5, 'tanh2-nolin', 'h3'];
    const gams = [0.7, 1.3, 0.5, 2, 1];
    for (let L = 1; L <= 5; L++) {
      const p: AnyDepthParams = {
        activations: acts.slice(0, L),
        gammas: gams.slice(0, L),
        delta: 0.15,
        readout: 'rad',
        weights: 'gaussian',
      };
      const m = getAnyDepthModel(p);
      const alpha = 1.5 * m.spinodal().alphaSp!;
      const sol = m.specialised(alpha)!;
      expect(sol.converged).toBe(true);
      const model = {
        layers: p.activations.map(getLayerActivation),
        weights: p.gammas.map((g, l) => g * (l ? p.gammas[l - 1] : 1)),
        delta: p.delta,
      };
      // Five-point central differences: truncation ~h⁴, and ~1e−13/h from f's evaluation noise (the nested tables).
      const grad = (x: number[]) =>
        x.map((_, l) => {
          const h = 3e-3;
          const at = (k: number) =>
            freeEntropy(
              model,
              alpha,
              x.map((v, m) => (m === l ? v + k * h : v)),
            );
          return (at(-2) - 8 * at(-1) + 8 * at(1) - at(2)) / (12 * h);
        });
      // ∂f/∂x_l = (w_l/2α) q_l(1 − q_l) [q̂_l − q_l/(1 − q_l)]: each of its two terms is of size (w_l/2α) q_l².
      const scale = sol.q.map((q, l) => (model.weights[l] / (2 * alpha)) * q * q);
      grad(sol.x).forEach((d, l) => expect(Math.abs(d)).toBeLessThan(1e-8 * scale[l]));
      const off = grad(sol.x.map((v) => v - 0.3));
      expect(Math.max(...off.map((d, l) => Math.abs(d) / scale[l]))).toBeGreaterThan(1e-2);
      expect(freeEntropy(model, alpha, sol.x)).toBeCloseTo(sol.f, 14);
    }
  });

  it('L = 2 equals the L = 2 engine (μ1 = 0): to 1e−12 with the same exact g (h3), to 3e−10 for tanh2-nolin', () => {
    // tanh2-nolin: the L = 2 engine reads g from the registry table, good to ~2e−9 (test above).
    for (const [act, tol] of [
      ['h3', 1e-12],
      ['tanh2-nolin', 3e-10],
    ] as const) {
      const old = getDeepModel({
        activation: act,
        activation2: act,
        gamma: 0.7,
        gamma2: 1.3,
        delta: 0.2,
        readout: 'ones',
        weights: 'gaussian',
        quenched: false,
      });
      const m = paper(2, { activations: [act, act], gammas: [0.7, 1.3], delta: 0.2 });
      for (const alpha of [6, 10]) {
        const b = old.solvePoint(alpha, { tol: 1e-14, maxIter: 200000 }).branches.specialised;
        const s = m.specialised(alpha)!;
        expect(Math.abs(b.eps - s.eps)).toBeLessThan(tol);
        expect(Math.abs(b.f - s.f)).toBeLessThan(3 * tol);
        expect(Math.abs(b.Q1mean - s.q[0])).toBeLessThan(tol);
        expect(Math.abs(b.Q2mean - s.q[1])).toBeLessThan(tol * 100);
      }
    }
  });

  it('L = 1 equals the shallow engine for admitted activations', () => {
    for (const [act, tol] of [
      ['h3', 1e-12],
      ['tanh2-nolin', 1e-10],
    ] as const) {
      const sh = getShallowModel({ activation: act, gamma: 0.7, delta: 0.2, readout: 'ones', weights: 'gaussian' });
      const m = paper(1, { activations: [act], gammas: [0.7], delta: 0.2 });
      for (const alpha of [1.5, 3, 6]) {
        const a = sh.solvePoint(alpha).specialised!;
        const b = m.specialised(alpha)!;
        expect(Math.abs(a.eps - b.eps)).toBeLessThan(tol);
        expect(Math.abs(a.f - b.f)).toBeLessThan(tol);
      }
    }
  });

  it('He5/√120 typed as an expression: g = q⁵ (closed form) through the generic table', () => {
    const a = getLayerActivation(HE5);
    for (const q of [0.2, 0.6, 0.95, 1]) {
      expect(a.g(q)).toBeCloseTo(q ** 5, 12);
      expect(a.gPrime(q)).toBeCloseTo(5 * q ** 4, 9);
    }
  });

  it('no NaN on a grid of (L, α, Δ, γ): every ε in [0, 1] and every solution converged', () => {
    for (const L of [1, 3, 6, 8])
      for (const delta of [0.01, 0.5, 3])
        for (const gamma of [0.3, 2]) {
          const m = paper(L, { delta, gammas: new Array<number>(L).fill(gamma) });
          for (const pt of m.curve([0.05, 0.7, 3, 12, 40, 150].map((a) => a * L))) {
            for (const s of [pt.eq, pt.specialised, pt.universal]) {
              if (!s) continue;
              expect(s.eps).toBeGreaterThanOrEqual(0);
              expect(s.eps).toBeLessThanOrEqual(1);
              expect(Number.isFinite(s.f)).toBe(true);
              expect(s.converged).toBe(true);
              for (const q of s.q) expect(q >= 0 && q <= 1).toBe(true);
            }
          }
        }
  });
});

describe('any-depth theory: what it refuses', () => {
  it('an activation outside the hypothesis, naming the coefficient', () => {
    expect(anyDepthRefusal('tanh2-unit')).toMatch(/μ1 = 0\.915/);
    expect(anyDepthRefusal('relu')).toMatch(/μ0 = 0\.398/);
    expect(anyDepthRefusal('expr:(x^3 - 3*x)/2')).toMatch(/E σ² = 1\.5/);
    expect(anyDepthRefusal('expr:abs(x)^3 - 2*sqrt(2/pi)*x*0')).not.toBeNull();
    expect(anyDepthRefusal('tanh2-nolin')).toBeNull();
    expect(anyDepthRefusal('h3')).toBeNull();
    expect(anyDepthRefusal(HE5)).toBeNull();
  });

  it('Rademacher W, other readouts, bad widths and depths', () => {
    expect(() => paper(3, { weights: 'rademacher' })).toThrow(/Gaussian W/);
    expect(() => paper(3, { readout: 'gauss' })).toThrow(/ones.*rad/);
    expect(() => paper(3, { gammas: [1, 1] })).toThrow(/3 widths/);
    expect(() => paper(9)).toThrow(/depth must be 1…8/);
    expect(() => paper(3, { delta: 0 })).toThrow(/Δ/);
  });
});
