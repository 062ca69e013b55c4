// GAMP-RIE (arXiv 2408.03733, adapted to general σ as in 2501.18530 / 2510.24616; docs/physics/simulations.md §5) in float64:
//   1. subtract the known mean μ0 Σv/√k;
//   2. ridge regression for S1 = Wᵀv/√k, the rest of y treated as noise of variance Δ + ν − μ0² − μ1²;
//   3. ỹ = √(2/γ)(y − mean − linear)/c2 (c2 = μ2/√2): quadratic sensing ỹ = (xᵀS_k x − Tr S_k)/√d + noise
//      of variance 2(Δ + ν − μ0² − μ1² − c2²)/(γ c2²), S_k = Wᵀ diag(v) W/k;
//   4. AMP on S_k with the RIE denoiser (src/sim/rie.ts);
//   5. ŷ = μ0 Σv/√k + μ1 Ŝ1·x/√d + (μ2/2)(√k/d)(xᵀŜx − Tr Ŝ).
// It reaches the universal branch ε_uni: optimal only where the universal phase is the equilibrium.

import type { Activation } from '../physics/activations';
import type { SpectralLaw } from '../physics/spectral';
import { solveSPD } from './linalg';
import { rieDenoise } from './rie';

export interface GampProblem {
  X: Float64Array; // n×d
  y: Float64Array;
  n: number;
  d: number;
  k: number;
  v: Float64Array; // known readouts (their sum enters the mean)
  act: Activation;
  delta: number;
  /** Spectral law of S_k (a = k/d, atoms of P_v). */
  law: SpectralLaw;
}

export interface GampOptions {
  damping?: number; // weight of the previous iterate (0.4)
  tol?: number; // relative change of Ŝ to stop (1e−4)
}

export interface GampIterate {
  iteration: number;
  /** Relative change ‖Ŝ_new − Ŝ‖/‖Ŝ‖ of this iteration. */
  change: number;
  /** Predicted error per d of Ŝ (V/2). */
  predictedError: number;
  /** RIE noise level t = 1/(2A). */
  t: number;
  converged: boolean;
}

export class GampRie {
  readonly d: number;
  readonly mean: number;
  readonly S1: Float64Array;
  S: Float64Array;
  private V: number;
  private gPrev: Float64Array;
  private readonly yq: Float64Array; // ỹ
  private readonly noise: number; // effective noise of the quadratic channel
  private readonly c2: number;
  iteration = 0;
  converged = false;
  lastChange = Infinity;
  /** False when μ2 = 0: no quadratic part to learn (ε stays at the linear estimate's plateau). */
  readonly quadratic: boolean;

  constructor(
    private readonly p: GampProblem,
    private readonly opts: GampOptions = {},
  ) {
    const { X, y, n, d, k, v, act, delta } = p;
    this.d = d;
    const [mu0, mu1, mu2] = act.mu;
    const nu = act.Esigma2;
    let vsum = 0;
    for (let i = 0; i < k; i++) vsum += v[i];
    this.mean = (mu0 * vsum) / Math.sqrt(k);
    // 2. ridge: Ŝ1 = (μ1² XᵀX/d + s² I)⁻¹ (μ1/√d) Xᵀ(y − mean), prior S1 ~ N(0, I).
    const s2 = Math.max(delta + nu - mu0 * mu0 - mu1 * mu1, 1e-12);
    this.S1 = new Float64Array(d);
    const lin = new Float64Array(n);
    if (Math.abs(mu1) > 1e-12) {
      const A = new Float64Array(d * d);
      const b = new Float64Array(d);
      for (let m = 0; m < n; m++) {
        const xo = m * d;
        const r = y[m] - this.mean;
        for (let a = 0; a < d; a++) {
          const xa = X[xo + a];
          b[a] += xa * r;
          for (let c = a; c < d; c++) A[a * d + c] += xa * X[xo + c];
        }
      }
      for (let a = 0; a < d; a++) {
        for (let c = a; c < d; c++) {
          A[a * d + c] *= (mu1 * mu1) / d;
          A[c * d + a] = A[a * d + c];
        }
        A[a * d + a] += s2;
        b[a] *= mu1 / Math.sqrt(d);
      }
      this.S1.set(solveSPD(A, d, b));
      for (let m = 0; m < n; m++) {
        let acc = 0;
        for (let a = 0; a < d; a++) acc += X[m * d + a] * this.S1[a];
        lin[m] = (mu1 * acc) / Math.sqrt(d);
      }
    }
    // 3. quadratic-sensing labels and their noise.
    this.c2 = mu2 / Math.SQRT2;
    this.quadratic = Math.abs(this.c2) > 1e-12;
    const gamma = k / d;
    this.yq = new Float64Array(n);
    const scale = this.quadratic ? Math.sqrt(2 / gamma) / this.c2 : 0;
    for (let m = 0; m < n; m++) this.yq[m] = scale * (y[m] - this.mean - lin[m]);
    this.noise = this.quadratic
      ? (2 * Math.max(delta + nu - mu0 * mu0 - mu1 * mu1 - this.c2 * this.c2, 1e-12)) / (gamma * this.c2 * this.c2)
      : Infinity;
    // 4. AMP start at the prior mean E S_k = (Σv/k) I with V = 2 × prior error per d = 2/γ.
    this.S = new Float64Array(d * d);
    for (let a = 0; a < d; a++) this.S[a * d + a] = vsum / k;
    this.V = 2 / gamma;
    this.gPrev = new Float64Array(n);
    if (!this.quadratic) this.converged = true;
  }

