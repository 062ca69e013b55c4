import { describe, expect, it } from 'vitest';
import { Rng } from '../../physics/numerics/rng';
import { cholesky, choleskySolve, gramT, mulABt, mulv, symmetricEigenvalues, topEigenvector } from './linalg';

describe('float64 linear algebra', () => {
  it('Cholesky solves an SPD system to 1e−12', () => {
    const rng = new Rng(1, 'polar');
    const n = 30;
    const A = rng.fillNormal(new Float64Array(2 * n * n));
    const G = gramT(A, 2 * n, n);
    const b = rng.fillNormal(new Float64Array(n));
    const L = Float64Array.from(G);
    expect(cholesky(L, n)).toBe(true);
    const x = choleskySolve(L, n, b);
    const r = mulv(G, x, n, n);
    for (let i = 0; i < n; i++) expect(Math.abs(r[i] - b[i])).toBeLessThan(1e-10);
    expect(cholesky(new Float64Array([1, 2, 2, 1]), 2)).toBe(false);
  });
  it('symmetric eigenvalues: known spectrum, trace and Frobenius norm', () => {
    // diag(1..n) in a random orthogonal basis is hard to build without QR: use a tridiagonal with known
    // eigenvalues 2 − 2cos(kπ/(n+1)), then a random symmetric matrix's trace / ‖·‖_F.
    const n = 40;
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      T[i * n + i] = 2;
      if (i + 1 < n) T[i * n + i + 1] = T[(i + 1) * n + i] = -1;
    }
    const ev = symmetricEigenvalues(T, n);
    for (let k = 1; k <= n; k++) expect(Math.abs(ev[k - 1] - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(1e-12);
    const rng = new Rng(2, 'polar');
    const A = rng.fillNormal(new Float64Array(n * n));
    const S = mulABt(A, A, n, n, n);
    const e2 = symmetricEigenvalues(S, n);
    let tr = 0;
    let fro = 0;
    let s2 = 0;
    let sumE = 0;
    for (let i = 0; i < n; i++) tr += S[i * n + i];
    for (const v of S) fro += v * v;
    for (const v of e2) {
      sumE += v;
      s2 += v * v;
    }
    expect(Math.abs(sumE - tr) / tr).toBeLessThan(1e-12);
    expect(Math.abs(s2 - fro) / fro).toBeLessThan(1e-12);
    const v = topEigenvector(S, n, 2000);
    const Sv = mulv(S, v, n, n);
    for (let i = 0; i < n; i++) expect(Math.abs(Sv[i] - e2[n - 1] * v[i])).toBeLessThan(1e-6 * e2[n - 1]);
  });
});
