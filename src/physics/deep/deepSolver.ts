// Fixed-point solver of the L = 2 saddle point (arXiv 2510.24616; mlp-deep.md): damped iteration of the map
// (Q1, Q2, Q2:1) → (m_W(Q̂1), m_W(Q̂2), 1 − mmse_v(τ_v + Q̂2:1)), Anderson-accelerated only near convergence
// (from far away acceleration also lands on unstable points, which would relabel the branch a start falls into).

import { evaluateConjugates, evaluatePrimal, freeEntropyOf, mapState, newEval, type DeepEval, type DeepState, type DeepSystem } from './deepSaddle';

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

/** The authors' four initialisations (mlp-deep.md "Branches"). */
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
}

function views(sys: DeepSystem, buf: Float64Array): DeepState {
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

export function flatten(sol: DeepSolution): Float64Array {
  return Float64Array.from([...sol.Q1, ...sol.Q2, ...sol.Q21]);
}

/** Solves from x0 (flat Q1 | Q2 | Q2:1); the universal start (all zero) is a fixed point in closed form. */
export function solveDeep(sys: DeepSystem, alpha: number, x0: Float64Array, branch: DeepBranch, opts: DeepSolveOptions = {}): DeepSolution {
  const n = x0.length;
  const tol = opts.tol ?? 1e-11;
  const maxIter = opts.maxIter ?? 20000;
  let eta = opts.damping ?? 0.5;
  const x = Float64Array.from(x0);
  const fx = new Float64Array(n);
  const res = new Float64Array(n);
  const prevX = new Float64Array(n);
  const prevRes = new Float64Array(n);
  const X = views(sys, x);
  const FX = views(sys, fx);
  const ev = newEval(sys);
  const m = 5;
  const dX = Array.from({ length: m }, () => new Float64Array(n));
  const dR = Array.from({ length: m }, () => new Float64Array(n));
  let hist = 0;
  let head = 0;
  let havePrev = false;
  let residual = Infinity;
  let lastResidual = Infinity;
  let it = 0;
  const S = sys.s2.length;
  const knownX = (opts.known ?? []).filter((k) => k.converged).map((k) => ({ k, x: flatten(k) }));
  // Anderson from residual 1e−3, or earlier once the plain iteration stalls (a neuron class near its own jump
  // makes the damped map oscillate at the 1e−3 level).
  let andersonFrom = 1e-3;
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
    if (residual < tol || !Number.isFinite(residual)) break;
    if (knownX.length && residual < 1e-4) {
      for (const { k, x: kx } of knownX) {
        let d = 0;
        for (let j = 0; j < n && d < 1e-6; j++) d = Math.max(d, Math.abs(x[j] - kx[j]));
        if (d < 1e-6) return { ...k, branch, iterations: it, Q1: k.Q1.slice(), Q2: k.Q2.slice(), Q21: k.Q21.slice() };
      }
    }
    if (residual < 0.5 * best) {
      best = residual;
      bestAt = it;
    } else if (it - bestAt > 60 && andersonFrom < 0.1) {
      andersonFrom *= 10;
      bestAt = it;
    }
    if (residual > lastResidual * 1.5) {
      hist = 0;
      eta = Math.max(0.05, eta * 0.5);
    }
    lastResidual = residual;
    if (havePrev) {
      const dx = dX[head];
      const dr = dR[head];
      for (let k = 0; k < n; k++) {
        dx[k] = x[k] - prevX[k];
        dr[k] = res[k] - prevRes[k];
      }
      head = (head + 1) % m;
      hist = Math.min(hist + 1, m);
    }
    prevX.set(x);
    prevRes.set(res);
    havePrev = true;
    const coef = residual < andersonFrom && hist > 0 ? leastSquares(dR, hist, res) : null;
    for (let k = 0; k < n; k++) {
      let y = x[k] + eta * res[k];
      if (coef) for (let j = 0; j < hist; j++) y -= coef[j] * (dX[j][k] + eta * dR[j][k]);
      // Stay inside (0, 1) without creating exact zeros: Q1(s) = Q2(·, s) = 0 is a fixed point of every s class,
      // so a class clamped to 0 by an extrapolated step could never leave it again, and which classes got stuck
      // there depended on the damping (the path dependence near α ≈ 3). The plain damped step never leaves (0, 1].
      x[k] = y <= 0 ? 0.5 * x[k] : y > 1 ? 0.5 * (1 + x[k]) : y;
    }
    if (sys.quenched) x.fill(1, 0, S);
  }
  // Final consistent evaluation at the returned state.
  evaluatePrimal(sys, X, ev);
  evaluateConjugates(sys, alpha, X, ev);
  const f = freeEntropyOf(sys, alpha, X, ev, ev);
  return summarise(sys, branch, X, ev, f, residual < 10 * tol && Number.isFinite(f), it, residual);
}

function summarise(sys: DeepSystem, branch: DeepBranch, x: DeepState, ev: DeepEval, f: number, converged: boolean, iterations: number, residual: number): DeepSolution {
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

/** min ‖b − Σ_j c_j A_j‖² for a few columns (normal equations, small ridge, partial pivoting). */
function leastSquares(A: Float64Array[], k: number, b: Float64Array): Float64Array | null {
  const G = new Float64Array(k * k);
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let c = 0; c < b.length; c++) s += A[i][c] * A[j][c];
      G[i * k + j] = s;
      G[j * k + i] = s;
    }
    let s = 0;
    for (let c = 0; c < b.length; c++) s += A[i][c] * b[c];
    y[i] = s;
  }
  for (let i = 0; i < k; i++) G[i * k + i] *= 1 + 1e-10;
  for (let col = 0; col < k; col++) {
    let p = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(G[r * k + col]) > Math.abs(G[p * k + col])) p = r;
    if (!(Math.abs(G[p * k + col]) > 1e-300)) return null;
    if (p !== col) {
      for (let j = 0; j < k; j++) [G[col * k + j], G[p * k + j]] = [G[p * k + j], G[col * k + j]];
      [y[col], y[p]] = [y[p], y[col]];
    }
    for (let r = col + 1; r < k; r++) {
      const fac = G[r * k + col] / G[col * k + col];
      for (let j = col; j < k; j++) G[r * k + j] -= fac * G[col * k + j];
      y[r] -= fac * y[col];
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let s = y[r];
    for (let j = r + 1; j < k; j++) s -= G[r * k + j] * y[j];
    y[r] = s / G[r * k + r];
    if (!Number.isFinite(y[r])) return null;
  }
  return y;
}
