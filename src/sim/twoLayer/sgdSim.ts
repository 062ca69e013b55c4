// Online spherical SGD on y = He_ℓ(θ*·x)/√ℓ! with student σ = g (docs/physics/two-layer-lecture.md §4):
// w ← (w + (η/d) y σ'(u)(x − u w))/‖·‖, u = w·x, one fresh sample a step, from a random w with m0 = θ*·w
// set to 1/√d. Records m(t), t = samples/d, and the first time |m| (m for odd ℓ) reaches 0.5.
import { Rng } from '../../physics/numerics/rng';
import { heKProfile } from '../../physics/twoLayer/profiles';
import { ESCAPE_LEVEL, stepSize, validateEscape, type EscapeParams } from '../../physics/twoLayer/sgdOde';

export interface SgdRun {
  t: number[];
  m: number[];
  samples: number; // escape time in samples (Infinity if not within maxSamples)
}

export function simulateSgdSeed(p: EscapeParams, d: number, seed: number, maxSamples: number, points = 200): SgdRun {
  validateEscape(p, d);
  const rng = new Rng(seed >>> 0, 'polar');
  const g = heKProfile(p.ell);
  const eta = stepSize(p, d) / d;
  // θ* = e1; w = m0 e1 + √(1 − m0²) (unit vector ⟂ e1)
  const w = new Float64Array(d);
  let s = 0;
  for (let l = 1; l < d; l++) {
    w[l] = rng.normal();
    s += w[l] * w[l];
  }
  const m0 = 1 / Math.sqrt(d);
  const r = Math.sqrt(1 - m0 * m0) / Math.sqrt(s);
  for (let l = 1; l < d; l++) w[l] *= r;
  w[0] = m0;
  const x = new Float64Array(d);
  const even = p.ell % 2 === 0;
  const every = Math.max(1, Math.floor(maxSamples / points));
  const ts = [0];
  const ms = [m0];
  let samples = Infinity;
  for (let k = 1; k <= maxSamples; k++) {
    let u = 0;
    for (let l = 0; l < d; l++) {
      const v = rng.normal();
      x[l] = v;
      u += v * w[l];
    }
    const c = eta * g.f(x[0]) * g.df(u);
    let nrm = 0;
    for (let l = 0; l < d; l++) {
      const v = w[l] + c * (x[l] - u * w[l]);
      w[l] = v;
      nrm += v * v;
    }
    const inv = 1 / Math.sqrt(nrm);
    for (let l = 0; l < d; l++) w[l] *= inv;
    const m = w[0];
    if (k % every === 0) {
      ts.push(k / d);
      ms.push(m);
    }
    if ((even ? Math.abs(m) : m) >= ESCAPE_LEVEL) {
      samples = k;
      ts.push(k / d);
      ms.push(m);
      break;
    }
  }
  return { t: ts, m: ms, samples };
}
