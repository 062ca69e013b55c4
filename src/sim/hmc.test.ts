import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { Hmc, kinetic, leapfrog } from './hmc';
import { Rng } from '../physics/numerics/rng';
import type { ValueAndGrad } from './shallowTf';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// 2-D Gaussian target with covariance Σ = [[1, ρs], [ρs, s²]]: U = ½ xᵀ Σ⁻¹ x.
const s = 0.5;
const rho = 0.6;
const det = s * s * (1 - rho * rho);
const P = [
  [(s * s) / det, (-rho * s) / det],
  [(-rho * s) / det, 1 / det],
];
const gaussian: ValueAndGrad = (params) =>
  tf.tidy(() => {
    const x = params[0];
    const Pt = tf.tensor2d(P.flat(), [2, 2]);
    const g = tf.reshape(tf.matMul(Pt, tf.reshape(x, [2, 1])), [2]);
    return { value: tf.mul(tf.sum(tf.mul(x, g)), 0.5) as tf.Scalar, grads: [g] };
  });

// A non-Gaussian 1-D target U = x⁴/4: E x² = Γ(3/4)/Γ(1/4)·√4... computed by quadrature below.
const quartic: ValueAndGrad = (params) =>
  tf.tidy(() => {
    const x = params[0];
    return { value: tf.div(tf.sum(tf.pow(x, 4)), 4) as tf.Scalar, grads: [tf.pow(x, 3)] };
  });

function sample(
  vg: ValueAndGrad,
  x0: number[],
  opts: { stepSize: number; leapfrog: number; warmup: number; n: number; seed: number },
) {
  const init = [tf.tensor1d(x0)];
  const h = new Hmc(vg, init, new Rng(opts.seed), {
    stepSize: opts.stepSize,
    leapfrog: opts.leapfrog,
    targetAccept: 0.8,
    warmup: opts.warmup,
  });
  for (let i = 0; i < opts.warmup; i++) h.step();
  const xs: number[][] = [];
  let acc = 0;
  for (let i = 0; i < opts.n; i++) {
    acc += h.step().acceptProb;
    xs.push(Array.from(h.q[0].dataSync()));
  }
  const out = { xs, acceptance: acc / opts.n, stepSize: h.stepSize, divergences: h.divergences };
  h.dispose();
  init[0].dispose();
  return out;
}

describe('leapfrog', () => {
  it('is reversible: L steps, flip p, L steps returns to the start', () => {
    const q0 = [tf.tensor1d([0.7, -1.2])];
    const p0 = [tf.tensor1d([0.3, 0.9])];
    const g0 = gaussian(q0);
    const fwd = leapfrog(gaussian, q0, p0, g0.grads, 0.1, 25);
    const back = leapfrog(
      gaussian,
      fwd.q,
      fwd.p.map((p) => tf.neg(p)),
      fwd.grads,
      0.1,
      25,
    );
    const q = back.q[0].dataSync();
    const p = back.p[0].dataSync();
    expect(q[0]).toBeCloseTo(0.7, 5);
    expect(q[1]).toBeCloseTo(-1.2, 5);
    expect(-p[0]).toBeCloseTo(0.3, 5);
    expect(-p[1]).toBeCloseTo(0.9, 5);
  });

  it('energy error is second order in the step size', () => {
    const q0 = [tf.tensor1d([0.7, -1.2])];
    const p0 = [tf.tensor1d([0.3, 0.9])];
    const g0 = gaussian(q0);
    const H0 = g0.value.dataSync()[0] + kinetic(p0);
    const err = (eps: number) => {
      const r = leapfrog(gaussian, q0, p0, g0.grads, eps, Math.round(1 / eps));
      return Math.abs(r.U + kinetic(r.p) - H0);
    };
    const ratio = err(0.04) / err(0.02);
    expect(ratio).toBeGreaterThan(3); // ≈ 4 for a second-order integrator
    expect(ratio).toBeLessThan(5);
  });
});

describe('HMC samples the right distribution', () => {
  it('2-D correlated Gaussian: means, variances and covariance within Monte Carlo error', () => {
    // Trajectories near half the slow period (ε L ≈ 3.3 here with 8 steps) map x → −x and leave x² strongly
    // autocorrelated (an efficiency effect, not a bias): use 3 steps so that the bounds below are honest.
    const { xs, acceptance } = sample(gaussian, [2, -2], { stepSize: 0.2, leapfrog: 3, warmup: 200, n: 4000, seed: 1 });
    const n = xs.length;
    const m0 = xs.reduce((a, x) => a + x[0], 0) / n;
    const m1 = xs.reduce((a, x) => a + x[1], 0) / n;
    const v0 = xs.reduce((a, x) => a + x[0] * x[0], 0) / n;
    const v1 = xs.reduce((a, x) => a + x[1] * x[1], 0) / n;
    const c01 = xs.reduce((a, x) => a + x[0] * x[1], 0) / n;
    // 5σ bounds with a factor 2 for autocorrelation.
    const se = (v: number) => 10 * Math.sqrt(v / n);
    expect(Math.abs(m0)).toBeLessThan(se(1));
    expect(Math.abs(m1)).toBeLessThan(se(s * s));
    expect(Math.abs(v0 - 1)).toBeLessThan(se(2));
    expect(Math.abs(v1 - s * s)).toBeLessThan(se(2 * s ** 4));
    expect(Math.abs(c01 - rho * s)).toBeLessThan(se((1 + rho * rho) * s * s));
    expect(acceptance).toBeGreaterThan(0.6);
  });

  it('detailed balance with a coarse step (acceptance ≈ 0.5) still gives the exact moments of x⁴/4', () => {
    // E x² under exp(−x⁴/4) = 2 Γ(3/4)/Γ(1/4).
    const Ex2 = (2 * 1.2254167024651776) / 3.625609908221908;
    const warmup = 0; // fixed, deliberately large step: only a correct Metropolis test keeps the law exact
    const { xs, acceptance } = sample(quartic, [0.1], { stepSize: 1.1, leapfrog: 3, warmup, n: 4000, seed: 3 });
    const m2 = xs.reduce((a, x) => a + x[0] * x[0], 0) / xs.length;
    expect(acceptance).toBeLessThan(0.85);
    expect(Math.abs(m2 - Ex2)).toBeLessThan(0.05);
  });

  it('same seed, same chain', () => {
    const a = sample(gaussian, [1, 1], { stepSize: 0.3, leapfrog: 5, warmup: 20, n: 30, seed: 9 });
    const b = sample(gaussian, [1, 1], { stepSize: 0.3, leapfrog: 5, warmup: 20, n: 30, seed: 9 });
    expect(a.xs).toEqual(b.xs);
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    sample(gaussian, [1, 1], { stepSize: 0.3, leapfrog: 5, warmup: 5, n: 10, seed: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the acceptance rate is a number on every step, also on the one that ends warm-up (was NaN there)', () => {
    const h = new Hmc(gaussian, [tf.tensor1d([0.5, -0.5])], new Rng(2), {
      stepSize: 0.3,
      leapfrog: 3,
      targetAccept: 0.8,
      warmup: 3,
    });
    for (let i = 0; i < 6; i++) {
      h.step();
      expect(h.acceptanceRate, `step ${i + 1}`).toBeGreaterThanOrEqual(0);
      expect(h.acceptanceRate).toBeLessThanOrEqual(1);
    }
    h.dispose();
  });
});
