// Fixed-point solver of the L = 2 saddle point (arXiv 2510.24616; docs/physics/mlp-deep.md §5): damped iteration of the map
// (Q1, Q2, Q2:1) → (m_W(Q̂1), m_W(Q̂2), 1 − mmse_v(τ_v + Q̂2:1)), Anderson-accelerated only near convergence
// (from far away acceleration also lands on unstable points, which would relabel the branch a start falls into).

import { AndersonMixer } from '../numerics/anderson';
import { relaxClasses, relaxReadouts } from './classRelax';
import {
  evaluateConjugates,
  evaluatePrimal,
  freeEntropyOf,
  mapState,
  newEval,
  type DeepEval,
  type DeepState,
  type DeepSystem,
} from './deepSaddle';

export const DEEP_BRANCHES = ['specialised', 'layer1', 'product', 'universal'] as const;
export type DeepBranch = (typeof DEEP_BRANCHES)[number];

/** One stationary point of the L = 2 free entropy. */
export interface DeepSolution {
  branch: DeepBranch; // the start it was reached from
  eps: number; // ε_opt = K_d − K*
  f: number;
  Q1: number[]; // per folded s class
  Q2: number[]; // V × S, row-major by readout atom
  Q21: number[]; // per readout class (distinct v², P_v)
  Q1mean: number; // E_s Q1
  Q2mean: number; // E_{v,s} Q2
  Q21mean: number; // E_v Q2:1
  converged: boolean;
  iterations: number;
  residual: number;
}

/** Which kind of point a solution is (several starts can reach the same one): what is learnt beyond the linear part. */
export function pointKind(sol: DeepSolution, quenched = false, thr = 1e-3): DeepBranch {
  const layer1 = !quenched && sol.Q1mean > thr; // quenched: Q1 ≡ 1 is given, not learnt
  if (sol.Q2mean > thr || (layer1 && sol.Q21mean > thr)) return 'specialised';
  if (layer1) return 'layer1';
  if (sol.Q21mean > thr) return 'product';
  return 'universal';
}

/** The authors' four initialisations (docs/physics/mlp-deep.md §8). */
export const BRANCH_STARTS: Record<DeepBranch, [number, number, number]> = {
  specialised: [0.99, 0.99, 0.99],
  layer1: [0.99, 0, 0],
  product: [0, 0, 0.99],
  universal: [0, 0, 0],
};

export interface DeepSolveOptions {
  tol?: number;
  maxIter?: number;
  damping?: number;
  /**
   * Stationary points already found at this α: a start heading into one of them (within 1e−6 once the
   * residual is below 1e−4) stops there and returns a copy under its own branch name (the plain iteration
   * converges linearly, so this saves most of the work when starts collapse onto the same point).
   */
  known?: readonly DeepSolution[];
  /**
   * The pattern a start must keep (s classes with Q1 > 0.5 exactly from `specialisedFrom` up): the iteration stops,
   * unconverged, as soon as a class crosses 0.5 the other way (used by the threshold climb, whose trial points
   * are members of one threshold family or nothing).
   */
  pattern?: { specialisedFrom: number };
}

/** Whether Q1 > 0.5 exactly on the classes i ≥ c. */
export function hasPattern(Q1: ArrayLike<number>, c: number): boolean {
  for (let i = 0; i < Q1.length; i++) if (Q1[i] > 0.5 !== i >= c) return false;
  return true;
}

/** Q1 | Q2 | Q2:1 views of a flat state vector. */
export function views(sys: DeepSystem, buf: Float64Array): DeepState {
  const S = sys.s2.length;
  const V = sys.v2.length;
  return { Q1: buf.subarray(0, S), Q2: buf.subarray(S, S + V * S), Q21: buf.subarray(S + V * S, S + V * S + V) };
}

export function startVector(sys: DeepSystem, branch: DeepBranch): Float64Array {
  const [a, b, c] = BRANCH_STARTS[branch];
  const S = sys.s2.length;
  const V = sys.v2.length;
  const x = new Float64Array(S + V * S + V);
  x.fill(sys.quenched ? 1 : a, 0, S);
  x.fill(b, S, S + V * S);
  x.fill(c, S + V * S);
  return x;
}

