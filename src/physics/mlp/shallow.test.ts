import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getActivation } from '../activations';
import { ACTIVATION_NAMES, READOUT_LAWS, WEIGHT_PRIORS, type ShallowParams } from '../types';
import { freeEntropyOf, solveFromStart } from './shallow';
import { getShallowModel } from './shallowModel';

const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
const P = (activation: string, delta: number, extra: Partial<ShallowParams> = {}): ShallowParams => ({
  activation,
  gamma: 0.5,
  delta,
  readout: 'ones',
  weights: 'gaussian',
  ...extra,
});
/** CSV from public/data (the authors' data; source in public/data/SOURCE.md). */
const csv = (name: string) => {
  const [head, ...rows] = readFileSync(new URL(`../../../public/data/${name}`, import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/);
  const keys = head.split(',').map((k) => k.trim());
  return rows.map((r) => Object.fromEntries(r.split(',').map((x, i) => [keys[i], Number(x)])));
};

describe('universal branch ε_uni(α) (reference-values.md)', () => {
  const table: Array<[string, number, number[]]> = [
    ['relu', 0.1, [0.0405011, 0.0281548, 0.0204846, 0.0161439]],
    ['h23', 1.25, [0.5368106, 0.3809166, 0.2837583, 0.2286678]],
  ];
  for (const [act, delta, want] of table) {
    it(`${act}, Δ = ${delta}, α = 1, 2, 4, 8`, () => {
      const m = getShallowModel(P(act, delta));
      [1, 2, 4, 8].forEach((alpha, i) => expect(rel(m.solvePoint(alpha).epsUni, want[i])).toBeLessThan(1e-5));
    });
  }

  it('x²/√2 (h2), Δ = 1.25: 0.34398, 0.19537, 0.10547', () => {
    const m = getShallowModel(P('h2', 1.25));
    // α = 2 and 4 agree to the printed digit. At α = 1 we get 0.344000, 2 units of the last digit above the
    // published 0.34398 (6e−5 relative): h23, which uses the same m_S table and μ2, matches to 1e−7 there, and
    // linear interpolation of the 0.05-step table moves the value up (0.34402), so the source of that digit is open.
    expect(Math.abs(m.solvePoint(1).epsUni - 0.34398)).toBeLessThan(2.5e-5);
    expect(Math.abs(m.solvePoint(2).epsUni - 0.19537)).toBeLessThan(5e-6);
    expect(Math.abs(m.solvePoint(4).epsUni - 0.10547)).toBeLessThan(5e-6);
  });

  for (const [file, act, delta] of [
    ['universal_relu_delta0.1_gamma0.5_ones.csv', 'relu', 0.1],
    ['universal_h23_delta1.25_gamma0.5_ones.csv', 'h23', 1.25],
  ] as const) {
    it(`${act}: the whole published universal curve (${file})`, () => {
      const m = getShallowModel(P(act, delta));
      let worst = 0;
      for (const row of csv(file))
        if (row.alpha > 0) worst = Math.max(worst, rel(m.solvePoint(row.alpha).epsUni, row.mmse));
      expect(worst).toBeLessThan(1e-5);
    });
  }

  it('α → 0⁺ gives E σ² − μ0² − μ1² (ReLU 0.0908451, h23 1.1666667)', () => {
    expect(rel(getShallowModel(P('relu', 0.1)).solvePoint(1e-9).epsUni, 0.0908451)).toBeLessThan(1e-6);
    expect(rel(getShallowModel(P('h23', 1.25)).solvePoint(1e-9).epsUni, 1.1666667)).toBeLessThan(1e-6);
    const a = getActivation('tanh2');
    expect(
      rel(getShallowModel(P('tanh2', 0.1)).solvePoint(0).epsUni, a.Esigma2 - a.mu[0] ** 2 - a.mu[1] ** 2),
    ).toBeLessThan(1e-9);
  });

  it('α → ∞ on the universal branch gives g(1) (ReLU 0.0112676)', () => {
    expect(rel(getShallowModel(P('relu', 0.1)).solvePoint(1e7).epsUni, 0.0112676)).toBeLessThan(1e-4);
  });

  it('linear σ: ε = 0 for every α > 0', () => {
    const m = getShallowModel(P('linear', 0.1));
    for (const alpha of [0.01, 1, 10]) expect(Math.abs(m.solvePoint(alpha).eps)).toBeLessThan(1e-12);
  });

  it("paper C's closed form for σ = He2/√2: ε = mmse_S(2α/(Δ + ε))", () => {
    const m = getShallowModel(P('h2', 0.5));
    for (const alpha of [0.2, 1, 3]) {
      const eps = m.solvePoint(alpha).eps;
      expect(Math.abs(eps - m.system.table.mmse((2 * alpha) / (0.5 + eps)))).toBeLessThan(1e-12);
    }
  });

  it('noiseless quadratic σ: perfect recovery at α_PR = γ − γ²/2', () => {
    const gamma = 0.5;
    const m = getShallowModel({ ...P('h2', 0), gamma });
    const aPR = gamma - (gamma * gamma) / 2;
    expect(m.solvePoint(aPR * 0.9).eps).toBeGreaterThan(1e-3);
    expect(m.solvePoint(aPR * 1.1).eps).toBeLessThan(1e-6);
  });
});

describe('specialisation (paper B theory, mlp-shallow.md §7)', () => {
  it('ReLU, Δ = 0.1, Gaussian W, ones: equilibrium Q ≈ 0.16 and ε = 0.04005 at α = 1', () => {
    const pt = getShallowModel(P('relu', 0.1)).solvePoint(1);
    expect(pt.equilibrium).toBe('specialised');
    expect(rel(pt.eps, 0.04005)).toBeLessThan(1e-3);
    expect(pt.specialised!.Q[0]).toBeGreaterThan(0.14);
    expect(pt.specialised!.Q[0]).toBeLessThan(0.18);
  });

  it('ReLU: steep rise of Q between α = 4.3 and 4.5, ε_opt(8) = 0.00754', () => {
    const m = getShallowModel(P('relu', 0.1));
    const q43 = m.solvePoint(4.3).specialised!.Q[0];
    const q45 = m.solvePoint(4.5).specialised!.Q[0];
    expect(q45 - q43).toBeGreaterThan(0.1);
    expect(rel(m.solvePoint(8).eps, 0.00754)).toBeLessThan(2e-3);
  });

  it('ReLU: ε_opt passes through the informative HMC points (d = 150) for α ≥ 5 within finite-size error', () => {
    const m = getShallowModel(P('relu', 0.1));
    for (const row of csv('hmc_d150_relu_delta0.1_gamma0.5_ones.csv')) {
      if (row.alpha < 5) continue;
      const pt = m.solvePoint(row.alpha);
      // 5 %: finite-size corrections at d = 150 (the points' own spread is 1–2 %).
      expect(rel(pt.eps, row.info_mean)).toBeLessThan(0.05);
      expect(pt.epsUni).toBeGreaterThan(row.unfo_mean); // the uninformative runs stay near (above) the universal branch's level
    }
  });

  it('h23 with Gaussian readouts, informative start Q = 0.8: within +0.5…+3 % of the authors’ histogram-based numbers', () => {
    // Their 0.23079, 0.059847, 0.026550 come from a random N(0,1) histogram with E v² = 1.00125; a converged
    // continuum solver is 0.5–3 % higher (docs/physics/mlp-shallow.md §7). We assert that documented offset, not their digits.
    const m = getShallowModel(P('h23', 0.1, { readout: 'gauss' }));
    const Q0 = new Float64Array(m.system.v2.length).fill(0.8);
    for (const [alpha, theirs] of [
      [0.4, 0.23079],
      [1.04, 0.059847],
      [2, 0.02655],
    ]) {
      const sol = solveFromStart(m.system, alpha, Q0);
      expect(sol.converged).toBe(true);
      const d = sol.eps / theirs - 1;
      expect(d).toBeGreaterThan(0.0);
      expect(d).toBeLessThan(0.035);
    }
  });

  it('tanh(2x) with Gaussian readouts at α = 2: only |v| ≳ 0.8 specialise, and that beats every other start', () => {
    const m = getShallowModel(P('tanh2', 0.1, { readout: 'gauss' }));
    const pt = m.solvePoint(2);
    expect(pt.equilibrium).toBe('specialised');
    // The equilibrium has the largest f among all starts, including the all-specialised one.
    const Q99 = solveFromStart(m.system, 2, new Float64Array(m.system.v2.length).fill(0.99));
    expect(pt.specialised!.f).toBeGreaterThanOrEqual(Q99.f - 1e-12);
    for (const s of pt.stationary) expect(pt.specialised!.f).toBeGreaterThanOrEqual(s.f);
    const byV = Object.entries(m.overlapByValue(pt.specialised!)).map(([v, q]) => [Math.abs(+v), q]);
    for (const [v, q] of byV) {
      if (v < 0.6) expect(q).toBeLessThan(1e-6);
      if (v > 1) expect(q).toBeGreaterThan(0.85);
    }
  });

  it('quadratic σ with Gaussian W and ones/rad readouts: Q pinned to 0 and the app says why', () => {
    for (const readout of ['ones', 'rad'] as const) {
      const m = getShallowModel(P('h2', 1.25, { readout }));
      expect(m.pinnedUniversal).toBe(true);
      expect(m.notes.join(' ')).toMatch(/spurious/);
      const pt = m.solvePoint(4);
      expect(pt.equilibrium).toBe('universal');
      expect(pt.specialised).toBeNull();
    }
    const g = getShallowModel(P('h2', 1.25, { readout: 'gauss' }));
    expect(g.theoryUnverified).toBe(true);
    expect(g.notes.join(' ')).toMatch(/unverified/);
  });

  it('Rademacher W, v = 1: first-order α_sp near paper A v1’s older-theory values (1.74, 3.00, 1.60, 1.12)', () => {
    // Paper A v1 used a Gaussian ansatz for ι; paper B's theory shifts α_sp by 1–2 % (ReLU 1.757, x²/√2 3.065,
    // h23 1.611, h3 1.114 here). A sanity range, not a reference.
    const cases: Array<[string, number, number]> = [
      ['relu', 0.1, 1.74],
      ['h2', 1.25, 3.0],
      ['h23', 1.25, 1.6],
      ['h3', 1.25, 1.12],
    ];
    for (const [act, delta, older] of cases) {
      const tr = getShallowModel(P(act, delta, { weights: 'rademacher' })).transition();
      expect(tr.order).toBe('first-order');
      expect(rel(tr.alphaSp!, older)).toBeLessThan(0.03);
      expect(tr.spinodalSpec!).toBeLessThan(tr.alphaSp!);
    }
  });

  it('Rademacher W at large α: the specialised point stays the equilibrium and ε_opt keeps falling to float64 resolution', () => {
    // 1 − Q ~ e^(−Q̂/2) drops below m_S's resolution near α ≈ 8 (ReLU, Δ = 0.1); the solver used to lose the point
    // there and return ε_uni, which made ε_opt jump up by four orders of magnitude.
    const model = getShallowModel(P('relu', 0.1, { weights: 'rademacher' }));
    let prev = Infinity;
    let warm: ReturnType<typeof model.solvePoint> | null = null;
    for (const alpha of [4, 6, 8, 9, 10, 12, 16, 24, 32]) {
      const pt = model.solvePoint(alpha, warm);
      warm = pt;
      expect(pt.equilibrium).toBe('specialised');
      expect(pt.specialised?.converged).toBe(true);
      expect(pt.eps).toBeLessThanOrEqual(prev);
      expect(pt.eps).toBeGreaterThanOrEqual(0);
      prev = pt.eps;
    }
    expect(prev).toBeLessThan(1e-15);
  });

  it('ReLU with Gaussian W: Q grows continuously from the instability of Q = 0 (closed-form spinodal)', () => {
    const tr = getShallowModel(P('relu', 0.1)).transition();
    expect(tr.order).toBe('continuous');
    expect(Math.abs(tr.alphaOnset! - tr.spinodalUni!)).toBeLessThan(2e-3);
  });
});

describe('warm starts', () => {
  it('a curve solved with warm starts has the same equilibrium as every α solved from scratch', () => {
    for (const params of [
      P('relu', 0.1),
      P('h23', 1.25, { weights: 'rademacher' }),
      P('tanh2', 0.1, { readout: 'rad' }),
    ]) {
      const m = getShallowModel(params);
      let warm = null;
      for (let i = 1; i <= 60; i++) {
        const alpha = 0.1 * i;
        const w = m.solvePoint(alpha, warm);
        const c = m.solvePoint(alpha, null);
        warm = w;
        expect(w.equilibrium).toBe(c.equilibrium);
        expect(Math.abs(w.eps - c.eps)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('the saddle-point equations are the stationarity conditions of f_RS', () => {
  const cases: ShallowParams[] = [
    P('relu', 0.1),
    P('h23', 1.25, { weights: 'rademacher' }),
    P('tanh2', 0.1, { readout: 'rad' }),
    P('relu', 0.1, { readout: '4point' }),
  ];
  for (const params of cases) {
    it(`${params.activation}/${params.readout}/${params.weights}: ∇f = 0 at the solution (finite differences)`, () => {
      const m = getShallowModel(params);
      const alpha = 3;
      const pt = m.solvePoint(alpha);
      const sol = pt.specialised ?? pt.universal;
      const Q = Float64Array.from(sol.Q);
      const Qh = Float64Array.from(sol.Qhat);
      const f = (R2: number, R2h: number, q: Float64Array, qh: Float64Array) =>
        freeEntropyOf(m.system, alpha, R2, R2h, q, qh);
      const f0 = f(sol.R2, sol.R2hat, Q, Qh);
      expect(Math.abs(f0 - sol.f)).toBeLessThan(1e-9);
      const h = 1e-5;
      const d = (g: (s: number) => number) => (g(h) - g(-h)) / (2 * h);
      // Gradient components relative to the scale of each partial term.
      expect(Math.abs(d((s) => f(sol.R2 + s, sol.R2hat, Q, Qh)))).toBeLessThan(1e-6);
      expect(Math.abs(d((s) => f(sol.R2, sol.R2hat + s, Q, Qh)))).toBeLessThan(1e-6);
      for (let c = 0; c < Q.length; c++) {
        if (Q[c] <= 2 * h || Q[c] >= 1 - 2 * h) continue;
        const shift = (arr: Float64Array, s: number) => {
          const b = Float64Array.from(arr);
          b[c] += s;
          return b;
        };
        expect(Math.abs(d((s) => f(sol.R2, sol.R2hat, shift(Q, s), Qh)))).toBeLessThan(2e-6);
        expect(Math.abs(d((s) => f(sol.R2, sol.R2hat, Q, shift(Qh, s * (1 + Qh[c])))))).toBeLessThan(2e-6);
      }
    });
  }

  it('away from a stationary point the gradient is not zero (the check can fail)', () => {
    const m = getShallowModel(P('relu', 0.1));
    const sol = m.solvePoint(3).specialised!;
    const f = (R2: number) =>
      freeEntropyOf(m.system, 3, R2, sol.R2hat * 1.2, Float64Array.from(sol.Q), Float64Array.from(sol.Qhat));
    expect(Math.abs((f(sol.R2 + 1e-5) - f(sol.R2 - 1e-5)) / 2e-5)).toBeGreaterThan(1e-3);
  });
});

describe('no NaN anywhere on a wide parameter grid', () => {
  it('every activation × readout × prior × (γ, Δ, α) gives finite, converged numbers', { timeout: 240000 }, () => {
    const bad: string[] = [];
    for (const activation of ACTIVATION_NAMES) {
      for (const readout of READOUT_LAWS) {
        for (const weights of WEIGHT_PRIORS) {
          for (const [gamma, delta] of [
            [0.5, 0.1],
            [0.2, 1.25],
            [1.5, 1e-3],
          ]) {
            const m = getShallowModel({ activation, readout, weights, gamma, delta });
            let warm = null;
            for (const alpha of [0.05, 0.7, 2.5, 9]) {
              const pt = m.solvePoint(alpha, warm);
              warm = pt;
              const sols = [pt.universal, ...pt.stationary];
              const ok =
                Number.isFinite(pt.eps) &&
                pt.eps >= -1e-12 &&
                sols.every(
                  (s) => s.converged && Number.isFinite(s.f) && Number.isFinite(s.R2) && s.Q.every(Number.isFinite),
                );
              if (!ok) bad.push(`${activation}/${readout}/${weights}/γ=${gamma}/Δ=${delta}/α=${alpha}: eps=${pt.eps}`);
            }
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
