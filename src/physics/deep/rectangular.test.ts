// Rectangular denoising mmse_v (arXiv 2510.24616, C27–C30; docs/physics/mlp-deep.md §7): public table values, limits, table.
import { describe, expect, it } from 'vitest';
import { getDenoiser, hasDenoiser, installDenoiser, rectangularDenoiser, scalarDenoiser } from './denoiser';
import { rectIntegralsBands, rectMmseDirect, rectTailConstant, type RectShape } from './rectangularDensity';

// The authors' table theory/ones_nonsymm_05_mmse_only.csv (Minh-Toan/statphys-deep-NN), η = γ1 = 0.5,
// as quoted in docs/physics/mlp-deep.md §9; the closed form reproduces it to ~1e−5 (their own quadrature's accuracy).
const PUBLIC: Array<[number, number]> = [
  [0.4996, 0.642984],
  [0.9991, 0.464864],
  [17.4326, 0.0498852],
  [82.5674, 0.0114203],
];
const AUTHORS = { eta: 0.5, gamma1: 0.5 };

describe('rectangular mmse: direct integration of the density', () => {
  it('matches the authors’ table (η = γ1 = 0.5) to 1e−5', () => {
    for (const [x, want] of PUBLIC) expect(Math.abs(rectMmseDirect(AUTHORS, x) / want - 1)).toBeLessThan(1e-5);
  });

  it('has unit mass for square, tall, wide, rank-deficient and full-rank shapes', () => {
    for (const shape of [AUTHORS, { eta: 2, gamma1: 0.3 }, { eta: 0.1, gamma1: 1.5 }, { eta: 0.7, gamma1: 0.2 }]) {
      for (const x of [0.3, 5, 80]) expect(Math.abs(rectIntegralsBands(shape, x).mass - 1)).toBeLessThan(1e-6);
    }
  });

  it('pure noise (x → 0) leaves a vanishing bracket, and mmse(x) = 1 − x + O(x²)', () => {
    for (const shape of [AUTHORS, { eta: 2, gamma1: 0.3 }, { eta: 0.1, gamma1: 1.5 }]) {
      // The bracket is x·mmse(x): zero for pure noise.
      expect(Math.abs(rectIntegralsBands(shape, 1e-8).bracket)).toBeLessThan(1e-7);
      const x = 1e-3;
      expect(Math.abs(rectMmseDirect(shape, x) - (1 - x))).toBeLessThan(5 * x * x);
    }
  });

  it('tends to the scalar channel 1/(1 + x) as η → 0, with an O(η) error', () => {
    for (const x of [0.5, 2, 10]) {
      const e1 = rectMmseDirect({ eta: 0.01, gamma1: 0.5 }, x) - 1 / (1 + x);
      const e2 = rectMmseDirect({ eta: 0.04, gamma1: 0.5 }, x) - 1 / (1 + x);
      expect(Math.abs(e1)).toBeLessThan(0.01);
      expect(Math.abs(e2 / e1 - 4)).toBeLessThan(0.2); // linear in η
    }
  });

  it('has the rank-deficiency tail x·mmse → k1(N + d − k1)/(N d)', () => {
    const shape = { eta: 2, gamma1: 0.3 };
    expect(Math.abs((2000 * rectMmseDirect(shape, 2000)) / rectTailConstant(shape) - 1)).toBeLessThan(0.01);
  });
});

