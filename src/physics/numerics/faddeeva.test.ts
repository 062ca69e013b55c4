import { describe, expect, it } from 'vitest';
import { faddeeva, normalStieltjesBelow } from './faddeeva';
import { gaussHermite } from './gaussHermite';

// mpmath, 30 digits (faddeeva.fixtures.py): [x, y, Re w(x + iy), Im w(x + iy)]
const W_TABLE: [number, number, number, number][] = [
  [0, 0, 1.0, 0.0],
  [0.5, 0, 0.77880078307140486825, 0.47892517290104347254],
  [1, 0, 0.3678794411714423216, 0.60715770584139372912],
  [3, 0, 0.0001234098040866795495, 0.20115731703760038666],
  [6.3, 0, 5.7923128853948708879e-18, 0.090727659684127367864],
  [11.5, 0, 3.6690596154291634912e-58, 0.049247590314515997674],
  [-2.2, 0, 0.0079070540515934343135, -0.298468431001120796],
  [0, 0.5, 0.61569034419292587487, 0.0],
  [0, 4, 0.13699945762506138989, 0.0],
  [1, 1, 0.30474420525691259246, 0.20821893820283162729],
  [0.3, 0.02, 0.89548636918463211746, 0.30818445408406926752],
  [2.5, 1e-6, 0.0019305843721614727587, 0.25172301495951303525],
  [-4, 0.7, 0.02640499235198374117, -0.14077878390186188285],
  [5, 5, 0.056965439888176978967, 0.055838742775391028233],
  [-9, 2, 0.013500451659066342768, -0.060025896627129678593],
  [7.5, 0.3, 0.0030877814871104181425, 0.07578559870214387349],
  [0.01, 11, 0.051080553389304937004, 0.000046060787167294612807],
  [12, 12, 0.023548497253087118107, 0.023466876292339721383],
  [1.3, -0.4, -0.028678771231935163758, 0.75539027257500604325],
  [-0.8, -1.1, -0.99304031947955420476, -3.6392898115831801649],
];

describe('Faddeeva function (Weideman 1994, N = 40)', () => {
  it('matches 30-digit mpmath values to 3e−14 relative (|w − w_ref|/|w_ref|)', () => {
    for (const [x, y, re, im] of W_TABLE) {
      const w = faddeeva(x, y);
      expect(Math.hypot(w.re - re, w.im - im) / Math.hypot(re, im)).toBeLessThan(3e-14);
    }
  });

  it('w(iy) is real and w(−x̄ + iy) = conj w(x + iy) (symmetry of the series, not of the table)', () => {
    for (const [x, y] of [
      [0.7, 0.3],
      [3.1, 2.2],
      [9, 0.01],
    ]) {
      const a = faddeeva(x, y);
      const b = faddeeva(-x, y);
      expect(Math.abs(a.re - b.re)).toBeLessThan(1e-15);
      expect(Math.abs(a.im + b.im)).toBeLessThan(1e-15);
    }
    expect(faddeeva(0, 2.5).im).toBe(0);
  });

  it('rejects non-finite arguments', () => {
    expect(() => faddeeva(NaN, 0)).toThrow(/non-finite/);
  });
});

describe('Stieltjes transform of N(0, 1) from below: G(z) = E[1/(z − v)], Im z ≤ 0, continued', () => {
  const gh = gaussHermite(120);
  const direct = (x: number, y: number) => {
    let re = 0;
    let im = 0;
    for (let i = 0; i < gh.x.length; i++) {
      const dr = x - gh.x[i];
      const den = dr * dr + y * y;
      re += (gh.w[i] * dr) / den;
      im -= (gh.w[i] * y) / den;
    }
    return { re, im };
  };

  it('agrees with 120-point Gauss–Hermite quadrature below the real axis (to 1e−12)', () => {
    for (const [x, y] of [
      [0.3, -2],
      [-1.5, -3],
      [4, -2.5],
      [0, -6],
    ]) {
      const g = normalStieltjesBelow(x, y);
      const d = direct(x, y);
      expect(Math.hypot(g.re - d.re, g.im - d.im)).toBeLessThan(1e-12);
    }
  });

  it('continues across the real axis: above it, G(z) = conj G(z̄) + 2πi φ(z) (φ the normal density, entire)', () => {
    for (const [x, y] of [
      [0.3, 0.2],
      [-1.5, 1],
      [2, 0.01],
    ]) {
      const g = normalStieltjesBelow(x, y);
      const c = normalStieltjesBelow(x, -y);
      // 2πi φ(z) = i√(2π) e^{−z²/2}, −z²/2 = (y² − x²)/2 − i x y.
      const m = Math.sqrt(2 * Math.PI) * Math.exp((y * y - x * x) / 2);
      const pr = -m * Math.sin(-x * y);
      const pi = m * Math.cos(-x * y);
      expect(Math.hypot(g.re - (c.re + pr), g.im - (-c.im + pi))).toBeLessThan(1e-13);
    }
  });

  it('has Im G = π φ(x) on the real axis (from below) and G ~ 1/z + 1/z³ at large |z|', () => {
    for (const x of [-2, 0, 0.7, 3]) {
      const g = normalStieltjesBelow(x, 0);
      expect(Math.abs(g.im - (Math.PI * Math.exp((-x * x) / 2)) / Math.sqrt(2 * Math.PI))).toBeLessThan(1e-14);
    }
    const g = normalStieltjesBelow(40, -1);
    // 1/z + 1/z³ + 3/z⁵ at z = 40 − i, error ~ 15/|z|⁷.
    const zr = 40;
    const zi = -1;
    let ar = 0;
    let ai = 0;
    let pr = 1;
    let pi = 0;
    const inv = 1 / (zr * zr + zi * zi);
    const ur = zr * inv;
    const ui = -zi * inv;
    for (const m of [1, 1, 3]) {
      const nr = pr * ur - pi * ui;
      pi = pr * ui + pi * ur;
      pr = nr;
      ar += m * pr;
      ai += m * pi;
      const qr = pr * ur - pi * ui;
      pi = pr * ui + pi * ur;
      pr = qr;
    }
    expect(Math.hypot(g.re - ar, g.im - ai)).toBeLessThan(1e-10);
  });

  it("satisfies Stein's identity G'(z) = 1 − z G(z)", () => {
    for (const [x, y] of [
      [0.4, -0.3],
      [-2, -0.8],
      [1.7, 1e-3],
    ]) {
      const h = 1e-5;
      const a = normalStieltjesBelow(x + h, y);
      const b = normalStieltjesBelow(x - h, y);
      const g = normalStieltjesBelow(x, y);
      const dr = (a.re - b.re) / (2 * h);
      const di = (a.im - b.im) / (2 * h);
      expect(Math.hypot(dr - (1 - (x * g.re - y * g.im)), di + (x * g.im + y * g.re))).toBeLessThan(1e-8);
    }
  });
});
