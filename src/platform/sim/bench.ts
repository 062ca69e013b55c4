// Bench section "sim": throughput of the simulations in Node per TensorFlow.js backend (cpu, and wasm when it
// loads in Node): HMC leapfrog steps/s and ADAM steps/s at d = 40, 50, 60 (γ = 0.5, α = 4, ReLU), the GFLOP/s
// the gradients reach (2 dominant matmuls of 2·n·k·d flops each per gradient) against the same backend's matmul
// roofline at those two products (best repeat of the faster orientation, n×k or k×n) and at 512×512 (docs/physics/simulations.md §7: CPU ≈ 1, WASM SIMD ≈ 26 GFLOP/s with threads), and the
// GAMP-RIE iteration time (float64 JS, no tfjs). L = 2 (arXiv 2510.24616's setting: tanh2-unit, γ1 = γ2 = 0.5,
// Δ = 0.2, α = 4): HMC leapfrog steps/s at d = 30 and the GFLOP/s of its five matmuls (2·n·(2 k1 d + 3 k1 k2)
// flops per gradient) against the backend's matmul at those shapes. Prints measured medians; never asserts.
import * as tf from '@tensorflow/tfjs-core';
import type { BenchLog, BenchSection } from '../../../bench/sections';
import { useNodeBackend, type NodeBackend } from '../../sim/backendNode';
import { DEFAULT_SIM, Simulation, type SimConfig } from '../../sim/simulation';
import { median } from '../../../bench/timing';

/** Matmul GFLOP/s, best of `reps` (a roofline: the machine is shared, and the fastest repeat is the least disturbed). */
async function matmulMs(m: number, kk: number, n: number, reps = 15): Promise<number> {
  const a = tf.randomNormal([m, kk]);
  const b = tf.randomNormal([kk, n]);
  const times: number[] = [];
  for (let i = 0; i <= reps; i++) {
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
    if (i > 0) times.push(performance.now() - t0);
  }
  a.dispose();
  b.dispose();
  return Math.min(...times);
}

/**
 * Gradient evaluations per second of one algorithm over `reps` blocks of `steps` steps: the median, and the best
 * block (compared with the best-of-repeats matmul roofline: like with like on a shared machine).
 */
function throughput(config: Partial<SimConfig>, steps: number, reps = 3): { median: number; best: number } {
  const sim = new Simulation({ ...DEFAULT_SIM, nTest: 200, ...config, steps: 1000 });
  const rates: number[] = [];
  try {
    sim.advance(); // warm-up (kernel set-up)
    for (let r = 0; r < reps; r++) {
      const before = sim.summary('').elapsedMs;
      const gBefore = sim.summary('').gradientsPerSecond! * (before / 1000);
      for (let i = 0; i < steps; i++) sim.advance();
      const s = sim.summary('');
      const grads = s.gradientsPerSecond! * (s.elapsedMs / 1000) - gBefore;
      rates.push(grads / ((s.elapsedMs - before) / 1000));
    }
  } finally {
    sim.dispose();
  }
  return { median: median(rates), best: Math.max(...rates) };
}

