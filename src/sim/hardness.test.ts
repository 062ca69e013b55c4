// The time-to-threshold runner on the WASM backend (the fast one in Node). Setting (the "Time to specialise vs d"
// preset): tanh(2x), γ = 0.5, Δ = 1e−4, α = 3, readouts v = 1: the theory's ε_spec = 2.0e−5 and ε_uni = 0.103
// (shallowModel), so ε̄ ≈ 0.0516.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../physics/numerics/rng';
import { useNodeBackend } from './backendNode';
import { EscapeRun, runEscape, theoryThreshold } from './hardness';
import { shallowData, shallowForward, shallowMse } from './shallowTf';
import { DEFAULT_SIM, Simulation, type SimConfig } from './simulation';
import { predict } from './teacher';
import { tfSigma } from './tfActivation';

const config: SimConfig = {
  ...DEFAULT_SIM,
  algo: 'adam',
  init: 'uninformative',
  activation: 'tanh2',
  gamma: 0.5,
  delta: 1e-4,
  alpha: 3,
  d: 10,
  seed: 2,
  nTest: 1000,
};

beforeAll(async () => {
  await useNodeBackend('wasm');
});

describe('time to specialise', () => {
  const { threshold, epsSpecialised, epsUni } = theoryThreshold(config);

  it('default threshold: midpoint of the specialised branch and ε_uni (shallowModel at α = 3)', () => {
    expect(epsSpecialised).toBeCloseTo(2.00021e-5, 9); // `mlp --activation tanh2 --delta 0.0001 --alpha 3`
    expect(epsUni).toBeCloseTo(0.1031238, 6);
    expect(threshold).toBeCloseTo((epsSpecialised + epsUni) / 2, 15);
  });

  it('ADAM from a random start rests on the universal plateau at test MSE ≈ ε_uni (not the Gibbs 2 ε_uni)', () => {
    // Why ADAM's statistic is its plain MSE: halved, the plateau (≈ ε_uni/2) would already lie below ε̄ ≈ ε_uni/2.
    // Step 100 at d = 10, seed 2: 0.107 (seeds 1, 3: 0.102, 0.091); a finite-d plateau, hence 15 %.
    const run = new EscapeRun(config, { threshold: 1e-9, budget: 100, chains: 1 });
    while (!run.done) run.advance();
    expect(Math.abs(run.lastEps / epsUni - 1)).toBeLessThan(0.15);
    run.dispose();
  });

  it('a seeded uninformative ADAM run at d = 10 crosses, at the step a plain simulation first goes below ε̄', () => {
    const r = runEscape(config, { threshold, budget: 1000, chains: 1 });
    expect(r.censored).toBe(false);
    expect(r.steps).toBeGreaterThan(0);
    expect(r.initialEps).toBeGreaterThan(threshold);
    // The same run through Simulation alone: ADAM's statistic is its plain test MSE (not the halved eps).
    const sim = new Simulation({ ...config, steps: 1000 });
    let first: number | null = null;
    while (!sim.done && first === null) if (sim.advance().testError < threshold) first = sim.step;
    sim.dispose();
    expect(r.steps).toBe(first);
  });

  it('an informative run starts below ε̄ (0 steps)', () => {
    const r = runEscape({ ...config, init: 'informative' }, { threshold, budget: 50, chains: 1 });
    expect(r.steps).toBe(0);
    expect(r.initialEps).toBeLessThan(threshold);
  });

  it('a run that has not crossed by the budget is censored after exactly `budget` steps', () => {
    const full = runEscape(config, { threshold, budget: 1000, chains: 1 });
    const budget = full.steps! - 1;
    const run = new EscapeRun(config, { threshold, budget, chains: 1 });
    while (!run.done) run.advance();
    const r = run.result();
    expect(run.step).toBe(budget);
    expect(r).toMatchObject({ steps: null, censored: true, budget });
    expect(r.finalEps).toBeGreaterThanOrEqual(threshold);
    run.dispose();
  });

  it.each([
    ['hmc', 1.5, 2],
    ['adam', 1, 1],
  ] as const)(
    '%s: s chains share teacher and data; chain 0 is the plain run; the statistic is MSE(mean prediction)/%s (s = 2), /%s (s = 1)',
    (algo, scale2, scale1) => {
      const c: SimConfig = { ...config, algo };
      const one = new EscapeRun(c, { threshold, budget: 5, chains: 1 });
      const two = new EscapeRun(c, { threshold, budget: 5, chains: 2 });
      const a = new Simulation({ ...c, chain: 1 });
      const b = new Simulation({ ...c });
      // Same teacher and test set, different starts.
      expect(a.test.clean).toEqual(b.test.clean);
      expect(a.student().layers[0].W).not.toEqual(b.student().layers[0].W);
      // MSE of the mean of the two students' predictions, scaled by 1/(1 + 1/2), from the two simulations by hand.
      const f = (s: Simulation) =>
        predict(
          s.student(),
          s.acts.map((x) => x.sigma),
          s.test.X,
          s.test.n,
        );
      const [fa, fb] = [f(a), f(b)];
      const y = b.test.clean;
      let mse2 = 0;
      let mse1 = 0;
      for (let i = 0; i < y.length; i++) {
        mse2 += ((fa[i] + fb[i]) / 2 - y[i]) ** 2 / y.length;
        mse1 += (fb[i] - y[i]) ** 2 / y.length;
      }
      expect(two.initialEps).toBeCloseTo(mse2 / scale2, 12);
      expect(one.initialEps).toBeCloseTo(mse1 / scale1, 12);
      [one, two].forEach((r) => r.dispose());
      [a, b].forEach((s) => s.dispose());
    },
  );

  it('depth 2: ε_uni from the L = 2 engine (0.2983141, `mlp --depth 2 --branch universal`) and a run that steps', () => {
    const deep: SimConfig = {
      ...config,
      depth: 2,
      activation: 'tanh2-unit',
      activation2: 'tanh2-unit',
      gamma2: 0.5,
      delta: 0.2,
      alpha: 4,
      d: 8,
      nTest: 300,
    };
    const t = theoryThreshold(deep);
    expect(t.epsUni).toBeCloseTo(0.2983141, 5); // the CLI contract holds it to 1e−4 relative
    expect(t.epsSpecialised).toBeLessThan(t.epsUni);
    const r = runEscape(deep, { threshold: t.threshold, budget: 3, chains: 2 });
    expect(r.chains).toBe(2);
    expect(r.steps === null ? r.censored : r.steps <= 3).toBe(true);
    expect(Number.isFinite(r.finalEps)).toBe(true);
  });

  it('refuses a bad budget, chain count or threshold with a message', () => {
    expect(() => new EscapeRun(config, { threshold, budget: 0, chains: 1 })).toThrow(/budget/);
    expect(() => new EscapeRun(config, { threshold, budget: 10, chains: 0 })).toThrow(/chains/);
    expect(() => new EscapeRun(config, { threshold: -1, budget: 10, chains: 1 })).toThrow(/threshold/);
    const hmc: SimConfig = { ...config, algo: 'hmc' };
    expect(() => new EscapeRun(hmc, { threshold, budget: 10, chains: 2, student: 'wide' })).toThrow(/ADAM/);
    expect(() => new Simulation({ ...hmc, widthFactor: 2 })).toThrow(/L = 1 ADAM/);
    expect(() => new Simulation({ ...config, widthFactor: 1.5 })).toThrow(/widthFactor/);
  });
});

