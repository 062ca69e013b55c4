// Bench section "two-layer": the RF curve a slider move needs, the whole theory request of the worker, and
// simulation throughput (float64 TypeScript; tfjs-cpu matmul measured beside plain JS for the choice).
//   rfCurveMs          200-point RF curve E(α) at fixed β, warm (MP rule cached), as the worker computes it
//   theoryRequestMs    everything one slider move recomputes (E(α), KRR, E(β) over 200 β, one-step limits)
//   rfSimSeedMs        one RF ridge simulation seed (d = 100 and 200, α = 2, β = 1, 1000 test points)
//   oneStepSimMs       one one-step experiment (d = 150, β = 2, α0 = α = 8, with both ridges)
//   sgdStepsPerSec     online SGD samples per second at d = 100
//   matmulGflops       256×256 float64 JS matmul vs tfjs-core cpu backend (float32)
import type { BenchSection } from '../family';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { rfCurve } from '../../physics/twoLayer/randomFeatures';
import { simulateOneStepSeed } from '../../sim/twoLayer/oneStepSim';
import { simulateRFSeed } from '../../sim/twoLayer/rfSim';
import { simulateSgdSeed } from '../../sim/twoLayer/sgdSim';
import { mulABt } from '../../sim/linalg';
import { Rng } from '../../physics/numerics/rng';
import { computeTheory } from './service';
import { time } from '../../../bench/timing';

export const section: BenchSection = {
  name: 'two-layer',
  async run(log) {
    const p = { activation: activationProfile('relu'), target: targetProfile('tanh2'), lambda: 1e-3, noise: 0.1 };
    const alphas = Array.from({ length: 200 }, (_, i) => 0.05 + (i * 9.95) / 199);
    rfCurve(p, alphas, [2]); // warm: MP rule and activation built
    const rfCurveMs = time(() => rfCurve(p, alphas, [2]), 21);
    const rfCurveRidgelessMs = time(() => rfCurve({ ...p, lambda: 0 }, alphas, [2]), 21);
    log(
      `RF curve, 200 points (warm): ${rfCurveMs.toFixed(2)} ms (λ = 0⁺: ${rfCurveRidgelessMs.toFixed(2)} ms); target ≤ 16 ms`,
    );
    const tp = {
      activation: 'relu',
      target: 'tanh2',
      alpha: 1.5,
      beta: 2,
      lambda: 0,
      noise: 0.1,
      alpha0: 8,
      eta: 1,
      ell: 2,
      d: 100,
    };
    computeTheory(tp);
    const theoryRequestMs = time(() => computeTheory({ ...tp, alpha: 1.5 + Math.random() * 1e-3 }), 11);
    log(
      `whole theory request of a slider move (E(α), KRR, E(β) over 200 β, one step): ${theoryRequestMs.toFixed(1)} ms`,
    );

    const rfSimSeedMs: Record<string, number> = {};
    for (const d of [100, 200]) {
      let s = 1;
      rfSimSeedMs[`d${d}`] = time(() => simulateRFSeed({ ...p, alpha: 2, beta: 1, d }, s++, 1000), 3);
      log(`RF simulation, one seed, d = ${d} (n = ${2 * d}, p = ${d}): ${rfSimSeedMs[`d${d}`].toFixed(0)} ms`);
    }
    let seed = 1;
    const he = targetProfile('he1he2');
    const oneStepSimMs = time(
      () =>
        simulateOneStepSeed(
          {
            activation: p.activation,
            target: he,
            eta: 1,
            noise: 0,
            alpha0: 8,
            beta: 2,
            d: 150,
            ridge: { alpha: 8, lambda: 0.03 },
          },
          seed++,
          1000,
        ),
      3,
    );
    log(`one-step experiment d = 150 (p = 300, n0 = n = 1200, spectrum + two ridges): ${oneStepSimMs.toFixed(0)} ms`);
    const steps = 200000;
    const sgdMs = time(() => simulateSgdSeed({ ell: 3, eta: 0.5 }, 100, 1, steps, 2), 3);
    const sgdStepsPerSec = (steps / sgdMs) * 1000; // ℓ = 3 at d = 100 does not escape in 2e5 steps… or stops early
    log(`online SGD at d = 100: ${(sgdStepsPerSec / 1e6).toFixed(2)} M samples/s`);

    // float64 JS vs tfjs-cpu (float32) for a 256×256 matmul
    const n = 256;
    const rng = new Rng(1, 'polar');
    const A = rng.fillNormal(new Float64Array(n * n));
    const B = rng.fillNormal(new Float64Array(n * n));
    const jsMs = time(() => mulABt(A, B, n, n, n), 5);
    let tfMs: number | null = null;
    try {
      const tf = await import('@tensorflow/tfjs-core');
      await import('@tensorflow/tfjs-backend-cpu');
      await tf.setBackend('cpu');
      const a = tf.tensor2d(Float32Array.from(A), [n, n]);
      const b = tf.tensor2d(Float32Array.from(B), [n, n]);
      const run = () => tf.tidy(() => tf.matMul(a, b, false, true).dataSync());
      run();
      tfMs = time(run, 5);
    } catch (e) {
      log(`tfjs cpu backend unavailable: ${(e as Error).message}`);
    }
    const gf = (ms: number) => (2 * n ** 3) / (ms * 1e6);
    const matmulGflops = { jsFloat64: gf(jsMs), tfjsCpuFloat32: tfMs ? gf(tfMs) : null };
    log(
      `matmul 256: float64 JS ${matmulGflops.jsFloat64.toFixed(2)} GFLOP/s, tfjs cpu ${tfMs ? matmulGflops.tfjsCpuFloat32!.toFixed(2) : '—'} GFLOP/s (float32)`,
    );
    return { rfCurveMs, rfCurveRidgelessMs, theoryRequestMs, rfSimSeedMs, oneStepSimMs, sgdStepsPerSec, matmulGflops };
  },
};
