// The authors' GAMP-RIE and AMP-RIE points (public/data, the repo's copy) against this project's theory: these
// algorithms do not specialise, so they follow the universal branch ε_uni(α), not the equilibrium where that is
// specialised.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveUniversal } from '../../physics/mlp/shallow';
import { getShallowModel } from '../../physics/mlp/shallowModel';
import { loadPublished, matchPublished, PUBLISHED_SPECS } from './published';

const publicData = new URL('../../../public/data/', import.meta.url);
const fileFetch = (async (url: string) => {
  const name = String(url).split('/').pop()!;
  return new Response(readFileSync(new URL(name, publicData), 'utf8'));
}) as unknown as typeof fetch;

describe('published algorithm points: GAMP-RIE (d = 200, Gaussian W), AMP-RIE (d = 150, binary W)', async () => {
  const sets = await loadPublished('/', fileFetch);

  it('loads every file: GAMP-RIE 33 α from 0.125 to 8.125 (run_2.py), AMP-RIE 20 α from 0.2 to 4', () => {
    expect(sets.map((s) => s.id)).toEqual(PUBLISHED_SPECS.map((s) => s.id));
    for (const s of sets) {
      const [n, a0, a1] = s.id.startsWith('gamprie') ? [33, 0.125, 8.125] : [20, 0.2, 4];
      expect(s.rows).toHaveLength(n);
      expect(s.rows[0].alpha).toBe(a0);
      expect(s.rows[n - 1].alpha).toBe(a1);
    }
    // First run value of relu_ones.csv at α = 0.125 is 0.0926; the mean over the 12 runs:
    expect(sets[0].rows[0].mean).toBeCloseTo(0.091901143, 9);
  });

  it('matches only at its own parameters', () => {
    const p = { activation: 'relu', gamma: 0.5, delta: 0.1, readout: '4point' as const, weights: 'gaussian' as const };
    expect(matchPublished(sets, p).map((s) => s.id)).toEqual(['gamprie-relu-4point']);
    expect(matchPublished(sets, { ...p, weights: 'rademacher' })).toEqual([]);
    expect(matchPublished(sets, { ...p, delta: 1.25 })).toEqual([]);
    expect(matchPublished(null, p)).toEqual([]);
  });

  it.each(PUBLISHED_SPECS.map((s) => [s.id, s] as const))(
    '%s: on ε_uni within the finite-size tolerance',
    (_, spec) => {
      const set = sets.find((s) => s.id === spec.id)!;
      const model = getShallowModel(spec.match);
      // Finite size (n = αd²), the means within 8 % of ε_uni. GAMP-RIE, d = 200, α ≥ 0.5 (observed: ReLU
      // +2.6…+6.5 %, always above; tanh(2x) −1.3…+1.5 %; at α = 0.125, 0.375 up to +13 %). AMP-RIE, binary W,
      // d = 150, α ≥ 0.8 (observed: ReLU −0.5…+6.3 %, ELU −1.3…+2.6 %, h2 −1.1…+4.1 %, h23 −0.7…+3.1 %; at α ≤ 0.6
      // ReLU and ELU are up to +27 % high).
      const alphaMin = spec.id.startsWith('gamprie') ? 0.5 : 0.8;
      for (const r of set.rows.filter((x) => x.alpha >= alphaMin)) {
        const uni = solveUniversal(model.system, r.alpha);
        expect(uni.converged).toBe(true);
        expect(Math.abs(r.mean / uni.eps - 1)).toBeLessThan(0.08);
      }
      // Not the specialised branch: where it is the lower one, it is far below the points (the algorithms do not
      // specialise): ReLU with Gaussian W at α = 8.125, every binary-W case at α = 4.
      if (spec.match.activation !== 'tanh2') {
        const last = set.rows[set.rows.length - 1];
        const sp = model.solvePoint(last.alpha).specialised!;
        expect(last.mean / sp.eps - 1).toBeGreaterThan(0.5);
      }
    },
  );

  it('tanh(2x): the points sit on the exact plateau 0.10312, not on the 15-term truncated 0.10131', () => {
    // ε_uni = E σ² − μ1² for an odd σ at every α (μ2 = 0); issue 15 §3: the authors' curve truncates g at 15
    // Hermite terms (plateau 0.10131). Mean over α ≥ 1 and the three readout laws (396 runs).
    const rows = sets.filter((s) => s.match.activation === 'tanh2').flatMap((s) => s.rows.filter((r) => r.alpha >= 1));
    const mean = rows.reduce((a, r) => a + r.mean, 0) / rows.length;
    const exact = solveUniversal(getShallowModel(PUBLISHED_SPECS[3].match).system, 4).eps;
    expect(exact).toBeCloseTo(0.10312, 5);
    expect(Math.abs(mean - exact)).toBeLessThan(Math.abs(mean - 0.10131) / 3);
  });
});
