// Hamiltonian Monte Carlo on a list of tfjs parameter tensors (generic over the potential U, so an L = 2
// student reuses it). Leapfrog integration with unit mass, Metropolis accept/reject, and during warm-up the
// dual-averaging step-size adaptation of Hoffman & Gelman (arXiv 1111.4246, Alg. 5). Momenta and the
// accept/reject uniforms come from the simulation's one seeded Rng; all tfjs work is float32.

import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../physics/numerics/rng';
import type { ValueAndGrad } from './shallowTf';

export interface HmcOptions {
  /** Initial leapfrog step size ε (paper A: 0.01, then adapted). */
  stepSize: number;
  /** Leapfrog steps per trajectory (paper A: 10). */
  leapfrog: number;
  /** Target acceptance probability during adaptation. */
  targetAccept: number;
  /** Iterations with step-size adaptation. */
  warmup: number;
  /** Energy error above which a trajectory counts as divergent (and is rejected). */
  maxEnergyError?: number;
  /**
   * Relative jitter of ε per trajectory, ε·(1 + jitter·(2u − 1)) (default 0.2): a fixed trajectory length can
   * resonate with a period of the target and leave a direction unexplored (seen on a correlated Gaussian).
   */
  jitter?: number;
}

export interface HmcStepInfo {
  accepted: boolean;
  acceptProb: number;
  divergent: boolean;
  energyError: number; // H(end) − H(start)
  stepSize: number; // ε used for this trajectory
  potential: number; // U at the current state after the step
}

export interface LeapfrogResult {
  q: tf.Tensor[];
  p: tf.Tensor[];
  U: number;
  grads: tf.Tensor[];
}

/** L leapfrog steps of size eps from (q, p) with ∇U(q) = grads0; returns new tensors (inputs untouched). */
export function leapfrog(
  vg: ValueAndGrad,
  q0: tf.Tensor[],
  p0: tf.Tensor[],
  grads0: tf.Tensor[],
  eps: number,
  L: number,
): LeapfrogResult {
  // x + c·y over the parameter list in one tidy (no per-tensor scopes: op dispatch, not flops, costs here).
  const axpy = (x: tf.Tensor[], c: number, y: tf.Tensor[]) =>
    tf.tidy(() => x.map((t, i) => tf.add(t, tf.mul(y[i], c))));
  let q = q0;
  let p = axpy(p0, -eps / 2, grads0);
  let grads: tf.Tensor[] = [];
  let U = NaN;
  for (let l = 1; l <= L; l++) {
    const qn = axpy(q, eps, p);
    if (q !== q0) q.forEach((t) => t.dispose());
    q = qn;
    grads.forEach((g) => g.dispose());
    if (l < L && vg.gradients) {
      grads = vg.gradients(q); // only the end point's energy is needed: no U (and no GPU read-back) per step
    } else {
      const r = vg(q);
      if (l === L) U = r.value.dataSync()[0];
      r.value.dispose();
      grads = r.grads;
    }
    const pn = axpy(p, l < L ? -eps : -eps / 2, grads);
    p.forEach((t) => t.dispose());
    p = pn;
  }
  return { q: q === q0 ? q0.map((t) => t.clone()) : q, p, U, grads };
}

/** ½ Σ p² in float64 over float32 values. */
function halfSquares(arrays: ArrayLike<number>[]): number {
  let s = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return 0.5 * s;
}

/** ½ Σ p² in float64 over the tensors' float32 values. */
export const kinetic = (p: tf.Tensor[]): number => halfSquares(p.map((t) => t.dataSync()));

/** Dual averaging of log ε towards a target acceptance (Hoffman & Gelman's γ = 0.05, t0 = 10, κ = 0.75). */
export class StepSizeAdapter {
  private mu: number;
  private hBar = 0;
  private logEpsBar = 0;
  private m = 0;
  logEps: number;
  constructor(
    eps0: number,
    private readonly target: number,
  ) {
    this.mu = Math.log(10 * eps0);
    this.logEps = Math.log(eps0);
  }
  update(acceptProb: number): void {
    const t0 = 10;
    this.m++;
    const m = this.m;
    this.hBar = (1 - 1 / (m + t0)) * this.hBar + (this.target - acceptProb) / (m + t0);
    this.logEps = this.mu - (Math.sqrt(m) / 0.05) * this.hBar;
    const w = Math.pow(m, -0.75);
    this.logEpsBar = w * this.logEps + (1 - w) * this.logEpsBar;
  }
  /** ε for the next warm-up trajectory. */
  get current(): number {
    return Math.exp(this.logEps);
  }
  /** ε after warm-up (the averaged iterate). */
  get final(): number {
    return this.m > 0 ? Math.exp(this.logEpsBar) : Math.exp(this.logEps);
  }
}

