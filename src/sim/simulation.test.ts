import { SimConfigError } from '../physics/errors';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runToEnd } from './runToEnd';
import { DEFAULT_SIM, Simulation, type SimConfig } from './simulation';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Theory values (docs/physics/mlp-shallow.md §8, γ = 0.5, `ones`, Gaussian W; the project's `mlp` CLI reproduces them):
const EPS_UNI_RELU_A2 = 0.0281548; // ReLU, Δ = 0.1, α = 2
const EPS_UNI_H23_A2 = 0.3809166; // h23, Δ = 1.25, α = 2
const EPS_OPT_RELU_A8 = 0.007541; // ReLU, Δ = 0.1, α = 8: specialised equilibrium (npm run cli -- mlp --alpha 8)

describe('GAMP-RIE lands on the universal branch within finite-size error', () => {
  it('ReLU, Δ = 0.1, α = 2, d = 60', () => {
    const { summary } = runToEnd({
      algo: 'gamp',
      activation: 'relu',
      delta: 0.1,
      alpha: 2,
      d: 60,
      steps: 100,
      nTest: 4000,
      seed: 1,
    });
    expect(summary.converged).toBe(true);
    // Measured: 0.0344 (d = 40), 0.0320 (d = 60), 0.0300 (d = 90) for seed 1, i.e. an excess ≈ 0.3/d over
    // ε_uni = 0.02815 (extrapolates to 0.026–0.028): a finite-size effect of the spectrum and of the
    // constant ∑v(‖w‖² − d) offsets, not a bias of the limit.
    expect(summary.testError).toBeGreaterThan(EPS_UNI_RELU_A2 * 0.97);
    expect(summary.testError).toBeLessThan(EPS_UNI_RELU_A2 * 1.25);
  });

  it('converges at d = 30 (regression: an eigenvalue at the support edge once picked a wrong Stieltjes root)', () => {
    const { summary, trace } = runToEnd({
      algo: 'gamp',
      activation: 'relu',
      delta: 0.1,
      alpha: 2,
      d: 30,
      steps: 60,
      nTest: 500,
      seed: 1,
    });
    expect(summary.converged).toBe(true);
    for (let i = 8; i < trace.length; i++) expect(trace[i].change!).toBeLessThan(0.01);
  });

  it('h23, Δ = 1.25, α = 2, d = 40', () => {
    const { summary } = runToEnd({
      algo: 'gamp',
      activation: 'h23',
      delta: 1.25,
      alpha: 2,
      d: 40,
      steps: 100,
      nTest: 4000,
      seed: 2,
    });
    expect(summary.converged).toBe(true);
    expect(Math.abs(summary.testError - EPS_UNI_H23_A2) / EPS_UNI_H23_A2).toBeLessThan(0.2);
  });
});

describe('HMC', () => {
  it('informative start above α_sp lands near ε_opt (ReLU, α = 8, d = 16)', () => {
    const { summary } = runToEnd({
      algo: 'hmc',
      init: 'informative',
      activation: 'relu',
      delta: 0.1,
      alpha: 8,
      d: 16,
      steps: 30,
      warmup: 10,
      leapfrog: 8,
      nTest: 4000,
      seed: 1,
    });
    console.log(
      'informative HMC d = 16, α = 8: Gibbs/2 =',
      summary.gibbsHalf,
      'Q =',
      summary.Qmean,
      'acceptance',
      summary.acceptance,
    );
    expect(summary.acceptance).toBeGreaterThan(0.5);
    // Gibbs/2 against ε_opt = 0.00754 (d = 70 numpy runs: 0.0075; small d: larger finite-size error).
    expect(Math.abs(summary.gibbsHalf! - EPS_OPT_RELU_A8) / EPS_OPT_RELU_A8).toBeLessThan(0.35);
    expect(summary.Qmean!).toBeGreaterThan(0.8);
  });

  it('identical seeds give identical runs; another seed differs', () => {
    const cfg: Partial<SimConfig> = {
      algo: 'hmc',
      init: 'uninformative',
      d: 10,
      alpha: 2,
      steps: 6,
      leapfrog: 4,
      nTest: 200,
    };
    const a = runToEnd({ ...cfg, seed: 5 }).trace;
    const b = runToEnd({ ...cfg, seed: 5 }).trace;
    const c = runToEnd({ ...cfg, seed: 6 }).trace;
    expect(a).toEqual(b);
    expect(a.map((p) => p.testError)).not.toEqual(c.map((p) => p.testError));
  });
});

describe('ADAM', () => {
  it('mini-batch ADAM is reproducible and lowers the training loss', () => {
    const cfg: Partial<SimConfig> = {
      algo: 'adam',
      init: 'uninformative',
      activation: 'tanh2',
      readouts: 'learned',
      delta: 1e-4,
      d: 12,
      alpha: 3,
      steps: 60,
      nTest: 500,
      seed: 3,
    };
    const a = runToEnd(cfg);
    const b = runToEnd(cfg);
    expect(a.trace).toEqual(b.trace);
    const first = a.trace[0].loss!;
    const last = a.trace[a.trace.length - 1].loss!;
    expect(last).toBeLessThan(0.7 * first);
    expect(a.summary.gibbsHalf).toBeCloseTo(a.summary.testError / 2, 12);
  });
});

describe('configuration errors', () => {
  it('rejects bad values with a message', () => {
    expect(() => new Simulation({ ...DEFAULT_SIM, d: 2 })).toThrow(SimConfigError);
    expect(() => new Simulation({ ...DEFAULT_SIM, alpha: NaN })).toThrow(/alpha/);
    expect(() => new Simulation({ ...DEFAULT_SIM, d: 400, alpha: 60 })).toThrow(/too large/);
  });
});
