import { describe, expect, it } from 'vitest';
import { spectralLaw } from '../physics/priors';
import { quadraticPart } from './gampRie';
import { rieDenoise } from './rie';
import { Rng } from '../physics/numerics/rng';
import { sampleReadouts } from './teacher';

describe('RIE denoiser of S_k = Wᵀ diag(v) W/k', () => {
  it('predicted error matches the reference value 0.123616 (γ = 0.5, t = 0.2, unif; reference-values.md)', () => {
    const d = 8;
    const r = rieDenoise(new Float64Array(d * d), d, spectralLaw('unif', 0.5), 0.2);
    expect(r.predictedError).toBeCloseTo(0.123616, 5);
  });

  it('finite-size error at d = 120 is within 5 % of the prediction', () => {
    const d = 120;
    const k = d / 2;
    const t = 0.2;
    const rng = new Rng(3);
    const W = rng.normals(k * d);
    const v = sampleReadouts('unif', k, rng);
    const S = quadraticPart(W, v, k, d);
    // R = S + √t Z, Z GOE with off-diagonal variance 1/d (spectrum [−2, 2]).
    const R = new Float64Array(d * d);
    for (let a = 0; a < d; a++) {
      for (let c = a; c < d; c++) {
        const z = rng.normal() * Math.sqrt(t / d) * (a === c ? Math.SQRT2 : 1);
        R[a * d + c] = R[c * d + a] = S[a * d + c] + z;
      }
    }
    const r = rieDenoise(R, d, spectralLaw('unif', k / d), t);
    let e = 0;
    for (let i = 0; i < d * d; i++) e += (r.S[i] - S[i]) ** 2;
    // d = 200 gives 0.1230 against 0.12362 (0.5 %); d = 120 is noisier.
    expect(Math.abs(e / d - r.predictedError) / r.predictedError).toBeLessThan(0.05);
  });
});