export const simSection: BenchSection = {
  name: 'sim',
  async run(log: BenchLog) {
    const out: Record<string, unknown> = {};
    for (const backend of ['cpu', 'wasm'] as NodeBackend[]) {
      try {
        await useNodeBackend(backend);
      } catch (e) {
        log(`sim ${backend}: backend did not load in Node (${e instanceof Error ? e.message : String(e)})`);
        continue;
      }
      const res: Record<string, number> = {};
      res.matmul512Gflops = (2 * 512 ** 3) / ((await matmulMs(512, 512, 512)) * 1e6);
      log(`sim ${backend}: matmul 512³ ${res.matmul512Gflops.toFixed(2)} GFLOP/s`);
      for (const d of [40, 50, 60]) {
        const k = d / 2;
        const n = 4 * d * d;
        const flopsPerGrad = 2 * 2 * n * k * d;
        // The gradient's two big products, each timed in both orientations and the faster kept (the gradient runs
        // the k×n one, shallowTf.ts): Hᵀ = W·Xsᵀ or H = Xs·Wᵀ, and Gᵀ·Xs or Xsᵀ·G.
        const hMs = Math.min(await matmulMs(n, d, k), await matmulMs(k, d, n));
        const gMs = Math.min(await matmulMs(d, n, k), await matmulMs(k, n, d));
        const roof = flopsPerGrad / (hMs + gMs) / 1e6;
        // WASM: best of 15 blocks, as the roofline is best of 15 matmuls (a d = 40 block lasts ≈ 30 ms, so on a shared
        // machine one burst of another job spoils it); the CPU backend's blocks last seconds.
        const blocks = backend === 'wasm' ? 15 : 5;
        const leapfrog = throughput(
          { algo: 'hmc', init: 'informative', d, alpha: 4, leapfrog: 10, warmup: 0 },
          2,
          blocks,
        );
        const adamPerS = throughput(
          { algo: 'adam', init: 'uninformative', d, alpha: 4, readouts: 'learned', batch: 1 },
          10,
        ).median;
        const gradGflops = (leapfrog.median * flopsPerGrad) / 1e9;
        const bestGflops = (leapfrog.best * flopsPerGrad) / 1e9;
        res[`d${d}MatmulGflops`] = roof;
        res[`d${d}LeapfrogPerS`] = leapfrog.median;
        res[`d${d}LeapfrogPerSBest`] = leapfrog.best;
        res[`d${d}AdamFullBatchPerS`] = adamPerS;
        res[`d${d}GradGflops`] = gradGflops;
        // Best block against the best matmul repeats (both the least disturbed); the median's in the next key.
        res[`d${d}RooflineFraction`] = bestGflops / roof;
        res[`d${d}RooflineFractionMedian`] = gradGflops / roof;
        log(
          `sim ${backend} d=${d} (n=${n}, k=${k}): HMC ${leapfrog.median.toFixed(1)} leapfrog steps/s (best ${leapfrog.best.toFixed(1)}), ADAM (full batch) ${adamPerS.toFixed(1)} steps/s; ` +
            `leapfrog ${bestGflops.toFixed(2)} GFLOP/s at best = ${((100 * bestGflops) / roof).toFixed(0)} % (median ${((100 * gradGflops) / roof).toFixed(0)} %) of this backend's matmul roofline at the gradient's two shapes (${roof.toFixed(2)} GFLOP/s)`,
        );
      }
      {
        // L = 2 student at d = 30: n = 3600, k1 = k2 = 15.
        const d = 30;
        const k1 = d / 2;
        const k2 = d / 2;
        const n = 4 * d * d;
        const flopsPerGrad = 2 * n * (2 * k1 * d + 3 * k1 * k2);
        // H1 = Xs·W1ᵀ, Xsᵀ·G1, H2 = A1·W2ᵀ, G2ᵀ·A1, G2·W2.
        const ms =
          (await matmulMs(n, d, k1)) +
          (await matmulMs(d, n, k1)) +
          (await matmulMs(n, k1, k2)) +
          (await matmulMs(k2, n, k1)) +
          (await matmulMs(n, k2, k1));
        const roof = flopsPerGrad / ms / 1e6;
        const leapfrogPerS = throughput(
          {
            depth: 2,
            activation: 'tanh2-unit',
            gamma: 0.5,
            gamma2: 0.5,
            delta: 0.2,
            algo: 'hmc',
            init: 'informative',
            d,
            alpha: 4,
            leapfrog: 10,
            warmup: 0,
          },
          2,
        ).median;
        const gradGflops = (leapfrogPerS * flopsPerGrad) / 1e9;
        res.deepD30LeapfrogPerS = leapfrogPerS;
        res.deepD30GradGflops = gradGflops;
        res.deepD30MatmulGflops = roof;
        log(
          `sim ${backend} L = 2, d=${d} (n=${n}, k1=k2=${k1}): HMC ${leapfrogPerS.toFixed(1)} leapfrog steps/s; gradient ${gradGflops.toFixed(2)} GFLOP/s = ` +
            `${((100 * gradGflops) / roof).toFixed(0)} % of this backend's matmul at the gradient's five shapes (${roof.toFixed(2)} GFLOP/s)`,
        );
      }
      out[backend] = res;
    }
    // GAMP-RIE: float64 JS, one AMP iteration (n d² work plus a d×d eigendecomposition and the RIE).
    for (const d of [40, 60]) {
      const sim = new Simulation({ ...DEFAULT_SIM, algo: 'gamp', d, alpha: 4, nTest: 200, steps: 1000, seed: 1 });
      const times: number[] = [];
      for (let i = 0; i < 5 && !sim.done; i++) {
        const t0 = sim.summary('').elapsedMs;
        sim.advance();
        times.push(sim.summary('').elapsedMs - t0);
      }
      out[`gampIterationMsD${d}`] = median(times);
      log(`sim gamp d=${d} α=4: ${median(times).toFixed(0)} ms per AMP iteration (float64 JS)`);
    }
    return out;
  },
};
