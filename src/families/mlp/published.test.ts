// The authors' published points (public/data, the repo's copy) against this project's theory. GAMP-RIE and AMP-RIE
// do not specialise, so they follow the universal branch ε_uni(α), not the equilibrium where that is specialised;
// Metropolis started at the teacher follows the large-Q branch where it exists, from a random start ε_uni.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveUniversal } from '../../physics/mlp/shallow';
import { getShallowModel } from '../../physics/mlp/shallowModel';
import { loadPublished, matchPublished, publishedNotes, PUBLISHED_SPECS } from './published';
import { parseNumericCsv } from './reference';
import { pickQ, publishedSeries } from './views/publishedSeries';

const publicData = new URL('../../../public/data/', import.meta.url);
const fileFetch = (async (url: string) => {
  const name = String(url).split('/').pop()!;
  return new Response(readFileSync(new URL(name, publicData), 'utf8'));
}) as unknown as typeof fetch;

// Rows, first and last α of each file (the authors' scripts: run_2.py arange(0.125, 8.125, 0.25); linspace(0.2, 4,
// 20) for algo_perf and gamp_data_2; the Metropolis files' own α lists).
const SHAPE: Record<string, [number, number, number]> = {
  'metropolis-relu-uninformative': [10, 0.2, 2],
  'metropolis-elu-uninformative': [10, 0.2, 2],
  'metropolis-h2-informative': [40, 0.1, 4],
  'metropolis-h3-informative': [17, 0.2, 2.9],
  'metropolis-h23-informative': [18, 0.2, 3.2],
  'metropolis-h23-informative-B': [20, 0.2, 3.2],
  'theoryB-elu': [37, 0.001, 3.90022],
  'theoryB-h2': [30, 0.001, 3.5901025],
  'theoryB-h3': [21, 0.001, 2.17038],
  'theoryB-h23': [34, 0.001, 2.180455],
};
const shape = (id: string) =>
  SHAPE[id] ?? (id.startsWith('gamprie-') && id !== 'gamprie-elu' ? [33, 0.125, 8.125] : [20, 0.2, 4]);

