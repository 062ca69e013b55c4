import { describe, expect, it } from 'vitest';
import { gaussExpect2 } from '../numerics/gaussPair';
import { erf } from '../numerics/normal';
import {
  derivatives,
  escapeAlpha,
  generalisationError,
  initialState,
  INTEGRATION_LIMIT_S,
  integrationSeconds,
  stepFor,
  symmetricPlateau,
  trajectory,
  validateSaadSolla,
  type OrderParams,
} from './saadSolla';

const base = { K: 2, M: 2, eta: 0.1, noise: 0, q0: 0.5, asym: 1e-3, seed: 1 };
const g = (u: number) => erf(u / Math.SQRT2);
const gp = (u: number) => Math.sqrt(2 / Math.PI) * Math.exp((-u * u) / 2);

describe('Saad–Solla ODEs', () => {
  it('ε_g: 1/3 for an orthogonal unit student (K = M = 1), 0 for the teacher itself', () => {
    const s: OrderParams = {
      K: 1,
      M: 1,
      Q: Float64Array.from([1]),
      R: Float64Array.from([0]),
      T: Float64Array.from([1]),
    };
    expect(generalisationError(s)).toBeCloseTo(1 / 3, 14);
    expect(generalisationError({ ...s, R: Float64Array.from([1]) })).toBeCloseTo(0, 14);
  });

  it('the I3 and I4 integrals agree with direct Gaussian quadrature (K = M = 1)', () => {
    // K = M = 1: dR/dα = η[I3(λ,ν,ν) − I3(λ,ν,λ)] and the η² part of dQ/dα is E[g'(λ)²(g(ν) − g(λ))²].
    const Q = 0.7;
    const R = 0.4;
    const s: OrderParams = {
      K: 1,
      M: 1,
      Q: Float64Array.from([Q]),
      R: Float64Array.from([R]),
      T: Float64Array.from([1]),
    };
    const dQ = new Float64Array(1);
    const dR = new Float64Array(1);
    derivatives(s, 1, 0, dQ, dR);
    const rho = R / Math.sqrt(Q);
    const sq = Math.sqrt(Q);
    const opts = { breakpoints: [] as number[] };
    const dRref = gaussExpect2((z, nu) => gp(sq * z) * nu * (g(nu) - g(sq * z)), rho, opts);
    expect(dR[0]).toBeCloseTo(dRref, 10);
    // dQ/dα at η = 1: 2E[g'(λ)λ(g(ν) − g(λ))] + E[g'(λ)²(g(ν) − g(λ))²].
    const dQref = gaussExpect2(
      (z, nu) => {
        const l = sq * z;
        const err = g(nu) - g(l);
        return 2 * gp(l) * l * err + gp(l) * gp(l) * err * err;
      },
      rho,
      opts,
    );
    expect(dQ[0]).toBeCloseTo(dQref, 10);
    // noise σ adds η²σ² E g'(λ)² = σ²(2/π)/√(1 + 2Q)
    derivatives(s, 1, 0.5, dQ, dR);
    expect(dQ[0] - dQref).toBeCloseTo((0.25 * 2) / Math.PI / Math.sqrt(1 + 2 * Q), 12);
  });

  it('a perfectly symmetric start never escapes the plateau; a slightly asymmetric one does', () => {
    const sym = initialState({ ...base, asym: 0 });
    sym.R.fill(1e-3);
    const stuck = trajectory(base, 5000, 40, sym).points;
    const last = stuck[stuck.length - 1];
    expect(Math.max(...last.R) - Math.min(...last.R)).toBeLessThan(1e-12);
    const plateau = symmetricPlateau(base);
    expect(plateau.converged).toBe(true);
    // The symmetric flow creeps towards the plateau fixed point along a weak direction: 2e−6 away at α = 5000.
    expect(Math.abs(last.eps - plateau.epsPlateau)).toBeLessThan(1e-5);
    expect(escapeAlpha(stuck, plateau.epsPlateau)).toBeNull();
    const free = trajectory(base, 5000, 40).points;
    expect(free[free.length - 1].eps).toBeLessThan(1e-8);
    expect(escapeAlpha(free, plateau.epsPlateau)).toBeGreaterThan(300);
  });

  it('the plateau length grows like log(1/asymmetry)', () => {
    const plateau = symmetricPlateau(base).epsPlateau;
    // Escape α is read on the output grid: 800 points (spacing 10) keep its error well below the gaps (~700);
    // the ratio of the gaps is 0.95–1.02 over seeds 1, 3, 4 (with 120 points it scattered by ±0.3 between seeds).
    const esc = [1e-2, 1e-4, 1e-6].map((asym) =>
      escapeAlpha(trajectory({ ...base, asym }, 8000, 800).points, plateau)!,
    );
    expect(esc[1]).toBeGreaterThan(esc[0]);
    const d1 = esc[1] - esc[0];
    const d2 = esc[2] - esc[1];
    expect(Math.abs(d2 / d1 - 1)).toBeLessThan(0.08);
  });

  it('output noise leaves a residual error; bad parameters are refused', () => {
    const noisy = trajectory({ ...base, noise: 0.3 }, 4000, 30).points;
    expect(noisy[noisy.length - 1].eps).toBeGreaterThan(1e-4);
    expect(() => validateSaadSolla({ ...base, K: 0 })).toThrow(/K/);
    expect(() => validateSaadSolla({ ...base, eta: -1 })).toThrow(/eta/);
  });

  it('refuses, before any step, an integration of hours (the link K = M = 5, η = 3, α_max = 1e6), with the estimate', () => {
    const p = { ...base, K: 5, M: 5, eta: 3 };
    // α/h RK4 steps of K²(K + M)² terms each: 1e6/(0.05/9) = 1.8e8 steps.
    expect(1e6 / stepFor(3)).toBeCloseTo(1.8e8, -6);
    expect(integrationSeconds(p, 1e6)).toBeGreaterThan(3600);
    expect(() => trajectory(p, 1e6, 10)).toThrow(/about \d+ h \(limit 20 s\)/);
    expect(integrationSeconds(base, 1e4)).toBeLessThan(INTEGRATION_LIMIT_S); // the defaults run
  });

  it('seeds are integers in [0, 2³² − 1] (a float or a huge seed would repeat another run)', () => {
    for (const seed of [1.5, -1, 2 ** 32, Infinity]) expect(() => validateSaadSolla({ ...base, seed })).toThrow();
  });
});
