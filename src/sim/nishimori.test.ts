// The Nishimori statistic's estimator on synthetic outputs whose joint law is known: exchangeable (teacher and two
// samples drawn alike around one posterior mean) gives N = 0 within the standard error, calibrated over many
// instances; two kinds of state that are not the equilibrium give N clearly ≠ 0, with the sign the note states.
import { describe, expect, it } from 'vitest';
import { Rng } from '../physics/numerics/rng';
import { batchMeansSe, NishimoriTracker } from './nishimori';

const nTest = 500;

/** Runs `steps` pairs through a tracker; `pair` draws (λ, λ') given the step. */
function track(lambda0: Float64Array, steps: number, pair: () => [Float64Array, Float64Array]) {
  const t = new NishimoriTracker(nTest);
  for (let s = 0; s < steps; s++) t.add(...pair(), lambda0);
  return t.result;
}

describe('Nishimori statistic', () => {
  it('exchangeable teacher and samples (an equilibrium): |N| ≤ 3 s.e. in ≥ 93 % of 120 instances, mean N/s.e. ≈ 0', () => {
    const rng = new Rng(7);
    let inside = 0;
    let zSum = 0;
    const instances = 120;
    for (let inst = 0; inst < instances; inst++) {
      // Posterior mean m(x) and spread s: teacher and samples are m + s·ξ with independent ξ (Nishimori).
      const m = rng.normals(nTest);
      const s = 0.5;
      const draw = () => Float64Array.from(m, (x) => x + s * rng.normal());
      const lambda0 = draw();
      const r = track(lambda0, 64, () => [draw(), draw()]);
      expect(r.samples).toBe(64);
      const z = r.value / r.se;
      if (Math.abs(z) <= 3) inside++;
      zSum += z / instances;
    }
    // With 8 batch means (7 degrees of freedom) P(|t| > 3) ≈ 2 %, 2.4 of 120 expected outside; 8 or more outside
    // (< 93 %) has probability ≈ 0.1 %.
    expect(inside / instances).toBeGreaterThanOrEqual(0.93);
    expect(Math.abs(zSum)).toBeLessThan(3 / Math.sqrt(instances) + 0.05);
  });

  it('samples that learnt different parts of the teacher give N > 0; samples sharing what the teacher lacks give N < 0', () => {
    const rng = new Rng(8);
    const A = rng.normals(nTest);
    const B = rng.normals(nTest);
    const Z = rng.normals(nTest);
    const noisy = (f: Float64Array) => Float64Array.from(f, (x) => x + 0.3 * rng.normal());
    // Teacher A + B: one chain found A, the other B. ⟨λλ⁰⟩ ≈ ⟨λ'λ⁰⟩ ≈ 1, ⟨λλ'⟩ ≈ 0, so N ≈ 1.
    const split = track(
      Float64Array.from(A, (a, i) => a + B[i]),
      64,
      () => [noisy(A), noisy(B)],
    );
    expect(Math.abs(split.value - 1)).toBeLessThan(0.2);
    expect(split.value / split.se).toBeGreaterThan(10);
    // Both chains fit the same Z (e.g. the training noise), unrelated to the teacher: N ≈ −⟨Z²⟩ ≈ −1.
    const shared = track(A, 64, () => [noisy(Z), noisy(Z)]);
    expect(Math.abs(shared.value + 1)).toBeLessThan(0.2);
    expect(-shared.value / shared.se).toBeGreaterThan(10);
  });

  it('reset forgets the warm-up; the latest value and the sample count are reported', () => {
    const t = new NishimoriTracker(2);
    const one = Float64Array.of(1, 1);
    t.add(one, one, Float64Array.of(5, 5)); // ½(1 + 1)·5 − 1 = 4
    expect(t.result).toMatchObject({ value: 4, latest: 4, samples: 1 });
    expect(Number.isNaN(t.result.se)).toBe(true); // no error bar from one sample
    t.reset();
    t.add(one, one, one); // 1 − 1 = 0
    expect(t.result).toMatchObject({ value: 0, latest: 0, samples: 1 });
  });

  it('batch means: the standard error of the mean of iid N(0, 1) is 1/√m (within 25 %); AR(1) noise gets a larger one', () => {
    const rng = new Rng(9);
    const m = 400;
    const iid = Array.from(rng.normals(m));
    expect(Math.abs(batchMeansSe(iid) * Math.sqrt(m) - 1)).toBeLessThan(0.25);
    // x_t = 0.9 x_{t−1} + ξ_t: the long-run s.d. is 1/(1 − 0.9) = 10, so the mean's s.e. is 10/√m (batch means of
    // 63 steps against a correlation time of 19 come out a little low).
    const ar: number[] = [];
    let x = 0;
    for (let i = 0; i < 4000; i++) ar.push((x = 0.9 * x + rng.normal()));
    const se = batchMeansSe(ar) * Math.sqrt(4000);
    expect(se).toBeGreaterThan(7.5);
    expect(se).toBeLessThan(12);
  });
});