describe('rectangular mmse: table', () => {
  const table = getDenoiser(0.5, 0.5);

  it('reproduces the authors’ values and the direct integration between its knots', () => {
    expect(table.kind).toBe('rectangular');
    for (const [x, want] of PUBLIC) expect(Math.abs(table.mmse(x) / want - 1)).toBeLessThan(1e-5);
    for (const x of [0.07, 0.3, 1.5, 7, 40, 400])
      expect(Math.abs(table.mmse(x) / rectMmseDirect(AUTHORS, x) - 1)).toBeLessThan(2e-6);
  });

  it('has mmse(0) = 1, mmse′(0) = −1, 2ι′ = mmse, and an exact inverse', () => {
    expect(table.mmse(0)).toBe(1);
    expect(Math.abs(table.mmsePrime(0) + 1)).toBeLessThan(1e-9);
    for (const x of [0.01, 0.2, 3, 90, 4000, 9000]) {
      const h = 1e-5 * (1 + x);
      expect(Math.abs((table.iota(x + h) - table.iota(x - h)) / h - table.mmse(x))).toBeLessThan(1e-7);
      const d = (table.mmse(x + h) - table.mmse(x - h)) / (2 * h);
      expect(Math.abs(d - table.mmsePrime(x))).toBeLessThan(1e-7);
      expect(Math.abs(table.inverse(table.mmse(x)) / x - 1)).toBeLessThan(1e-9);
    }
  });

  it('is rebuilt exactly from its knots, as a spare worker hands them over (installDenoiser)', () => {
    // Installed under a neighbouring key (γ1 + 1e−9) so that the cache does not already hold it: the same knots must
    // give the same spline, bit for bit.
    const g1 = 0.5 + 1e-9;
    expect(hasDenoiser(0.5, g1)).toBe(false);
    installDenoiser(0.5, g1, Array.from(table.knots!));
    expect(hasDenoiser(0.5, g1)).toBe(true);
    const copy = getDenoiser(0.5, g1);
    for (const x of [0, 0.03, 0.4, 2, 60, 4999, 8000]) {
      expect(copy.mmse(x)).toBe(table.mmse(x));
      expect(copy.mmsePrime(x)).toBe(table.mmsePrime(x));
      expect(copy.iota(x)).toBe(table.iota(x));
    }
    expect(() => installDenoiser(0.6, 0.5, [1, 0.5, 0.2])).toThrow(/knot values/);
    expect(() =>
      installDenoiser(
        0.6,
        0.5,
        Array.from(table.knots!, (v, i) => (i === 3 ? NaN : v)),
      ),
    ).toThrow();
    expect(hasDenoiser(0.6, 0.5)).toBe(false);
    expect(hasDenoiser(0.01, 0.5)).toBe(true); // a scalar channel has nothing to build
  });

  it('uses the scalar channel for fine readout bins', () => {
    const d = getDenoiser(0.01, 0.5);
    expect(d.kind).toBe('scalar');
    expect(d.mmse(3)).toBeCloseTo(0.25, 15);
    expect(d.inverse(0.25)).toBeCloseTo(3, 12);
    expect(d.iota(3)).toBeCloseTo(0.5 * Math.log(4), 15);
    expect(scalarDenoiser(0.01, 0.5).mmsePrime(1)).toBeCloseTo(-0.25, 15);
  });

  it('is monotone and finite for a wide shape with a coarse table', () => {
    const d = rectangularDenoiser({ eta: 1.3, gamma1: 0.4 }, { nodes: 24 });
    let prev = 1;
    for (let x = 0.01; x < 2e4; x *= 1.5) {
      const m = d.mmse(x);
      expect(Number.isFinite(m)).toBe(true);
      expect(m).toBeLessThanOrEqual(prev + 1e-12);
      prev = m;
    }
  });
});

describe('rectangular mmse: the fast path (continuation along λ) against the reference (homotopy at every node)', () => {
  // Square, tall (η > 1), wide (η < 1, c < 1), rank-deficient (γ1 < N_s) and full-rank (γ1 > N_s) channels.
  const shapes = [
    AUTHORS,
    { eta: 2, gamma1: 0.3 },
    { eta: 0.1, gamma1: 1.5 },
    { eta: 1.3, gamma1: 0.4 },
    { eta: 0.25, gamma1: 0.5 },
    { eta: 0.7, gamma1: 0.2 },
  ];

  it('gives the same density integrals to rounding at small, medium and large x', () => {
    for (const shape of shapes) {
      for (const x of [0.06, 2, 30, 1500]) {
        const fast = rectIntegralsBands(shape, x, undefined, 'continuation');
        const ref = rectIntegralsBands(shape, x, undefined, 'homotopy');
        expect(Math.abs(fast.bracket - ref.bracket)).toBeLessThan(1e-12);
        expect(Math.abs(fast.mass - ref.mass)).toBeLessThan(1e-12);
      }
    }
  });

  it('builds the same table as the reference path (η ≠ γ1, c < 1, tall and wide)', () => {
    for (const shape of [
      { eta: 2, gamma1: 0.3 },
      { eta: 0.25, gamma1: 0.5 },
    ]) {
      const fast = rectangularDenoiser(shape, { nodes: 10 });
      const ref = rectangularDenoiser(shape, { nodes: 10, tracking: 'homotopy' });
      for (const x of [0.09, 0.8, 4.5, 55, 700]) expect(Math.abs(fast.mmse(x) / ref.mmse(x) - 1)).toBeLessThan(1e-11);
    }
  });

  it('default tables follow the reference integration between their knots (measured spline error)', () => {
    // Largest measured relative spline error over x ∈ [0.05, 4000] with 64 knots: 7e−7 (η = γ1 = 0.5), 4e−7
    // (η = 0.25, γ1 = 0.5), 2e−5 (η = 2, γ1 = 0.3: mmse bends sharply near x ≈ 0.1 where the noise bulk's edge sits).
    const cases: Array<[RectShape, number]> = [
      [{ eta: 0.25, gamma1: 0.5 }, 2e-6],
      [{ eta: 2, gamma1: 0.3 }, 5e-5],
    ];
    for (const [shape, tol] of cases) {
      const table = rectangularDenoiser(shape);
      for (const x of [0.09, 0.8, 4.5, 55, 700])
        expect(Math.abs(table.mmse(x) / rectMmseDirect(shape, x, 'homotopy') - 1)).toBeLessThan(tol);
    }
  });
});
