// Issue 15 §5: the default view draws every curve its legend promises.
import { describe, expect, it } from 'vitest';
import { TWO_LAYER_TABLE } from './params';
import { escapeCurves } from './service';

const valueOf = <T>(o: { ok: true; value: T } | { ok: false }): T => {
  if (!o.ok) throw new Error(JSON.stringify(o));
  return o.value;
};

describe('two-layer defaults', () => {
  it('at the page’s default η̃ every escape curve of the SGD panel (ℓ = 1, 2, 3) escapes at every d', () => {
    const eta = TWO_LAYER_TABLE.find((r) => r.key === 'eta')!.def as number;
    const curves = valueOf(escapeCurves(eta));
    expect(curves.map((s) => s.ell)).toEqual([1, 2, 3]);
    for (const s of curves) {
      for (const n of s.samples) expect(Number.isFinite(n), `ℓ = ${s.ell}`).toBe(true);
      for (const m of s.mStationary) expect(m, `ℓ = ${s.ell}`).toBeGreaterThan(0.5);
    }
    // At the former default η̃ = 1 the ℓ = 2 curve had no escape (m* = √((2 − η)/(2 + 4η)) = 0.408 < 0.5).
    const old = valueOf(escapeCurves(1))[1];
    expect(old.samples.every((n) => n === Infinity)).toBe(true);
    expect(old.mStationary[0]).toBeCloseTo(Math.sqrt(1 / 6), 10);
  });
});
