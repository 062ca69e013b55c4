// The stationary points of one readout class (`ones`, `rad`) as a curve α(Q) (docs/physics/mlp-shallow.md §6a).
// At fixed Q, τ and E v²g(Q) are fixed and Q̂ depends on α only through R̂2 (α/D = R̂2/μ2²):
//   Q̂ = (v²/γ) Q gain(τ, R̂2) + (v²/γ) g'(Q) R̂2/μ2²,  increasing in R̂2,
// so m_W(Q̂) = Q is a monotone 1-D equation for s = α/D = R̂2/μ2² and α = s D follows. Q̂ increases with α at fixed Q,
// hence every Q ∈ (0, 1) has at most one α: the whole set of Q ≠ 0 stationary points is the graph of α(Q).
// A point is stable under the fixed-point map iff α increases with Q there (G_Q = −G_α dα/dQ, G_α > 0), and the
// folds (spinodals) are the local extrema of α(Q): a metastable window is found however narrow it is in α,
// without sampling α. The branch is continued in Q, its natural parameter.

import { bisect } from '../numerics/bisect';
import { brent } from '../numerics/brent';
import { maximise } from '../numerics/maximise';
import { overlapW } from '../priors';
import type { BranchSolution } from '../types';
import { conjugateQ, evaluate, freeEntropy, solveUniversal, type Evaluation, type ShallowSystem } from './shallow';

/** Inverse of m_W(q̂) (increasing, m_W(0) = 0, m_W(∞) = 1). */
export function overlapWInverse(prior: ShallowSystem['prior'], q: number): number {
  if (!(q > 0)) return 0;
  if (prior === 'gaussian') return q / (1 - q);
  let hi = 1;
  while (overlapW(prior, hi) < q && hi < 1e4) hi *= 2;
  return brent((x) => overlapW(prior, x) - q, 0, hi, 1e-13 * hi).x;
}

/** α and R̂2 of the stationary point with overlap Q (one readout class); null where no α > 0 has it. */
export function alphaOfQ(sys: ShallowSystem, q: number): { alpha: number; R2hat: number } | null {
  if (sys.v2.length !== 1) throw new Error('alphaOfQ handles one readout class');
  const { table, mu2sq, gamma, delta, g1 } = sys;
  const v2 = sys.v2[0];
  const target = overlapWInverse(sys.prior, q);
  const tau = table.mSInverse(v2 * q * q);
  const G = v2 * sys.g(q);
  const gp = sys.gPrime(q);
  // Unknown s = α/D = R̂2/μ2² (well defined for μ2 = 0 too, where R̂2 ≡ 0).
  const qhat = (x: number) => (v2 / gamma) * (q * table.gain(tau, mu2sq * x) + gp * x) - target;
  let hi = gp > 0 ? (target * gamma) / (v2 * gp) : 1; // Q̂ ≥ (v²/γ) g' s
  while (qhat(hi) < 0) {
    hi *= 2;
    if (hi > 1e12) return null; // Q̂ bounded (g' = 0): this Q is stationary at no α
  }
  const x = brent(qhat, 0, hi, 1e-14 * hi).x;
  const r = mu2sq * x;
  const alpha = x * (delta + 0.5 * mu2sq * table.mmse(tau + r) + g1 - G);
  return Number.isFinite(alpha) && alpha > 0 ? { alpha, R2hat: r } : null;
}

const ev: Evaluation = { M: 0, tau: 0, G: 0, R2hat: 0, mS: 0, D: 1, eps: 0, innerOk: true };

