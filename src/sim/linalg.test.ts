import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskySolve,
  gramT,
  mulABt,
  mulv,
  solveSPD,
  spectralMap,
  symmetricEigen,
  symmetricEigenvalues,
  topEigenvector,
} from './linalg';
import { Rng } from '../physics/numerics/rng';

function randomSymmetric(n: number, rng: Rng): Float64Array {
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) A[i * n + j] = A[j * n + i] = rng.normal();
  return A;
}

describe('symmetricEigen (cyclic Jacobi)', () => {
  it('2×2 closed form', () => {
    const e = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(e.values[0]).toBeCloseTo(1, 14);
    expect(e.values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(e.vectors[0] * e.vectors[2] + e.vectors[1] * e.vectors[3])).toBeLessThan(1e-14); // orthogonal columns
  });

  it('A V = V Λ and VᵀV = I to machine precision at n = 60', () => {
    const n = 60;
    const A = randomSymmetric(n, new Rng(5));
    const e = symmetricEigen(A, n);
    expect(e.converged).toBe(true);
    let res = 0;
    let orth = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let av = 0;
        let vv = 0;
        for (let k = 0; k < n; k++) {
          av += A[i * n + k] * e.vectors[k * n + j];
          vv += e.vectors[k * n + i] * e.vectors[k * n + j];
        }
        res = Math.max(res, Math.abs(av - e.vectors[i * n + j] * e.values[j]));
        orth = Math.max(orth, Math.abs(vv - (i === j ? 1 : 0)));
      }
    }
    expect(res).toBeLessThan(1e-12);
    expect(orth).toBeLessThan(1e-13);
    for (let i = 1; i < n; i++) expect(e.values[i]).toBeGreaterThanOrEqual(e.values[i - 1]);
    // Trace and Frobenius norm are invariants.
    let tr = 0;
    let fro = 0;
    for (let i = 0; i < n; i++) tr += A[i * n + i];
    for (const x of A) fro += x * x;
    expect(e.values.reduce((s, x) => s + x, 0)).toBeCloseTo(tr, 11);
    expect(e.values.reduce((s, x) => s + x * x, 0)).toBeCloseTo(fro, 9);
  });

  it('spectralMap with the identity map rebuilds the matrix', () => {
    const n = 12;
    const A = randomSymmetric(n, new Rng(9));
    const e = symmetricEigen(A, n);
    const B = spectralMap(e, n, e.values);
    for (let i = 0; i < n * n; i++) expect(B[i]).toBeCloseTo(A[i], 12);
  });
});

describe('solveSPD', () => {
  it('solves an SPD system and rejects an indefinite one', () => {
    const n = 10;
    const rng = new Rng(2);
    const M = rng.normals(n * n);
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = i === j ? 1 : 0;
        for (let k = 0; k < n; k++) s += M[i * n + k] * M[j * n + k];
        A[i * n + j] = s;
      }
    const x0 = rng.normals(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += A[i * n + j] * x0[j];
    const x = solveSPD(A, n, b);
    for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(x0[i], 10);
    expect(() => solveSPD(Float64Array.from([1, 2, 2, 1]), 2, Float64Array.from([1, 1]))).toThrow(/positive definite/);
  });
});

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
    for (let k = 1; k <= n; k++)
      expect(Math.abs(ev[k - 1] - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(1e-12);
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
