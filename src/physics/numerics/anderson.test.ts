import { describe, expect, it } from 'vitest';
import { AndersonMixer } from './anderson';

// A contractive affine map F(x) = A x + b with a slow mode (eigenvalue 0.95): its fixed point x* = (I − A)⁻¹ b.
const n = 6;
const A = new Float64Array(n * n);
for (let i = 0; i < n; i++) {
  A[i * n + i] = 0.95 - 0.15 * i;
  if (i + 1 < n) A[i * n + i + 1] = A[(i + 1) * n + i] = 0.02;
}
const b = Float64Array.from({ length: n }, (_, i) => 1 - 0.1 * i);

function residualInto(x: Float64Array, r: Float64Array): number {
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
    r[i] = s - x[i];
    norm = Math.max(norm, Math.abs(r[i]));
  }
  return norm;
}

/** Iterations to reach ‖r‖∞ < 1e−12 from x = 0 with step η, accelerated when a mixer is given. */
function iterate(eta: number, mixer: AndersonMixer | null): number {
  const x = new Float64Array(n);
  const r = new Float64Array(n);
  const next = new Float64Array(n);
  for (let it = 0; it < 5000; it++) {
    if (residualInto(x, r) < 1e-12) return it;
    mixer?.push(x, r);
    if (mixer?.solve(r)) mixer.mixInto(x, r, eta, next);
    else for (let i = 0; i < n; i++) next[i] = x[i] + eta * r[i];
    x.set(next);
  }
  return Infinity;
}

describe('Anderson mixing', () => {
  it('with memory ≥ n it solves a linear fixed point in about n + 1 steps (GMRES-equivalent), the plain iteration in hundreds', () => {
    const plain = iterate(1, null);
    const mixed = iterate(1, new AndersonMixer(n, n));
    expect(plain).toBeGreaterThan(400); // contraction 0.95 per step: log(1e−12)/log(0.95) ≈ 540
    expect(mixed).toBeLessThanOrEqual(n + 3);
  });

  it('with a short memory it still converges much faster than the damped iteration', () => {
    expect(iterate(0.5, new AndersonMixer(n, 3))).toBeLessThan(iterate(0.5, null) / 5);
  });

  it('no history: nothing to solve; after reset the history is empty again', () => {
    const m = new AndersonMixer(2);
    const r = Float64Array.from([1, 2]);
    expect(m.solve(r)).toBe(false);
    m.push(Float64Array.from([0, 0]), r);
    expect(m.size).toBe(0); // one point gives no difference yet
    m.push(Float64Array.from([1, 0]), Float64Array.from([0.5, 2]));
    expect(m.size).toBe(1);
    expect(m.solve(r)).toBe(true);
    // One difference ΔR = (−0.5, 0): c = (ΔR·r)/(ΔR·ΔR) = −2 (ridge 1e−10 aside).
    expect(m.coef[0]).toBeCloseTo(-2, 8);
    m.reset();
    expect(m.size).toBe(0);
    expect(m.solve(r)).toBe(false);
  });

  it('restart keeps the last point: the next push is a difference again, and the solve stays exact', () => {
    const m = new AndersonMixer(2, 2);
    m.push(Float64Array.from([0, 0]), Float64Array.from([1, 2]));
    m.push(Float64Array.from([1, 0]), Float64Array.from([0.5, 2]));
    m.restart();
    expect(m.size).toBe(0);
    m.push(Float64Array.from([1, 1]), Float64Array.from([0.5, 1]));
    expect(m.size).toBe(1);
    // The slot in use is the first one, ΔR = (−0.5, 0) from before the restart; r = (0.5, 1): c = −1.
    expect(m.solve(Float64Array.from([0.5, 1]))).toBe(true);
    expect(m.coef[0]).toBeCloseTo(-1, 8);
  });
});