/** The stationary point (Q, α(Q)) as a BranchSolution; its residual |m_W(Q̂) − Q| is measured, not assumed. */
export function pointAt(sys: ShallowSystem, alpha: number, q: number, r0: number): BranchSolution {
  const Q = Float64Array.of(q);
  const Qhat = new Float64Array(1);
  evaluate(sys, alpha, Q, r0, ev);
  conjugateQ(sys, alpha, Q, ev, Qhat);
  const f = freeEntropy(sys, alpha, Q, Qhat, ev);
  const residual = Math.abs(overlapW(sys.prior, Qhat[0]) - q) / Math.min(1, Math.max(1 - q, 1e-4));
  return {
    kind: 'specialised',
    eps: ev.eps,
    f,
    R2: sys.rho2 - 1 + ev.mS,
    R2hat: ev.R2hat,
    tau: ev.tau,
    Q: [q],
    Qhat: [Qhat[0]],
    converged: residual < 1e-7 && ev.innerOk && Number.isFinite(f),
    iterations: 1,
    residual,
  };
}

/** A stable piece of the curve: α increases with Q from (qLo, alphaLo) to (qHi, alphaHi). */
export interface StableSegment {
  qLo: number;
  qHi: number;
  alphaLo: number;
  /** Infinity where the segment reaches Q → 1 still rising. */
  alphaHi: number;
  /** The segment starts at Q → 0⁺ (born from Q = 0 at the spinodal of the universal branch). */
  fromZero: boolean;
}

/** One first-order jump of the equilibrium. */
export interface Jump {
  alpha: number;
  /** Smallest α where the branch that wins at the jump exists (its lower fold). */
  spinodalLow: number;
  /** Largest α where the branch that loses is stable (its upper fold, or where Q = 0 loses stability); null
   *  beyond alphaMax. */
  spinodalHigh: number | null;
  qBelow: number;
  qAbove: number;
  /** ε on the losing and the winning branch at the jump (the multi-class scan of shallowModel.ts gives them). */
  epsBelow?: number;
  epsAbove?: number;
}

/** Every transition of the equilibrium along α in one vocabulary (docs/physics/mlp-shallow.md §6a). */
export interface TransitionSet {
  /** Continuous onset: Q grows from 0 at the spinodal of the universal branch (null if Q = 0 never does so). */
  onset: number | null;
  /** First-order jumps, ascending in α. */
  jumps: Jump[];
  /** The universal branch's spinodal (Q = 0 loses linear stability); null where it never does. */
  spinodalUni: number | null;
}

/** Q grid: dense at both ends (the bifurcation at Q → 0, saturation at Q → 1). */
function qGrid(n: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < n; i++) {
    const u = i / n;
    out.push(u * u * (3 - 2 * u));
  }
  // Saturation (binary W at large α: 1 − Q ~ e^{−Q̂/2}); m_W⁻¹ stays accurate down to 1 − Q ≈ 1e−12.
  for (let k = 5; k <= 12; k++) out.push(1 - Math.pow(10, -k));
  return out;
}

/** The curve α(Q) sampled on a Q grid, its stable segments (folds refined to 1e−12 in Q). */
export class BranchCurve {
  readonly q: number[] = [];
  readonly alpha: number[] = [];
  readonly segments: StableSegment[] = [];
  /** Q of the grid point after each sample (where α(Q) ceases to exist, or 1 at the top of the grid). */
  private readonly nextQ: number[] = [];
  constructor(
    readonly sys: ShallowSystem,
    readonly spinodalUni: number | null,
    n = 200,
  ) {
    const grid = qGrid(n);
    const runs: Array<[number, number]> = []; // contiguous runs of samples (α(Q) can cease to exist: g' = 0)
    for (let i = 0; i < grid.length; i++) {
      const a = alphaOfQ(sys, grid[i]);
      if (!a) continue;
      if (i > 0 && this.nextQ.length && this.nextQ[this.nextQ.length - 1] === grid[i]) runs[runs.length - 1][1]++;
      else runs.push([this.q.length, this.q.length + 1]);
      this.q.push(grid[i]);
      this.alpha.push(a.alpha);
      this.nextQ.push(i + 1 < grid.length ? grid[i + 1] : 1);
    }
    for (const [b, e] of runs) this.findSegments(b, e);
  }

