// Simulations of the two-hidden-layer network (depth 2, arXiv 2510.24616) on the WASM backend in Node (the fast
// one on this GPU-less machine; 550 leapfrog steps/s at d = 20).
import { SimConfigError } from '../physics/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from './backendNode';
import { runToEnd } from './runToEnd';
import { DEFAULT_SIM, Simulation, type SimConfig } from './simulation';

beforeAll(async () => {
  await useNodeBackend('wasm');
});

// The authors' setting scaled down: tanh2-unit in both layers, γ1 = γ2 = 0.5, Δ = 0.2, v = 1, Gaussian W.
const AUTHORS: Partial<SimConfig> = {
  depth: 2,
  activation: 'tanh2-unit',
  activation2: 'tanh2-unit',
  gamma: 0.5,
  gamma2: 0.5,
  delta: 0.2,
  readout: 'ones',
  weights: 'gaussian',
};
// L = 2 theory at α = 4 in that setting (`npm run -s cli -- mlp --depth 2 --alpha 4`, exact g, 100-point s grid):
// equilibrium = specialised branch, ε_opt = 0.0594321 (mean Q1 = 0.955, Q2 = 0.934, Q2:1 = 0.957); plateau 0.29831.
const EPS_OPT_A4 = 0.0594321;

describe('depth 2 simulations', () => {
  it('informative HMC at α = 4 lands near ε_opt and below uninformative HMC (d = 20)', () => {
    // Measured over seeds 1–6 (d = 20, α = 4, 100 trajectories of 10 leapfrog steps, 50 of them warm-up):
    //   informative Gibbs/2 = 0.057, 0.057, 0.058, 0.059, 0.052, 0.061 (ε_opt = 0.0594; Q1 ≈ 0.87–0.97, Q2 ≈ 0.79–1.0);
    //   uninformative       = 0.118, 0.113, 0.144, 0.115, 0.126, 0.104 (Q1 ≈ 0.1–0.35, Q2 ≤ 0.26: layer 1 partly
    //   learnt, layer 2 not). So a 20 % band around ε_opt and a factor 1.5 between the two are both ≥ 2× wider than
    //   the spread seen. At d = 20 the uninformative chain is slow rather than stuck for good (longer runs keep
    //   lowering it); a lasting hardness gap needs larger d (docs/physics/simulations.md §6).
    for (const seed of [1, 3]) {
      const base = {
        ...AUTHORS,
        algo: 'hmc' as const,
        alpha: 4,
        d: 20,
        steps: 100,
        warmup: 50,
        leapfrog: 10,
        nTest: 4000,
        seed,
      };
      const inf = runToEnd({ ...base, init: 'informative' }).summary;
      const uni = runToEnd({ ...base, init: 'uninformative' }).summary;
      expect(Math.abs(inf.gibbsHalf! - EPS_OPT_A4) / EPS_OPT_A4).toBeLessThan(0.2);
      expect(inf.Q1!).toBeGreaterThan(0.8);
      expect(inf.Q2!).toBeGreaterThan(0.7);
      expect(inf.acceptance!).toBeGreaterThan(0.6);
      expect(uni.gibbsHalf!).toBeGreaterThan(1.5 * inf.gibbsHalf!);
      expect(uni.Q2!).toBeLessThan(0.5);
    }
  }, 300_000); // four runs of 100 trajectories: ~55 s alone, past the 60 s default on a loaded 2-core machine

  it('identical seeds give identical runs; another seed differs (HMC and mini-batch ADAM)', () => {
    for (const algo of ['hmc', 'adam'] as const) {
      const cfg: Partial<SimConfig> = {
        ...AUTHORS,
        algo,
        init: 'uninformative',
        readouts: 'learned',
        d: 10,
        alpha: 2,
        steps: 5,
        leapfrog: 3,
        nTest: 200,
      };
      const a = runToEnd({ ...cfg, seed: 5 }).trace;
      const b = runToEnd({ ...cfg, seed: 5 }).trace;
      const c = runToEnd({ ...cfg, seed: 6 }).trace;
      expect(a).toEqual(b);
      expect(a.map((p) => p.testError)).not.toEqual(c.map((p) => p.testError));
      expect(a[0].Q1).toBeTypeOf('number');
      expect(a[0].Q21byValue).toHaveLength(1);
    }
  });

  it('ADAM lowers the training loss; per-layer activations and widths are honoured', () => {
    const sim = new Simulation({
      ...DEFAULT_SIM,
      ...AUTHORS,
      activation2: 'relu',
      gamma2: 0.25,
      algo: 'adam',
      init: 'uninformative',
      d: 12,
      alpha: 3,
      steps: 40,
      batch: 1,
      nTest: 300,
      seed: 2,
    });
    expect(sim.k).toBe(6);
    expect(sim.k2).toBe(3);
    expect(sim.acts.map((a) => a.name)).toEqual(['tanh2-unit', 'relu']);
    const trace = [];
    while (!sim.done) trace.push(sim.advance());
    sim.dispose();
    expect(trace[trace.length - 1].loss!).toBeLessThan(0.7 * trace[0].loss!);
  });

  it('refuses GAMP at depth 2 and depth-2 options at depth 1, with a message', () => {
    expect(() => new Simulation({ ...DEFAULT_SIM, ...AUTHORS, algo: 'gamp' })).toThrow(
      /GAMP-RIE is an L = 1 algorithm/,
    );
    expect(() => new Simulation({ ...DEFAULT_SIM, gamma2: 0.5 })).toThrow(SimConfigError);
    expect(() => new Simulation({ ...DEFAULT_SIM, ...AUTHORS, gamma2: 9 })).toThrow(/gamma2/);
    expect(() => new Simulation({ ...DEFAULT_SIM, depth: 9 })).toThrow(/depth must be an integer in \[1, 8\]/);
    expect(() => new Simulation({ ...DEFAULT_SIM, depth: 3, activations: ['relu', 'relu'] })).toThrow(
      /activations needs 3 entries/,
    );
    expect(() => new Simulation({ ...DEFAULT_SIM, depth: 3, gamma2: 0.5 })).toThrow(/need depth 2/);
    expect(() => new Simulation({ ...DEFAULT_SIM, algo: 'adam', nishimori: true })).toThrow(/needs algo hmc/);
  });
});