const flatCache = new WeakMap<DeepSolution, Float64Array>();
/** The flat state of a solution, cached (solutions are never modified; the copy must not be written to). */
function flatView(sol: DeepSolution): Float64Array {
  let x = flatCache.get(sol);
  if (!x) {
    x = flatten(sol);
    flatCache.set(sol, x);
  }
  return x;
}

export function flatten(sol: DeepSolution): Float64Array {
  const x = new Float64Array(sol.Q1.length + sol.Q2.length + sol.Q21.length);
  x.set(sol.Q1, 0);
  x.set(sol.Q2, sol.Q1.length);
  x.set(sol.Q21, sol.Q1.length + sol.Q2.length);
  return x;
}

/** How many components lie above 1/2 (a class crossing its jump changes it). */
function sideCount(x: Float64Array, n: number): number {
  let c = 0;
  for (let k = 0; k < n; k++) if (x[k] > 0.5) c++;
  return c;
}

/** Solves from x0 (flat Q1 | Q2 | Q2:1); the universal start (all zero) is a fixed point in closed form. */
export function solveDeep(
  sys: DeepSystem,
  alpha: number,
  x0: Float64Array,
  branch: DeepBranch,
  opts: DeepSolveOptions = {},
): DeepSolution {
  const n = x0.length;
  const tol = opts.tol ?? 1e-11;
  const maxIter = opts.maxIter ?? 20000;
  let eta = opts.damping ?? 0.5;
  const x = Float64Array.from(x0);
  const fx = new Float64Array(n);
  const res = new Float64Array(n);
  const X = views(sys, x);
  const FX = views(sys, fx);
  const ev = newEval(sys);
  if (sys.mixer?.unknowns !== n) sys.mixer = new AndersonMixer(n);
  const mixer = sys.mixer;
  mixer.reset();
  let residual = Infinity;
  let lastResidual = Infinity;
  let it = 0;
  let evAtX = false; // ev holds the evaluation at x (the loop stopped right after mapState)
  const S = sys.s2.length;
  const V = sys.v2.length;
  const knownX = (opts.known ?? [])
    .filter((k) => k.converged && k.residual <= 10 * tol)
    .map((k) => ({ k, x: flatView(k) }));
  // Anderson from residual 1e−3 (never deciding a jump, see below). A stall of the plain iteration is mostly a
  // class crawling past the ghost of its own jump: it is relaxed on its own map (classRelax.ts), 50× cheaper a step.
  const andersonFrom = 1e-3;
  const scratchX = new Float64Array(n);
  const step = new Float64Array(n);
  let relaxations = 0;
  let relaxEv: DeepEval | null = null;
  let best = Infinity;
  let bestAt = 0;
  for (; it < maxIter; it++) {
    mapState(sys, alpha, X, ev, FX);
    residual = 0;
    for (let k = 0; k < n; k++) {
      res[k] = fx[k] - x[k];
      const a = Math.abs(res[k]);
      if (a > residual || a !== a) residual = a !== a ? Infinity : a;
    }
    evAtX = true;
    if (residual < tol || !Number.isFinite(residual)) break;
    if (opts.pattern && !hasPattern(X.Q1, opts.pattern.specialisedFrom)) {
      residual = Infinity; // left its family: not a member
      break;
    }
    if (knownX.length && residual < 1e-4) {
      for (const { k, x: kx } of knownX) {
        // Q2:1 and Q1 first (short, and where distinct points differ), then the V × S block of Q2.
        let d = 0;
        for (let j = n - 1; j >= n - V && d < 1e-6; j--) d = Math.max(d, Math.abs(x[j] - kx[j]));
        for (let j = 0; j < n - V && d < 1e-6; j++) d = Math.max(d, Math.abs(x[j] - kx[j]));
        if (d < 1e-6) return { ...k, branch, iterations: it, Q1: k.Q1.slice(), Q2: k.Q2.slice(), Q21: k.Q21.slice() };
      }
    }
    evAtX = false;
    if (residual < 0.5 * best) {
      best = residual;
      bestAt = it;
    } else if (it - bestAt > 30) {
      // Stalled. Mostly a class passing the ghost of its own jump: it crosses on its own map (a few times at most;
      // when the full map undoes them, the damped iteration alone decides). Otherwise a slow collective mode, or
      // Anderson stagnating on an old history: restart the history.
      bestAt = it;
      mixer.reset();
      if (relaxations < 8) {
        relaxations++;
        const before = sideCount(x, n);
        scratchX.set(x);
        relaxClasses(sys, alpha, X, { minMove: 0.01 * residual, ev: (relaxEv ??= newEval(sys)) });
        relaxReadouts(sys, alpha, X, { minMove: 0.01 * residual, ev: relaxEv });
        if (sys.quenched) x.fill(1, 0, S);
        if (sideCount(x, n) !== before) {
          best = Infinity;
          lastResidual = Infinity;
          continue;
        }
        x.set(scratchX);
      }
    }

    if (residual > lastResidual * 1.5) {
      mixer.reset();
      eta = Math.max(0.05, eta * 0.5);
    }
    lastResidual = residual;
    mixer.push(x, res);
    let mix = residual < andersonFrom && mixer.solve(res);
    // An extrapolated step may not decide a jump: where it would put a component on the other side of 1/2 than
    // the plain damped step does (a class falling through its own jump, or rising), take the plain step. Which
    // stationary point a start reaches is then decided by the damped iteration alone, which descends monotonically
    // to the largest fixed point below its start (the map is cooperative), whatever the damping.
    if (mix) {
      mixer.mixInto(x, res, eta, step);
      for (let k = 0; k < n; k++) {
        const plain = x[k] + eta * res[k];
        // (a component settling near 1/2 itself may cross with a small correction)
        if (step[k] > 0.5 !== plain > 0.5 && Math.abs(step[k] - plain) > 1e-3) {
          mix = false;
          mixer.reset();
          break;
        }
      }
    }
    for (let k = 0; k < n; k++) {
      const y = mix ? step[k] : x[k] + eta * res[k];
      // Stay inside (0, 1) without creating exact zeros: Q1(s) = Q2(·, s) = 0 is a fixed point of every s class,
      // so a class clamped to 0 by an extrapolated step could never leave it again, and which classes got stuck
      // there depended on the damping (the path dependence near α ≈ 3). The plain damped step never leaves (0, 1].
      x[k] = y <= 0 ? 0.5 * x[k] : y > 1 ? 0.5 * (1 + x[k]) : y;
    }
    if (sys.quenched) x.fill(1, 0, S);
  }
  if (!evAtX) {
    evaluatePrimal(sys, X, ev);
    evaluateConjugates(sys, alpha, X, ev);
  }
  const f = freeEntropyOf(sys, alpha, X, ev, ev);
  return summarise(sys, branch, X, ev, f, residual < 10 * tol && Number.isFinite(f), it, residual);
}

