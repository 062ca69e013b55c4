// Gauss quadrature rules, cached by n: Hermite for E over N(0,1), Legendre on [−1, 1].
// Nodes by Newton on the three-term recurrence (orthonormal form, so no overflow for large n).

import { Memo } from './cache';

export interface QuadratureRule {
  x: Float64Array; // nodes, ascending
  w: Float64Array; // weights
}

const hermiteRules = new Memo<number, QuadratureRule>();
const legendreRules = new Memo<number, QuadratureRule>();

function checkOrder(n: number, max: number, what: string): void {
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new RangeError(`${what}: n must be an integer in [1, ${max}], got ${n}`);
}

/** Orthonormal physicists' Hermite h_n(z) and h_{n−1}(z) (weight e^{−z²}) by the stable recurrence. */
function hermiteOrthonormal(n: number, z: number): [number, number] {
  let p1 = 0.7511255444649425; // π^{−1/4} = h_0
  let p2 = 0;
  for (let j = 1; j <= n; j++) {
    const p3 = p2;
    p2 = p1;
    p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
  }
  return [p1, p2];
}

/** Number of roots of the physicists' H_n below x (Sturm count on the Jacobi matrix, off-diagonal √(k/2)). */
function hermiteRootsBelow(n: number, x: number): number {
  let d = -x;
  let count = d < 0 ? 1 : 0;
  for (let k = 1; k < n; k++) {
    d = -x - k / 2 / (d === 0 ? 1e-300 : d);
    if (d < 0) count++;
  }
  return count;
}

/**
 * n-point Gauss–Hermite rule for the probabilists' weight: Σ w_i f(x_i) ≈ E_{z~N(0,1)} f(z), Σ w = 1,
 * exact for polynomials of degree ≤ 2n − 1.
 */
export function gaussHermite(n: number): QuadratureRule {
  checkOrder(n, 500, 'gaussHermite'); // the unweighted recurrence grows like e^{n}: overflow beyond ~700
  return hermiteRules.get(n, buildHermite);
}

function buildHermite(n: number): QuadratureRule {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const half = (n + 1) >> 1;
  let hi = Math.sqrt(2 * n + 1) + 1; // above the largest physicists' root
  for (let i = 0; i < half; i++) {
    // Bracket the (i+1)-th largest root by Sturm bisection on the Jacobi matrix (robust for any n),
    // then polish by Newton on the recurrence.
    const below = n - 1 - i; // number of roots below this one
    let lo = 0;
    let up = hi;
    for (let it = 0; it < 48 && up - lo > 1e-9; it++) {
      const mid = 0.5 * (lo + up);
      if (hermiteRootsBelow(n, mid) > below) up = mid;
      else lo = mid;
    }
    let z = 0.5 * (lo + up);
    for (let it = 0; it < 8; it++) {
      const [p1, p2] = hermiteOrthonormal(n, z);
      const dz = p1 / (Math.sqrt(2 * n) * p2); // h_n' = √(2n) h_{n−1}
      z -= dz;
      if (Math.abs(dz) <= 1e-16 * Math.max(1, Math.abs(z))) break;
    }
    hi = z;
    if (n % 2 === 1 && i === half - 1) z = 0; // the middle root of odd n is exactly 0
    const pp = Math.sqrt(2 * n) * hermiteOrthonormal(n, z)[1];
    const wi = 2 / (pp * pp) / Math.sqrt(Math.PI); // physicists' weight / √π → probabilists'
    x[n - 1 - i] = Math.SQRT2 * z;
    x[i] = z === 0 ? 0 : -Math.SQRT2 * z; // no −0
    w[i] = wi;
    w[n - 1 - i] = wi;
  }
  return { x, w };
}

/** Legendre P_n(z) and P_{n−1}(z) by the three-term recurrence. */
function legendre(n: number, z: number): [number, number] {
  let p1 = 1;
  let p2 = 0;
  for (let j = 1; j <= n; j++) {
    const p3 = p2;
    p2 = p1;
    p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
  }
  return [p1, p2];
}

/** n-point Gauss–Legendre rule on [−1, 1]: exact for polynomials of degree ≤ 2n − 1. */
export function gaussLegendre(n: number): QuadratureRule {
  checkOrder(n, 2000, 'gaussLegendre');
  return legendreRules.get(n, buildLegendre);
}

function buildLegendre(n: number): QuadratureRule {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const half = (n + 1) >> 1;
  for (let i = 0; i < half; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let pp: number;
    for (let it = 0; it < 100; it++) {
      const [p1, p2] = legendre(n, z);
      pp = (n * (z * p1 - p2)) / (z * z - 1); // P_n'
      const dz = p1 / pp;
      z -= dz;
      if (Math.abs(dz) <= 1e-16) break;
    }
    if (n % 2 === 1 && i === half - 1) z = 0;
    // Weight from P_n' at the converged root.
    const [p1, p2] = legendre(n, z);
    pp = (n * (z * p1 - p2)) / (z * z - 1);
    const wi = 2 / ((1 - z * z) * pp * pp);
    x[i] = z === 0 ? 0 : -z;
    x[n - 1 - i] = z;
    w[i] = wi;
    w[n - 1 - i] = wi;
  }
  return { x, w };
}