  /** Local extremum of α(Q) between samples i − 1 and i + 1, refined by golden section. */
  private fold(i: number, kind: 'max' | 'min'): { q: number; alpha: number } {
    const s = kind === 'max' ? 1 : -1;
    const h = (q: number) => {
      const a = alphaOfQ(this.sys, q);
      return a ? s * a.alpha : -Infinity;
    };
    const m = maximise(h, this.q[i - 1], this.q[i + 1], 8, 1e-12);
    return { q: m.x, alpha: s * m.value };
  }

  /** Stable segments of the run of samples [b, e): the pieces where α rises with Q, cut at the folds. */
  private findSegments(b: number, e: number): void {
    const { q, alpha } = this;
    if (e - b < 2) return;
    let start: { q: number; alpha: number; fromZero: boolean } | null = null;
    // A run that starts after a gap comes down from α = ∞: its first rising piece starts at a fold.
    if (alpha[b + 1] > alpha[b] && b === 0) start = { q: q[b], alpha: alpha[b], fromZero: q[b] < 1e-3 };
    for (let i = b + 1; i < e - 1; i++) {
      const up = alpha[i] > alpha[i - 1];
      const next = alpha[i + 1] > alpha[i];
      if (up && !next && start) {
        const f = this.fold(i, 'max');
        this.segments.push({
          qLo: start.q,
          qHi: f.q,
          alphaLo: start.alpha,
          alphaHi: f.alpha,
          fromZero: start.fromZero,
        });
        start = null;
      } else if (!up && next) {
        const f = this.fold(i, 'min');
        start = { q: f.q, alpha: f.alpha, fromZero: false };
      }
    }
    // Rising at the end of the run: α → ∞ at the gap (Q̂ bounded there) or Q saturates at 1.
    if (start)
      this.segments.push({
        qLo: start.q,
        qHi: this.nextQ[e - 1],
        alphaLo: start.alpha,
        alphaHi: Infinity,
        fromZero: start.fromZero,
      });
    // A segment born at Q → 0⁺ starts exactly at the universal spinodal (α(0⁺) = spinodalUni, closed form).
    for (const s of this.segments) if (s.fromZero && this.spinodalUni !== null) s.alphaLo = this.spinodalUni;
  }

  /** The point of segment k at α (inverting the monotone α(Q) on it); null outside its range. */
  at(k: number, alpha: number): BranchSolution | null {
    const s = this.segments[k];
    if (!(alpha >= s.alphaLo && alpha <= s.alphaHi)) return null;
    // Bracket in Q from the samples of the segment (α increases along it).
    let lo = s.qLo;
    let hi = s.qHi;
    let last = -1;
    for (let i = 0; i < this.q.length; i++) {
      if (this.q[i] <= s.qLo || this.q[i] >= s.qHi) continue;
      last = i;
      if (this.alpha[i] <= alpha) lo = this.q[i];
      else {
        hi = this.q[i];
        break;
      }
    }
    if (hi === 1) {
      // Beyond the top of the grid: Q within 1e−12 of 1, taken as saturated (ε and f off by ~1e−12·g'(1)).
      const top = alphaOfQ(this.sys, this.q[last]);
      return top ? pointAt(this.sys, alpha, this.q[last], top.R2hat) : null;
    }
    const da = (x: number) => (alphaOfQ(this.sys, x)?.alpha ?? Infinity) - alpha;
    const dHi = da(hi);
    const q =
      da(lo) >= 0
        ? lo
        : Number.isFinite(dHi)
          ? brent(da, lo, hi, 1e-13).x
          : bisect((x) => da(x) > 0, lo, hi, 1e-14, 60).lo; // towards a gap where α(Q) → ∞
    const a = alphaOfQ(this.sys, q);
    return a ? pointAt(this.sys, alpha, q, a.R2hat) : null;
  }
}

/** Which state holds the equilibrium: −1 the universal branch, k ≥ 0 stable segment k. */
type Holder = number;

