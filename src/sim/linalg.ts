// Dense float64 linear algebra for the simulations (row-major Float64Array matrices): products, Cholesky
// factor and solves, symmetric eigendecomposition by cyclic Jacobi rotations (robust, accurate to machine
// precision for d ≲ 100), eigenvalues only by Householder tridiagonalisation + implicit QL (sizes of a few
// hundred), and power iteration. Plain loops in cache-friendly order suffice at these sizes.

export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Eigenvectors as columns: vectors[i*n + j] is component i of eigenvector j. */
  vectors: Float64Array;
  sweeps: number;
  /** Off-diagonal Frobenius norm left, relative to the matrix norm. */
  residual: number;
  converged: boolean;
}

/** Eigendecomposition of a symmetric n×n matrix (the input is not modified; only its upper triangle is used). */
export function symmetricEigen(matrix: Float64Array, n: number, maxSweeps = 60): SymmetricEigen {
  if (matrix.length !== n * n) throw new Error(`symmetricEigen: expected ${n * n} entries, got ${matrix.length}`);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      a[i * n + j] = matrix[i * n + j];
      a[j * n + i] = matrix[i * n + j];
    }
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let norm2 = 0;
  for (let i = 0; i < n * n; i++) norm2 += a[i] * a[i];
  const tol2 = norm2 * 1e-30;
  let off2 = 0;
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    off2 = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off2 += 2 * a[p * n + q] * a[p * n + q];
    if (off2 <= tol2) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        // Rotation angle that zeroes a_pq (Numerical Recipes' stable form).
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  // Sort ascending.
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i] - a[j * n + j]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = a[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  const residual = norm2 > 0 ? Math.sqrt(off2 / norm2) : 0;
  return { values, vectors, sweeps, residual, converged: off2 <= tol2 };
}

/** V diag(f(λ)) Vᵀ: a spectral function of a symmetric matrix from its eigendecomposition. */
export function spectralMap(eig: SymmetricEigen, n: number, mapped: Float64Array): Float64Array {
  const out = new Float64Array(n * n);
  const { vectors } = eig;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[i * n + k] * mapped[k] * vectors[j * n + k];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/** Solves A x = b for a symmetric positive-definite n×n A (not modified); throws if A is not positive definite. */
export function solveSPD(A: Float64Array, n: number, b: Float64Array): Float64Array {
  const L = Float64Array.from(A);
  if (!cholesky(L, n)) throw new Error('choleskySolve: matrix is not positive definite');
  return choleskySolve(L, n, b);
}

/** C (m×n) = A (m×k) · Bᵀ, B (n×k): rows of both are contiguous. */
export function mulABt(A: Float64Array, B: Float64Array, m: number, n: number, k: number): Float64Array {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      for (let l = 0; l < k; l++) s += A[ai + l] * B[bj + l];
      C[i * n + j] = s;
    }
  }
  return C;
}

/** G (k×k) = Aᵀ A for A (m×k). */
export function gramT(A: Float64Array, m: number, k: number): Float64Array {
  const G = new Float64Array(k * k);
  for (let r = 0; r < m; r++) {
    const ar = r * k;
    for (let i = 0; i < k; i++) {
      const v = A[ar + i];
      if (v === 0) continue;
      const gi = i * k;
      for (let j = i; j < k; j++) G[gi + j] += v * A[ar + j];
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) G[i * k + j] = G[j * k + i];
  return G;
}

/** Aᵀ y for A (m×k). */
export function mulTv(A: Float64Array, y: Float64Array, m: number, k: number): Float64Array {
  const out = new Float64Array(k);
  for (let r = 0; r < m; r++) {
    const v = y[r];
    const ar = r * k;
    for (let i = 0; i < k; i++) out[i] += v * A[ar + i];
  }
  return out;
}

/** A x for A (m×k). */
export function mulv(A: Float64Array, x: Float64Array, m: number, k: number): Float64Array {
  const out = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    let s = 0;
    const ar = r * k;
    for (let i = 0; i < k; i++) s += A[ar + i] * x[i];
    out[r] = s;
  }
  return out;
}

/** In-place Cholesky of an SPD matrix (lower triangle); false if not positive definite. */
export function cholesky(A: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const jj = j * n;
    let d = A[jj + j];
    for (let k = 0; k < j; k++) d -= A[jj + k] * A[jj + k];
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    A[jj + j] = l;
    for (let i = j + 1; i < n; i++) {
      const ii = i * n;
      let s = A[ii + j];
      for (let k = 0; k < j; k++) s -= A[ii + k] * A[jj + k];
      A[ii + j] = s / l;
    }
  }
  return true;
}

/** Solve L Lᵀ x = b with the factor from cholesky. */
export function choleskySolve(L: Float64Array, n: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    const ii = i * n;
    for (let k = 0; k < i; k++) s -= L[ii + k] * x[k];
    x[i] = s / L[ii + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

/** Eigenvalues (ascending) of a symmetric n×n matrix (copied). Householder to tridiagonal, then implicit QL. */
export function symmetricEigenvalues(S: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(S);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  // Householder reduction (eigenvalues only), after the classic tred2 without accumulating Q.
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k <= l; k++) scale += Math.abs(a[i * n + k]);
      if (scale === 0) e[i] = a[i * n + l];
      else {
        for (let k = 0; k <= l; k++) {
          a[i * n + k] /= scale;
          h += a[i * n + k] * a[i * n + k];
        }
        let f = a[i * n + l];
        const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[i * n + l] = f - g;
        f = 0;
        for (let j = 0; j <= l; j++) {
          let g2 = 0;
          for (let k = 0; k <= j; k++) g2 += a[j * n + k] * a[i * n + k];
          for (let k = j + 1; k <= l; k++) g2 += a[k * n + j] * a[i * n + k];
          e[j] = g2 / h;
          f += e[j] * a[i * n + j];
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          const fj = a[i * n + j];
          const gj = e[j] - hh * fj;
          e[j] = gj;
          for (let k = 0; k <= j; k++) a[j * n + k] -= fj * e[k] + gj * a[i * n + k];
        }
      }
    } else e[i] = a[i * n + l];
    d[i] = h;
  }
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  // Implicit QL with Wilkinson shifts on (d, e).
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m !== l) {
        if (iter++ === 60) break;
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        for (i = m - 1; i >= l; i--) {
          let f = s * e[i];
          const b = c * e[i];
          r = Math.hypot(f, g);
          e[i + 1] = r;
          if (r === 0) {
            d[i + 1] -= p;
            e[m] = 0;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          f = 0;
          void f;
        }
        if (r === 0 && i >= l) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
  return d.sort();
}

/** Top eigenvector of a symmetric PSD n×n matrix by power iteration (deterministic start). */
export function topEigenvector(S: Float64Array, n: number, iterations = 300): Float64Array {
  let v: Float64Array = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = (1 / Math.sqrt(n)) * (1 + 0.1 * Math.sin(i + 1));
  for (let it = 0; it < iterations; it++) {
    const w = mulv(S, v, n, n);
    let nrm = 0;
    for (let i = 0; i < n; i++) nrm += w[i] * w[i];
    nrm = Math.sqrt(nrm);
    if (!(nrm > 0)) break;
    for (let i = 0; i < n; i++) w[i] /= nrm;
    v = w;
  }
  return v;
}
