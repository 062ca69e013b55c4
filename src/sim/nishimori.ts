// The Nishimori check of a running HMC chain (docs/physics/simulations.md §9; the authors' nishimori-test of arXiv
// 2510.24616). At equilibrium a posterior sample W and the teacher W⁰ are exchangeable with two independent
// posterior samples W, W' (Nishimori identity), so on test inputs the outputs λ = f_W(x), λ' = f_W'(x), λ⁰ = f_W⁰(x)
// satisfy E[λ λ⁰] = E[λ λ']. The statistic is their difference
//   N = ½(⟨λ λ⁰⟩ + ⟨λ' λ⁰⟩) − ⟨λ λ'⟩
// (teacher–student minus student–student overlap, symmetrised over the two chains; ⟨·⟩ = mean over the test set and
// over the samples kept), with W, W' two chains run side by side on the same data from the same kind of start.
// N ≈ 0 within its standard error at equilibrium; N > 0 when the chains have each learnt a different part of the
// teacher (a trapped state that is not the equilibrium). Standard error: batch means over the kept samples
// (autocorrelated) combined with the test-set sampling error of the time-averaged per-input values (the test set is
// the same at every step, so its error does not average out over time).

export interface NishimoriValue {
  /** N, the mean over kept samples. */
  value: number;
  /** Its standard error (NaN with fewer than 4 samples). */
  se: number;
  /** N of the latest sample alone. */
  latest: number;
  samples: number;
}

export class NishimoriTracker {
  private readonly perInput: Float64Array;
  private values: number[] = [];

  constructor(readonly nTest: number) {
    this.perInput = new Float64Array(nTest);
  }

  /** Adds one pair of samples: outputs of the two chains and the noiseless teacher on the test inputs. */
  add(lambda: Float64Array, lambdaReplica: Float64Array, lambdaTeacher: Float64Array): number {
    const n = this.nTest;
    let sum = 0;
    for (let mu = 0; mu < n; mu++) {
      const x = 0.5 * (lambda[mu] + lambdaReplica[mu]) * lambdaTeacher[mu] - lambda[mu] * lambdaReplica[mu];
      this.perInput[mu] += x;
      sum += x;
    }
    const latest = sum / n;
    this.values.push(latest);
    return latest;
  }

  /** Forgets the samples so far (the end of warm-up). */
  reset(): void {
    this.perInput.fill(0);
    this.values = [];
  }

  get result(): NishimoriValue {
    const m = this.values.length;
    const latest = m ? this.values[m - 1] : NaN;
    if (m === 0) return { value: NaN, se: NaN, latest, samples: 0 };
    const value = this.values.reduce((a, b) => a + b, 0) / m;
    return { value, se: m < 4 ? NaN : Math.hypot(batchMeansSe(this.values), this.testSetSe(m)), latest, samples: m };
  }

  /** s.d. over test inputs of the time-averaged per-input values, /√n_test. */
  private testSetSe(m: number): number {
    const n = this.nTest;
    let s = 0;
    let s2 = 0;
    for (let mu = 0; mu < n; mu++) {
      const x = this.perInput[mu] / m;
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    return Math.sqrt(Math.max(0, s2 / n - mean * mean) / (n - 1));
  }
}

/** Standard error of the mean of an autocorrelated series by non-overlapping batch means (⌊√m⌋ batches, ≥ 2). */
export function batchMeansSe(x: number[]): number {
  const m = x.length;
  const B = Math.max(2, Math.floor(Math.sqrt(m)));
  const size = Math.floor(m / B);
  if (size < 1) return NaN;
  const means: number[] = [];
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = b * size; i < (b + 1) * size; i++) s += x[i];
    means.push(s / size);
  }
  const mu = means.reduce((a, b) => a + b, 0) / B;
  const v = means.reduce((a, b) => a + (b - mu) ** 2, 0) / (B - 1);
  return Math.sqrt(v / B);
}