describe('published points: GAMP-RIE (d = 200, Gaussian W), AMP-RIE and Metropolis (d = 150, binary W)', async () => {
  const sets = await loadPublished('/', fileFetch);

  it('loads every file with its α grid', () => {
    expect(sets.map((s) => s.id)).toEqual(PUBLISHED_SPECS.map((s) => s.id));
    for (const s of sets) {
      const [n, a0, a1] = shape(s.id);
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
    // Binary W, h23: the AMP-RIE runs and both Metropolis sets (papers A and B); no ReLU set with Gaussian W.
    const h23 = {
      activation: 'h23',
      gamma: 0.5,
      delta: 1.25,
      readout: 'ones' as const,
      weights: 'rademacher' as const,
    };
    expect(matchPublished(sets, h23).map((s) => s.id)).toEqual([
      'amprie-h23',
      'metropolis-h23-informative',
      'metropolis-h23-informative-B',
      'theoryB-h23',
    ]);
    expect(matchPublished(sets, { ...h23, readout: 'rad' })).toEqual([]);
  });

  it('says where the paper truncates g (tanh(2x), ELU) and what the MCMC legend means, each once', () => {
    const notesOf = (activation: string) => publishedNotes(sets.filter((s) => s.match.activation === activation));
    const truncated = (n: string) => /15 Hermite terms/.test(n);
    const mcmc = (n: string) => /^MCMC: Metropolis/.test(n);
    expect(notesOf('tanh2')).toHaveLength(1);
    expect(notesOf('tanh2')[0]).toMatch(/15 Hermite terms.*0\.10131.*0\.10312/);
    // ELU: three sets (AMP-RIE, GAMP-RIE, MCMC), one truncation note and one MCMC note.
    expect(notesOf('elu').map((n) => [truncated(n), mcmc(n)])).toEqual([
      [true, false],
      [false, true],
    ]);
    for (const a of ['relu', 'h2', 'h3', 'h23']) expect(notesOf(a).map(truncated)).toEqual([false]);
    expect(publishedNotes(sets.filter((s) => s.id.startsWith('gamprie-relu')))).toEqual([]);
    // Legends fit the 212-px box of the ε plot (≈ 6.1 px a character at 11.5 px).
    for (const s of sets) expect(s.label.length, s.label).toBeLessThanOrEqual(28);
  });

  it.each(PUBLISHED_SPECS.filter((s) => s.kind === 'algorithm').map((s) => [s.id, s] as const))(
    '%s: on ε_uni within the finite-size tolerance',
    (_, spec) => {
      const set = sets.find((s) => s.id === spec.id)!;
      const model = getShallowModel(spec.match);
      // Finite size (n = αd²), the means within 8 % of ε_uni. GAMP-RIE, d = 200, α ≥ 0.5 (observed: ReLU
      // +2.6…+6.5 %, always above; tanh(2x) −1.3…+1.5 %; at α = 0.125, 0.375 up to +13 %). AMP-RIE, binary W,
      // d = 150, α ≥ 0.8 (observed: ReLU −0.5…+6.3 %, ELU −1.3…+2.6 %, h2 −1.1…+4.1 %, h23 −0.7…+3.1 %; at α ≤ 0.6
      // ReLU and ELU are up to +27 % high). ELU GAMP-RIE (gamp_data_2), α ≥ 0.8: +2.8…+5.5 %, always above; at
      // α ≤ 0.6 up to +16 %.
      const alphaMin = spec.id.startsWith('gamprie') && spec.id !== 'gamprie-elu' ? 0.5 : 0.8;
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
  // Metropolis on binary W, d = 150 (v = 1, γ = 0.5). Tolerance from the data's own scatter: the theory passes within
  // 2.5 run-to-run standard deviations of each mean (the papers draw ±1 sd; observed at most 2.11 sd: h2 at α = 1.6,
  // h3 at α = 1.3 just above its spinodal, where the finite-size means sit 15–30 % high, h23 at α = 1.6, 19 % low). sd: np.std over the runs as the authors wrote it
  // (paper A), the sample sd over 16 runs (paper B; its single-run α 1.0–1.5 have no scatter and are not judged).
  const SD_BOUND = 2.5;
  const byId = (id: string) => sets.find((s) => s.id === id)!;

  it.each([
    ['metropolis-relu-uninformative', 1.6],
    ['metropolis-elu-uninformative', 0.6],
  ] as const)('%s: on ε_uni up to α = %s, above it stalled higher, never specialised', (id, alphaStall) => {
    const set = byId(id);
    const model = getShallowModel(set.match);
    for (const r of set.rows) {
      const z = (r.mean - solveUniversal(model.system, r.alpha).eps) / r.sd;
      if (r.alpha <= alphaStall) {
        expect(Math.abs(z)).toBeLessThan(SD_BOUND);
        continue;
      }
      // The chain from a random start does not reach ε_uni (ε from the overlaps up to ℓ = 6, SOURCE.md) ...
      expect(z).toBeGreaterThan(SD_BOUND);
      // ... nor the large-Q branch, the equilibrium beyond the jump (hard phase).
      const large = model.branchOf(model.solvePoint(r.alpha), 'large-Q');
      if (large) expect(r.mean).toBeGreaterThan(3 * large.eps);
    }
  });

  it.each([
    // id, how far below the d → ∞ spinodal of the large-Q branch the d = 150 chain stays specialised (observed)
    ['metropolis-h2-informative', 0.32],
    ['metropolis-h3-informative', 0],
    ['metropolis-h23-informative', 0.07],
    ['metropolis-h23-informative-B', 0.07],
  ] as const)('%s: on the large-Q branch where it exists, on the equilibrium below it', (id, remnant) => {
    const set = byId(id);
    const model = getShallowModel(set.match);
    const spinodal = Math.min(...model.transition().jumps.map((j) => j.spinodalLow ?? Infinity));
    let judged = 0;
    for (const r of set.rows.filter((x) => x.sd > 0)) {
      const pt = model.solvePoint(r.alpha);
      const large = model.branchOf(pt, 'large-Q');
      const z = (r.mean - (large ?? pt).eps) / r.sd;
      if (large || Math.abs(z) < SD_BOUND) {
        expect(Math.abs(z), `α = ${r.alpha}`).toBeLessThan(SD_BOUND);
        judged++;
      } else {
        // Finite size: started at the teacher, the chain is still specialised a little below the spinodal, where
        // the d → ∞ theory has only the lower state left.
        expect(large).toBeNull();
        expect(r.mean).toBeLessThan(pt.eps);
        expect(spinodal - r.alpha).toBeLessThanOrEqual(remnant + 1e-9);
      }
    }
    expect(judged).toBeGreaterThanOrEqual(set.rows.length - 6);
  });
  // Paper B's own binary-W theory (its equilibrium ε and Q on rows chosen around the onset and the jump) against this
  // engine's equilibrium, row by row. Polynomial σ: the same branch on every row; ε within 2.5e−4 relative where
  // ε > 0.05 (measured ≤ 2.0e−4), 3e−3 below (their 401-point continuation carries ε ∝ 1 − Q to ~1e−3 near Q = 1:
  // h2 at α = 3.59 is 2.6e−3); Q within 1e−2: just above the onset Q rises like √(α − α_onset) and their onset sits
  // a little late (h2: Q = 0 at α = 0.5909 against this engine's 0.0083, whose onset 0.58271 is the closed-form
  // universal spinodal). ELU: the authors truncate g at 15 Hermite terms, so their ε is 0.07–0.25 % lower on the
  // small-Q side (g(1) short) and 2.1–2.3 % higher on the large-Q side (measured; this engine's g is exact,
  // docs/physics/mlp-shallow.md §2).
  it.each(PUBLISHED_SPECS.filter((s) => s.kind === 'theory').map((s) => [s.id, s] as const))(
    '%s: the engine reproduces the paper’s equilibrium row by row',
    async (_, spec) => {
      const model = getShallowModel(spec.match);
      const rows = parseNumericCsv(readFileSync(new URL(spec.file, publicData), 'utf8'));
      expect(rows).toHaveLength(byId(spec.id).rows.length);
      for (const r of rows) {
        const pt = model.solvePoint(r.alpha);
        const q = pt.equilibrium === 'specialised' ? pt.specialised!.Q[0] : 0;
        const rel = pt.eps / r.mean - 1;
        expect(q > 0.5, `α = ${r.alpha}`).toBe(r.q > 0.5);
        if (spec.match.activation !== 'elu') {
          expect(Math.abs(q - r.q), `α = ${r.alpha}`).toBeLessThan(1e-2);
          expect(Math.abs(rel), `α = ${r.alpha}`).toBeLessThan(r.mean > 0.05 ? 2.5e-4 : 3e-3);
        } else if (r.q < 0.5) {
          expect(rel, `α = ${r.alpha}`).toBeGreaterThan(5e-4);
          expect(rel, `α = ${r.alpha}`).toBeLessThan(3e-3);
        } else {
          expect(rel, `α = ${r.alpha}`).toBeGreaterThan(-0.025);
          expect(rel, `α = ${r.alpha}`).toBeLessThan(-0.02);
        }
      }
    },
  );
  it('paper B’s informative runs give Q too: on the large-Q branch, 1 − Q within 15 % of the theory’s from α = 1.7', () => {
    const set = byId('metropolis-h23-informative-B');
    const model = getShallowModel(set.match);
    for (const r of set.rows.filter((x) => x.sd > 0)) {
      const large = model.branchOf(model.solvePoint(r.alpha), 'large-Q');
      if (!large) continue;
      // Measured 0.90–1.04 from α = 1.7; at α = 1.6 (0.03 above the spinodal) the d = 150 runs sit higher (0.954
      // against 0.939), as their ε sits 19 % low.
      if (r.alpha < 1.65) expect(r.q!).toBeGreaterThan(large.Q[0]);
      else expect(Math.abs((1 - r.q!) / (1 - large.Q[0]) - 1), `α = ${r.alpha}`).toBeLessThan(0.15);
    }
    // The Q(α) plot gets the sets that carry Q (this one and the paper's theory), nothing else.
    const h23 = matchPublished(sets, set.match);
    expect(publishedSeries(h23, 8, pickQ, '-q').map((x) => x.id)).toEqual([
      'metropolis-h23-informative-B-q',
      'theoryB-h23-q',
    ]);
  });
});
