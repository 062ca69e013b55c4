import { describe, expect, it } from 'vitest';
import { gaussExpect, gaussRule } from './gaussRule';
import { normalCdf, normalPdf } from './normal';

const relu = (x: number): number => (x > 0 ? x : 0);
const step = (x: number): number => (x > 0 ? 1 : 0);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

describe('gaussExpect', () => {
  it('integrates polynomials exactly (moments (2k − 1)!!)', () => {
    expect(gaussExpect(() => 1)).toBeCloseTo(1, 15);
    expect(gaussExpect((z) => z)).toBeCloseTo(0, 15);
    expect(gaussExpect((z) => z * z)).toBeCloseTo(1, 14);
    expect(gaussExpect((z) => z ** 4)).toBeCloseTo(3, 14);
    expect(gaussExpect((z) => z ** 6)).toBeCloseTo(15, 13);
    expect(gaussExpect((z) => z ** 12)).toBeCloseTo(10395, 9);
  });

  it('kinks at 0 are integrated exactly: ReLU, |z|, step', () => {
    expect(gaussExpect(relu)).toBeCloseTo(INV_SQRT_2PI, 15);
    expect(gaussExpect((z) => relu(z) ** 2)).toBeCloseTo(0.5, 15);
    expect(gaussExpect(Math.abs)).toBeCloseTo(Math.sqrt(2 / Math.PI), 15);
    expect(gaussExpect(step)).toBeCloseTo(0.5, 15);
    expect(gaussExpect((z) => Math.max(z, 0.01 * z))).toBeCloseTo(0.99 * INV_SQRT_2PI, 15);
  });

  it('kinks elsewhere need their breakpoint', () => {
    const exact1 = 0.083315470587686298383; // E relu(z − 1) = φ(1) − (1 − Φ(1))
    expect(Math.abs(gaussExpect((z) => relu(z - 1), { breakpoints: [1] }) - exact1)).toBeLessThan(1e-15);
    const c = 1.3;
    const f = (z: number): number => relu(z - c);
    const exact = normalPdf(c) - c * normalCdf(-c);
    expect(Math.abs(gaussExpect(f, { breakpoints: [c] }) - exact)).toBeLessThan(1e-15);
    expect(Math.abs(gaussExpect(f) - exact)).toBeGreaterThan(1e-10); // panel edges only at integers
  });

  it('smooth non-polynomial integrands to ~1e−15', () => {
    expect(gaussExpect(Math.exp)).toBeCloseTo(Math.exp(0.5), 14);
    expect(gaussExpect(Math.cos)).toBeCloseTo(Math.exp(-0.5), 15);
    expect(gaussExpect((z) => Math.tanh(2 * z) ** 2)).toBeCloseTo(0.63526123425693992486, 15);
    expect(gaussExpect((z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))))).toBeCloseTo(
      0.80605918334743978453,
      15,
    );
  });

  it('the rule is cached and its weights sum to 1', () => {
    const r = gaussRule();
    expect(gaussRule()).toBe(r);
    let s = 0;
    for (const w of r.w) s += w;
    expect(s).toBeCloseTo(1, 15);
  });
});
