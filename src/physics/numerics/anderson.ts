// Anderson mixing (type II; D. G. Anderson, J. ACM 12 (1965) 547; H. F. Walker & P. Ni, SIAM J. Numer. Anal. 49
// (2011) 1715) for a damped fixed-point iteration x ← x + η r, r = F(x) − x: keeps the last m differences ΔX, ΔR in
// a ring, their Gram matrix ΔRᵀΔR updated one column per step (m dot products instead of m²), and solves
// min ‖r − ΔR c‖ by the normal equations with a tiny ridge; the mixed step is x + η r − Σ_j c_j (ΔX_j + η ΔR_j).
// No allocation per step. Used by the saddle points of the shallow (mlp/shallow.ts) and L = 2 (deep/deepSolver.ts)
// models, each only near convergence (from far away Anderson also finds unstable stationary points).

export class AndersonMixer {
  private readonly dX: Float64Array[];
  private readonly dR: Float64Array[];
  private readonly G: Float64Array; // G[i m + j] = ΔR_i · ΔR_j
  private readonly A: Float64Array; // scratch for the elimination
  private readonly prevX: Float64Array;
  private readonly prevR: Float64Array;
  readonly coef: Float64Array;
  private count = 0; // slots in use
  private filled = 0; // slots written since the last reset (≥ count after a restart)
  private head = 0;
  private havePrev = false;

  /** n unknowns, memory m, ridge: relative shift of the Gram diagonal (regularises nearly dependent ΔR). */
  constructor(
    private readonly n: number,
    private readonly m = 5,
    private readonly ridge = 1e-10,
  ) {
    this.dX = Array.from({ length: m }, () => new Float64Array(n));
    this.dR = Array.from({ length: m }, () => new Float64Array(n));
    this.G = new Float64Array(m * m);
    this.A = new Float64Array(m * (m + 1));
    this.prevX = new Float64Array(n);
    this.prevR = new Float64Array(n);
    this.coef = new Float64Array(m);
  }

  get unknowns(): number {
    return this.n;
  }

  get size(): number {
    return this.count;
  }

  /** Forget the history (after a restart or a jump). */
  reset(): void {
    this.count = 0;
    this.filled = 0;
    this.head = 0;
    this.havePrev = false;
  }

  /**
   * Shrinks the history to nothing but keeps the ring position and the last point: the next push records a
   * difference at once. The rows in use are the first `size` slots, so until the ring comes round they may hold
   * differences from before the restart (the shallow solver has always restarted so; its branches depend on it).
   */
  restart(): void {
    this.count = 0;
  }

  /** Records the step from the previous (x, r) to this one. */
  push(x: Float64Array, r: Float64Array): void {
    const { n, m } = this;
    if (this.havePrev) {
      const k = this.head;
      const dx = this.dX[k];
      const dr = this.dR[k];
      for (let i = 0; i < n; i++) {
        dx[i] = x[i] - this.prevX[i];
        dr[i] = r[i] - this.prevR[i];
      }
      this.head = (k + 1) % m;
      this.count = Math.min(this.count + 1, m);
      this.filled = Math.max(this.filled, k + 1);
      // Against every written slot (not only those in use), so that the Gram matrix stays exact across a restart.
      for (let j = 0; j < this.filled; j++) {
        const o = this.dR[j];
        let s = 0;
        for (let i = 0; i < n; i++) s += dr[i] * o[i];
        this.G[k * m + j] = s;
        this.G[j * m + k] = s;
      }
    }
    this.prevX.set(x);
    this.prevR.set(r);
    this.havePrev = true;
  }

  /** Fills `coef` (first `size` entries) with argmin ‖r − ΔR c‖; false if the system is singular. */
  solve(r: Float64Array): boolean {
    const k = this.count;
    const { m, n, A } = this;
    if (k === 0) return false;
    const w = k + 1;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) A[i * w + j] = this.G[i * m + j];
      A[i * w + i] *= 1 + this.ridge;
      const o = this.dR[i];
      let s = 0;
      for (let t = 0; t < n; t++) s += o[t] * r[t];
      A[i * w + k] = s;
    }
    for (let col = 0; col < k; col++) {
      let p = col;
      for (let row = col + 1; row < k; row++) if (Math.abs(A[row * w + col]) > Math.abs(A[p * w + col])) p = row;
      if (!(Math.abs(A[p * w + col]) > 1e-300)) return false;
      if (p !== col) for (let j = 0; j < w; j++) [A[col * w + j], A[p * w + j]] = [A[p * w + j], A[col * w + j]];
      for (let row = col + 1; row < k; row++) {
        const f = A[row * w + col] / A[col * w + col];
        for (let j = col; j < w; j++) A[row * w + j] -= f * A[col * w + j];
      }
    }
    for (let row = k - 1; row >= 0; row--) {
      let s = A[row * w + k];
      for (let j = row + 1; j < k; j++) s -= A[row * w + j] * this.coef[j];
      this.coef[row] = s / A[row * w + row];
      if (!Number.isFinite(this.coef[row])) return false;
    }
    return true;
  }

  /** The whole mixed step x + η r − Σ_j c_j (ΔX_j + η ΔR_j) into out (after a successful solve). */
  mixInto(x: Float64Array, r: Float64Array, eta: number, out: Float64Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) out[i] = x[i] + eta * r[i];
    for (let j = 0; j < this.count; j++) {
      const c = this.coef[j];
      const dx = this.dX[j];
      const dr = this.dR[j];
      for (let i = 0; i < n; i++) out[i] -= c * (dx[i] + eta * dr[i]);
    }
  }
}