/**
 * The transitions of the equilibrium (largest f_RS among stable stationary points) for α ≤ alphaMax: the onset
 * where a segment born at Q → 0⁺ takes over continuously, and every first-order jump with its spinodals.
 * Between consecutive ends of stable pieces the set of pieces is fixed and f of two coexisting pieces crosses at
 * most once (the one of larger Q has the smaller ε, hence the larger ∂f/∂α): the holder is compared at the ends
 * of each such interval and a change is located by root-finding on the difference of f.
 */
export function transitionsOf(curve: BranchCurve, alphaMax: number): TransitionSet {
  const { sys, segments, spinodalUni } = curve;
  const uniStable = (a: number) => spinodalUni === null || a <= spinodalUni;
  const fOf = (h: Holder, a: number): number => {
    if (h < 0) return uniStable(a) ? solveUniversal(sys, a).f : -Infinity;
    const p = curve.at(h, a);
    return p && p.converged ? p.f : -Infinity;
  };
  const holderAt = (a: number): Holder => {
    let best: Holder = -1;
    let bestF = fOf(-1, a);
    for (let k = 0; k < segments.length; k++) {
      const f = fOf(k, a);
      // Ties (to 1e−12) go to the state already ranked first: the universal branch, then smaller Q.
      if (f > bestF + (Number.isFinite(bestF) ? 1e-12 * Math.abs(bestF) : 0)) {
        best = k;
        bestF = f;
      }
    }
    return best;
  };
  const qOf = (h: Holder, a: number) => (h < 0 ? 0 : (curve.at(h, a)?.Q[0] ?? 0));
  const ends = new Set<number>([alphaMax]);
  if (spinodalUni !== null && spinodalUni < alphaMax) ends.add(spinodalUni);
  for (const s of segments) for (const a of [s.alphaLo, s.alphaHi]) if (a > 0 && a < alphaMax) ends.add(a);
  const grid = [1e-9 * alphaMax, ...[...ends].sort((a, b) => a - b)];
  const out: TransitionSet = { onset: null, jumps: [], spinodalUni };
  let prevH = holderAt(grid[0]);
  for (let i = 1; i < grid.length; i++) {
    const lo = grid[i - 1];
    const hi = grid[i];
    const mid = (x: number) => lo + x * (hi - lo);
    // Inside the interval (its ends can be folds, where a piece just appears or ends).
    const hLo = holderAt(mid(1e-9));
    const hHi = holderAt(mid(1 - 1e-9));
    for (const [from, to, a0, a1] of [
      [prevH, hLo, lo, mid(1e-9)],
      [hLo, hHi, mid(1e-9), mid(1 - 1e-9)],
    ] as const) {
      if (from === to) continue;
      const seg = to >= 0 ? segments[to] : null;
      if (from < 0 && seg && seg.fromZero && spinodalUni !== null && Math.abs(a0 - spinodalUni) <= 1e-9 * a1) {
        out.onset = spinodalUni; // born from Q = 0 with equal f, larger f beyond: a continuous onset
        continue;
      }
      const df = (x: number) => fOf(to, x) - fOf(from, x);
      const d0 = df(a0);
      const d1 = df(a1);
      const alpha =
        d0 >= 0
          ? a0
          : Number.isFinite(d0) && Number.isFinite(d1)
            ? brent(df, a0, a1, 1e-13 * a1).x
            : bisect((x) => df(x) > 0, a0, a1, 1e-13, 60).hi;
      const spinodalHigh = from < 0 ? spinodalUni : segments[from].alphaHi;
      out.jumps.push({
        alpha,
        spinodalLow: seg ? seg.alphaLo : alpha,
        spinodalHigh: spinodalHigh === null || spinodalHigh > alphaMax ? null : spinodalHigh,
        qBelow: qOf(from, alpha),
        qAbove: qOf(to, alpha),
      });
    }
    prevH = hHi;
  }
  return out;
}