describe('depth 3 simulations (arXiv 2510.24616, the authors’ σ = tanh2-nolin in every layer)', () => {
  // Specialised branch at L = 3, γ_l = 1, v = 1, Δ = 0.1, α = 9 from an independent float64 solver of the nested
  // equations (docs/physics/simulations.md §6; the same script reproduces the spec's public L = 1, 2 values to
  // 1e−10): ε = 0.0531075, q = (0.99983, 0.99919, 0.99616); the uninformative branch has ε_uni = 1.
  const EPS_SPEC_L3_A9 = 0.0531075;
  it('HMC from the teacher at α = 9 stays near the specialised branch: ε ≈ ε_spec, every q_l near 1 (d = 12)', () => {
    const { summary: s, trace } = runToEnd({
      depth: 3,
      activation: 'tanh2-nolin',
      gamma: 1,
      delta: 0.1,
      readout: 'ones',
      weights: 'gaussian',
      algo: 'hmc',
      init: 'informative',
      alpha: 9,
      d: 12,
      steps: 30,
      warmup: 15,
      leapfrog: 10,
      nTest: 2000,
      seed: 1,
    });
    // Measured: d = 16 (seed 1, 60 trajectories) Gibbs/2 = 0.0596 (+12 %), q = (0.998, 1.003, 0.998); the authors'
    // d = 50 chains sit 0.4–9 % above the branch. At d = 12 the excess is larger still, so the band is
    // [0.8, 1.6]·ε_spec: still 12× below ε_uni, which is what "on the specialised branch" needs to show.
    expect(s.gibbsHalf! / EPS_SPEC_L3_A9).toBeGreaterThan(0.8);
    expect(s.gibbsHalf! / EPS_SPEC_L3_A9).toBeLessThan(1.6);
    expect(s.q).toHaveLength(3);
    for (const q of s.q!) expect(q).toBeGreaterThan(0.9);
    for (const p of trace) expect(p.testError / 2).toBeLessThan(0.2); // never near ε_uni = 1 on the way
    expect(s.acceptance!).toBeGreaterThan(0.6);
  }, 300_000); // a minute on a loaded 2-core machine: n = 1296 rows through three layers, 300 gradients
});