  /** One AMP iteration. */
  step(): GampIterate {
    const { X, n, d } = this.p;
    const damping = this.opts.damping ?? 0.4;
    const tol = this.opts.tol ?? 1e-4;
    if (!this.quadratic) {
      this.iteration++;
      return { iteration: this.iteration, change: 0, predictedError: this.V / 2, t: Infinity, converged: true };
    }
    const S = this.S;
    const V = this.V;
    let trS = 0;
    for (let a = 0; a < d; a++) trS += S[a * d + a];
    const sqd = Math.sqrt(d);
    const g = new Float64Array(n);
    const Sx = new Float64Array(d);
    let g2 = 0;
    let gsum = 0;
    for (let m = 0; m < n; m++) {
      const xo = m * d;
      let q = 0;
      for (let a = 0; a < d; a++) {
        let acc = 0;
        const so = a * d;
        for (let c = 0; c < d; c++) acc += S[so + c] * X[xo + c];
        Sx[a] = acc;
        q += acc * X[xo + a];
      }
      const omega = (q - trS) / sqd - this.gPrev[m] * V;
      const gm = (this.yq[m] - omega) / (this.noise + V);
      g[m] = gm;
      g2 += gm * gm;
      gsum += gm;
    }
    const alpha = n / (d * d);
    const A = (2 * alpha * g2) / n;
    // R = Ŝ + (Σ g_μ x_μx_μᵀ − Σg I)/(A d^{3/2})
    const R = new Float64Array(d * d);
    for (let m = 0; m < n; m++) {
      const xo = m * d;
      const gm = g[m];
      for (let a = 0; a < d; a++) {
        const ga = gm * X[xo + a];
        const ro = a * d;
        for (let c = a; c < d; c++) R[ro + c] += ga * X[xo + c];
      }
    }
    const f = 1 / (A * d * sqd);
    for (let a = 0; a < d; a++) {
      R[a * d + a] -= gsum;
      for (let c = a; c < d; c++) {
        const val = S[a * d + c] + f * R[a * d + c];
        R[a * d + c] = val;
        R[c * d + a] = val;
      }
    }
    const t = 1 / (2 * A);
    const rie = rieDenoise(R, d, this.p.law, t);
    let diff = 0;
    let norm = 0;
    const next = new Float64Array(d * d);
    for (let i = 0; i < d * d; i++) {
      next[i] = (1 - damping) * rie.S[i] + damping * S[i];
      diff += (next[i] - S[i]) ** 2;
      norm += S[i] * S[i];
    }
    this.S = next;
    this.V = (1 - damping) * 2 * rie.predictedError + damping * V;
    this.gPrev = g;
    this.iteration++;
    this.lastChange = Math.sqrt(diff / Math.max(norm, 1e-300));
    this.converged = this.lastChange < tol;
    return {
      iteration: this.iteration,
      change: this.lastChange,
      predictedError: this.V / 2,
      t,
      converged: this.converged,
    };
  }

  /** ŷ for n rows of X (the estimator's prediction of the noiseless teacher). */
  predict(X: Float64Array, n: number): Float64Array {
    const { d, k, act } = this.p;
    const mu1 = act.mu[1];
    const mu2 = act.mu[2];
    const S = this.S;
    let trS = 0;
    for (let a = 0; a < d; a++) trS += S[a * d + a];
    const out = new Float64Array(n);
    const qc = ((mu2 / 2) * Math.sqrt(k)) / d;
    const lc = mu1 / Math.sqrt(d);
    for (let m = 0; m < n; m++) {
      const xo = m * d;
      let lin = 0;
      let q = 0;
      for (let a = 0; a < d; a++) {
        const xa = X[xo + a];
        lin += this.S1[a] * xa;
        let acc = 0;
        const so = a * d;
        for (let c = 0; c < d; c++) acc += S[so + c] * X[xo + c];
        q += acc * xa;
      }
      out[m] = this.mean + lc * lin + qc * (q - trS);
    }
    return out;
  }

  /** R2 = Tr(S2⁰ Ŝ2)/d with S2 = √γ S_k (docs/physics/mlp-shallow.md §3), given the teacher's S_k⁰. */
  overlapR2(Sk0: Float64Array): number {
    const { d, k } = this.p;
    let tr = 0;
    for (let i = 0; i < d * d; i++) tr += Sk0[i] * this.S[i];
    return ((k / d) * tr) / d;
  }
}

/** S_k = Wᵀ diag(v) W/k of an L = 1 network (W: k×d row-major). */
export function quadraticPart(W: Float64Array, v: Float64Array, k: number, d: number): Float64Array {
  const S = new Float64Array(d * d);
  for (let i = 0; i < k; i++) {
    const wo = i * d;
    const vi = v[i] / k;
    for (let a = 0; a < d; a++) {
      const wa = vi * W[wo + a];
      for (let c = a; c < d; c++) S[a * d + c] += wa * W[wo + c];
    }
  }
  for (let a = 0; a < d; a++) for (let c = 0; c < a; c++) S[a * d + c] = S[c * d + a];
  return S;
}