export class Hmc {
  q: tf.Tensor[];
  private grads: tf.Tensor[];
  private U: number;
  private readonly adapter: StepSizeAdapter;
  private eps: number;
  iteration = 0;
  accepted = 0;
  divergences = 0;
  /** Mean acceptance probability since warm-up ended (or over warm-up while it lasts). */
  private acceptSum = 0;
  private acceptCount = 0;
  /** The warm-up's mean, reported until the first kept trajectory (never a NaN row after warm-up, issue 21). */
  private warmupRate = NaN;

  constructor(
    private readonly vg: ValueAndGrad,
    init: tf.Tensor[],
    private readonly rng: Rng,
    private readonly opts: HmcOptions,
  ) {
    if (!(opts.stepSize > 0) || !(opts.leapfrog >= 1)) throw new Error('HMC needs stepSize > 0 and leapfrog ≥ 1');
    this.q = init.map((t) => t.clone());
    const r = this.vg(this.q);
    this.U = r.value.dataSync()[0];
    r.value.dispose();
    this.grads = r.grads;
    this.adapter = new StepSizeAdapter(opts.stepSize, opts.targetAccept);
    this.eps = opts.stepSize;
  }

  get stepSize(): number {
    return this.eps;
  }

  get potential(): number {
    return this.U;
  }

  get acceptanceRate(): number {
    return this.acceptCount ? this.acceptSum / this.acceptCount : this.warmupRate;
  }

  get warmingUp(): boolean {
    return this.iteration < this.opts.warmup;
  }

  /** One HMC trajectory. */
  step(): HmcStepInfo {
    const warm = this.warmingUp;
    const jitter = this.opts.jitter ?? 0.2;
    const eps = this.eps * (1 + jitter * (2 * this.rng.uniform() - 1));
    const momenta = this.q.map((t) => Float32Array.from(this.rng.normals(t.size)));
    const p0 = momenta.map((m, i) => tf.tensor(m, this.q[i].shape));
    const H0 = this.U + halfSquares(momenta); // from the host copy: no read-back of tensors just uploaded
    const res = leapfrog(this.vg, this.q, p0, this.grads, eps, this.opts.leapfrog);
    const H1 = res.U + kinetic(res.p);
    const dH = H1 - H0;
    const divergent = !Number.isFinite(dH) || dH > (this.opts.maxEnergyError ?? 1000);
    const acceptProb = divergent ? 0 : Math.min(1, Math.exp(-dH));
    const u = this.rng.uniform();
    const accepted = !divergent && u < acceptProb;
    p0.forEach((t) => t.dispose());
    res.p.forEach((t) => t.dispose());
    if (accepted) {
      this.q.forEach((t) => t.dispose());
      this.grads.forEach((t) => t.dispose());
      this.q = res.q;
      this.grads = res.grads;
      this.U = res.U;
      this.accepted++;
    } else {
      res.q.forEach((t) => t.dispose());
      res.grads.forEach((t) => t.dispose());
    }
    if (divergent) this.divergences++;
    this.iteration++;
    if (warm) {
      this.adapter.update(acceptProb);
      this.eps = this.iteration >= this.opts.warmup ? this.adapter.final : this.adapter.current;
      this.acceptSum += acceptProb;
      this.acceptCount++;
      if (this.iteration >= this.opts.warmup) {
        this.warmupRate = this.acceptSum / this.acceptCount;
        this.acceptSum = 0;
        this.acceptCount = 0;
      }
    } else {
      this.acceptSum += acceptProb;
      this.acceptCount++;
    }
    return { accepted, acceptProb, divergent, energyError: dH, stepSize: eps, potential: this.U };
  }

  /** Current parameters as float64 arrays. */
  values(): Float64Array[] {
    return this.q.map((t) => Float64Array.from(t.dataSync()));
  }

  dispose(): void {
    this.q.forEach((t) => t.dispose());
    this.grads.forEach((t) => t.dispose());
  }
}
