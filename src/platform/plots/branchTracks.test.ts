import { describe, expect, it } from 'vitest';
import type { BranchSolution, ShallowParams, ShallowPoint } from '../../physics/types';
import { getShallowModel } from '../../physics/mlp/shallowModel';
import { vGroups } from '../../families/mlp/overlapSeries';
import { branchPaths, branchTracks, switchAlphas, type Polyline } from './branches';

function sol(eps: number, f: number, Q: number[]): BranchSolution {
  const kind = Q.some((q) => q > 0) ? 'specialised' : 'universal';
  return { kind, eps, f, R2: 1 - eps, R2hat: 1, tau: 0, Q, Qhat: Q, converged: true, iterations: 1, residual: 0 };
}

/**
 * Two coexisting specialised branches: small Q (f = −1) from α = 1, large Q (f = −3.5 + α, winning beyond α = 2.5)
 * from α = 2. The universal branch never wins.
 */
function twoBranches(): ShallowPoint[] {
  return [1, 2, 3, 4].map((alpha) => {
    const small = sol(0.4 - 0.01 * alpha, -1, [0.2 + 0.01 * alpha]);
    const large = alpha >= 2 ? sol(0.1 - 0.01 * alpha, -3.5 + alpha, [0.9 + 0.01 * alpha]) : null;
    const best = large && large.f > small.f ? large : small;
    return {
      alpha,
      eps: best.eps,
      epsUni: 0.5,
      equilibrium: 'specialised',
      universal: sol(0.5, -5, [0]),
      specialised: best,
      stationary: large ? [small, large] : [small],
    };
  });
}

const pieces = (line: Polyline) => {
  const out: Array<Array<[number, number]>> = [[]];
  for (const d of line)
    if (d) out[out.length - 1].push([d[0], +d[1].toFixed(12)]);
    else out.push([]);
  return out.filter((p) => p.length);
};

describe('branch tracks: each drawn line follows one branch', () => {
  it('the metastable line never joins two coexisting branches, and the equilibrium jumps at the f crossing', () => {
    const pts = twoBranches();
    const tracks = branchTracks(pts);
    expect(tracks.get(pts[0].stationary[0])).toBe(tracks.get(pts[3].stationary[0])); // small Q, one track
    expect(tracks.get(pts[1].stationary[1])).toBe(tracks.get(pts[3].stationary[1])); // large Q, another
    expect(tracks.get(pts[1].stationary[0])).not.toBe(tracks.get(pts[1].stationary[1]));
    const sw = switchAlphas(pts);
    expect(sw[1]).toBeCloseTo(2.5, 12); // f_large − f_small = α − 2.5
    const p = branchPaths(pts, (b) => b.Q[0], sw);
    // Metastable: large Q at α = 2, small Q at α = 3 and 4, in two separate pieces (one branch each).
    expect(pieces(p.otherOff)).toEqual([
      [[2, 0.92]],
      [
        [3, 0.23],
        [4, 0.24],
      ],
    ]);
    // Equilibrium: small Q up to 2.5, a vertical jump there, large Q after.
    const eq = p.equilibrium.filter((d): d is [number, number] => d !== null);
    expect(eq.map((d) => d[0])).toEqual([1, 2, 2.5, 2.5, 3, 4]);
    expect(eq[2][1]).toBeCloseTo(0.225, 12);
    expect(eq[3][1]).toBeCloseTo(0.925, 12);
  });
});

/** Largest |second difference| along the connected pieces of a polyline (uniform α grid). */
function roughness(line: Polyline): number {
  let worst = 0;
  for (const piece of pieces(line))
    for (let i = 2; i < piece.length; i++)
      worst = Math.max(worst, Math.abs(piece[i][1] - 2 * piece[i - 1][1] + piece[i - 2][1]));
  return worst;
}

describe('dashed metastable Q(v) curves are smooth (continuation along the branch)', () => {
  // 100 points on (0, 8], warm-started as the page computes them. Before the branches were tracked, the dashed
  // line jumped between coexisting branches: largest |Δ²Q| 0.71 (ReLU, ones, binary W: large Q ↔ small Q at α_sp)
  // and 0.84 (tanh(2x), Gaussian readouts: between stationary cutoffs). On one branch it is ≤ 0.011 here. The
  // Gaussian law's sampled cutoffs are gone since its equilibrium takes the Maxwell cut (docs/physics/mlp-shallow.md
  // §7): it has no metastable branch to draw, and none is drawn.
  const cases: Array<[string, ShallowParams, boolean]> = [
    [
      'ReLU, ones, binary W',
      { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'rademacher' },
      true,
    ],
    [
      'tanh(2x), Gaussian readouts',
      { activation: 'tanh2', gamma: 0.5, delta: 0.1, readout: 'gauss', weights: 'gaussian' },
      false,
    ],
  ];
  for (const [name, params, metastable] of cases) {
    it(name, () => {
      const m = getShallowModel(params);
      const pts: ShallowPoint[] = [];
      let warm: ShallowPoint | null = null;
      for (let i = 1; i <= 100; i++) pts.push((warm = m.solvePoint((8 * i) / 100, warm)));
      const sw = switchAlphas(pts);
      let worst = 0;
      let drawn = 0;
      for (const g of vGroups(m.atoms.v, m.atoms.p, 5)) {
        const p = branchPaths(pts, (b) => b.Q[g.index], sw);
        worst = Math.max(worst, roughness(p.otherOff), roughness(p.specialisedOff));
        drawn += p.otherOff.filter(Boolean).length;
      }
      if (metastable)
        expect(drawn).toBeGreaterThan(10); // a metastable branch is drawn
      else expect(drawn).toBe(0);
      expect(worst).toBeLessThan(0.02);
    });
  }
});