// The wide student (SimConfig.widthFactor s, EscapeOptions.student 'wide'): one network of s·k units,
// f = σ(X Wᵀ/√d) v/√(s k), trained jointly by ADAM.
describe('the wide ADAM student', () => {
  const { threshold } = theoryThreshold(config);
  /** Row-major k×d matrix (or vector) repeated s times, scaled. */
  const tile = (x: Float32Array, s: number, scale: number) =>
    Float32Array.from({ length: x.length * s }, (_, i) => scale * x[i % x.length]);

  it('s = 1 is the plain student: the same seeded trajectory step by step', () => {
    const wide = new EscapeRun(config, { threshold: 1e-9, budget: 40, chains: 1, student: 'wide' });
    const plain = new EscapeRun(config, { threshold: 1e-9, budget: 40, chains: 1 });
    while (!plain.done) {
      const a = plain.advance();
      expect(Math.abs(wide.advance() - a)).toBeLessThanOrEqual(1e-12 * a);
    }
    expect(wide.result()).toMatchObject({ chains: 1, student: 'wide' });
    [wide, plain].forEach((r) => r.dispose());
  });

  it('represents the plain student: s tiled copies with readouts v/√s give the same output (tfjs and float64)', () => {
    const [d, k, n, s] = [10, 5, 200, 3];
    const rng = new Rng(7);
    const X = tf.tensor2d(
      Float32Array.from(rng.normals(n * d)).map((x) => x / Math.sqrt(d)),
      [n, d],
    );
    const W = Float32Array.from(rng.normals(k * d));
    const v = Float32Array.from(rng.normals(k)); // learned-readout case: any v, not only the teacher's ones
    const sigma = tfSigma('tanh2');
    const f1 = shallowForward(X, tf.tensor2d(W, [k, d]), tf.tensor1d(v), sigma, k);
    const fs = shallowForward(
      X,
      tf.tensor2d(tile(W, s, 1), [s * k, d]),
      tf.tensor1d(tile(v, s, 1 / Math.sqrt(s))),
      sigma,
      s * k,
    );
    const [a, b] = [f1.dataSync(), fs.dataSync()];
    const scale = Math.max(...a.map(Math.abs));
    for (let i = 0; i < n; i++) expect(Math.abs(b[i] - a[i])).toBeLessThan(2e-6 * scale); // float32 sums
    tf.dispose([X, f1, fs]);
    // The simulation's informative wide student is the tiled teacher: its test error is the plain one's (≈ 0).
    const errOf = (widthFactor: number, readouts: 'fixed' | 'learned') => {
      const sim = new Simulation({ ...config, init: 'informative', widthFactor, readouts, steps: 1 });
      expect(sim.student().layers[0].rows).toBe(widthFactor * sim.k);
      const out = predict(sim.student(), [sim.act.sigma], sim.test.X, sim.test.n);
      sim.dispose();
      return out;
    };
    for (const readouts of ['fixed', 'learned'] as const) {
      const [p1, p4] = [errOf(1, readouts), errOf(4, readouts)];
      for (let i = 0; i < p1.length; i += 50) expect(p4[i]).toBeCloseTo(p1[i], 6);
    }
  });

  it('its joint gradient is not the averaged independent students’ gradients (one shared residual)', () => {
    const [d, k, n, s] = [10, 5, 300, 2];
    const rng = new Rng(11);
    const X = rng.normals(n * d);
    const y = rng.normals(n);
    const sigma = tfSigma('tanh2');
    const v0 = Float32Array.from(rng.normals(k));
    const gradOf = (width: number, W: Float32Array, v: Float32Array) => {
      const data = shallowData(X, y, n, d, width);
      const vt = tf.tensor1d(v);
      const Wt = tf.tensor2d(W, [width, d]);
      const { value, grads } = shallowMse(data, sigma, vt, () => null)([Wt]);
      const g = Float64Array.from(grads[0].dataSync());
      tf.dispose([value, ...grads, vt, Wt, data.Xs, data.XsT, data.y]);
      return g;
    };
    const vWide = tile(v0, s, 1 / Math.sqrt(s));
    const W1 = Float32Array.from(rng.normals(k * d));
    const W2 = Float32Array.from(rng.normals(k * d));
    // Identity check: at tiled weights (W1 twice) the joint residual is the plain one and each block's gradient is
    // the plain gradient / s (∂f/∂W_c carries the readout v/√s over √(s k) = v/(s √k)).
    const gTiled = gradOf(s * k, tile(W1, s, 1), vWide);
    const g1 = gradOf(k, W1, v0);
    for (let i = 0; i < g1.length; i++) {
      expect(gTiled[i]).toBeCloseTo(g1[i] / s, 5);
      expect(gTiled[k * d + i]).toBeCloseTo(g1[i] / s, 5);
    }
    // Distinct blocks: the joint gradient of block c ≠ the independent student c's gradient / s.
    const joint = gradOf(s * k, Float32Array.from([...W1, ...W2]), vWide);
    const indep = [...g1, ...gradOf(k, W2, v0)].map((g) => g / s);
    const norm = (x: ArrayLike<number>) => Math.sqrt(Array.from(x).reduce((a, b) => a + b * b, 0));
    const diff = norm(joint.map((g, i) => g - indep[i]));
    expect(diff / norm(indep)).toBeGreaterThan(0.2);
  });

  it('a wide (s = 2) seeded run from the small start trains and reports its s', () => {
    const r = runEscape(config, { threshold, budget: 60, chains: 2, student: 'wide' });
    expect(r.chains).toBe(2);
    expect(r.student).toBe('wide');
    expect(r.finalEps).toBeLessThan(r.initialEps);
  });
});