function summarise(
  sys: DeepSystem,
  branch: DeepBranch,
  x: DeepState,
  ev: DeepEval,
  f: number,
  converged: boolean,
  iterations: number,
  residual: number,
): DeepSolution {
  const { ps, pv } = sys;
  const S = ps.length;
  let q1 = 0;
  for (let i = 0; i < S; i++) q1 += ps[i] * x.Q1[i];
  let q2 = 0;
  let q21 = 0;
  for (let v = 0; v < pv.length; v++) {
    for (let i = 0; i < S; i++) q2 += pv[v] * ps[i] * x.Q2[v * S + i];
    q21 += pv[v] * x.Q21[v];
  }
  return {
    branch,
    eps: ev.eps,
    f,
    Q1: Array.from(x.Q1),
    Q2: Array.from(x.Q2),
    Q21: Array.from(x.Q21),
    Q1mean: q1,
    Q2mean: q2,
    Q21mean: q21,
    converged,
    iterations,
    residual: Number.isFinite(residual) ? residual : Infinity,
  };
}

/** The universal point Q1 = Q2 = Q2:1 = 0 (a fixed point for odd activations, g'(0) = 0): ε = K_d − (μ1⁽¹⁾μ1⁽²⁾)². */
export function solveUniversalDeep(sys: DeepSystem, alpha: number): DeepSolution {
  const x0 = startVector(sys, 'universal');
  if (sys.quenched) return solveDeep(sys, alpha, x0, 'universal');
  const X = views(sys, x0);
  const ev = newEval(sys);
  evaluatePrimal(sys, X, ev);
  evaluateConjugates(sys, alpha, X, ev);
  const f = freeEntropyOf(sys, alpha, X, ev, ev);
  return summarise(sys, 'universal', X, ev, f, Number.isFinite(f), 0, 0);
}
