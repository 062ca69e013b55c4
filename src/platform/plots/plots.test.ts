import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinePlot } from './LinePlot';
import { RowLegend } from './Legend';
import { flowLegend } from './lineGeometry';
import type { Series } from './lineGeometry';
import type { BranchSolution, ShallowPoint } from '../../physics/types';
import {
  branchPaths,
  equilibriumLine,
  interpolateEps,
  nearestPoint,
  otherSpecialisedOf,
  splitBranch,
  switchAlphas,
} from './branches';
import { r2Offset, vColour, vGroups } from '../../families/mlp/overlapSeries';
import { formatValue, yMaxOf } from './scales';

function sol(kind: 'universal' | 'specialised', eps: number, f: number, Q: number[]): BranchSolution {
  return { kind, eps, f, R2: 1 - eps, R2hat: 1, tau: 0, Q, Qhat: Q, converged: true, iterations: 1, residual: 0 };
}

/** A fixed curve: universal ε = 1/(1+α); a specialised branch from α = 1 on, winning (f larger) beyond α = 2.5. */
function fixture(): ShallowPoint[] {
  const pts: ShallowPoint[] = [];
  for (const alpha of [0.5, 1, 1.5, 2, 3, 3.5]) {
    const u = sol('universal', 1 / (1 + alpha), 0, [0]);
    const s = alpha >= 1 ? sol('specialised', 0.5 / (1 + alpha), alpha - 2.5, [0.9]) : null;
    const eq = s && s.f > u.f ? 'specialised' : 'universal';
    pts.push({
      alpha,
      eps: eq === 'universal' ? u.eps : s!.eps,
      epsUni: u.eps,
      equilibrium: eq,
      universal: u,
      specialised: s,
      stationary: s ? [s] : [],
    });
  }
  return pts;
}

describe('branch series', () => {
  it('draws the losing specialised branch of a first-order transition dashed (small-Q vs high-Q)', () => {
    const u = sol('universal', 0.5, -2, [0]);
    const small = sol('specialised', 0.4, -1, [0.2]);
    const high = sol('specialised', 0.1, -1.5, [0.95]);
    const pts: ShallowPoint[] = [1, 1.5, 2].map((alpha) => ({
      alpha,
      eps: 0.4,
      epsUni: 0.5,
      equilibrium: 'specialised',
      universal: u,
      specialised: small,
      stationary: alpha >= 1.5 ? [small, high] : [small],
    }));
    expect(otherSpecialisedOf(pts[0])).toBeNull();
    expect(otherSpecialisedOf(pts[1])).toBe(high);
    const p = branchPaths(pts, (b) => b.eps, switchAlphas(pts));
    expect(p.otherOff.filter((d) => d !== null)).toEqual([
      [1.5, 0.1],
      [2, 0.1],
    ]);
  });

  it('finds the switch from the f difference (or uses α_sp when it is in the interval)', () => {
    const pts = fixture();
    const sw = switchAlphas(pts);
    expect(sw.filter(Number.isFinite)).toEqual([2.5]); // f_spec − f_uni = α − 2.5 is linear: exact zero
    expect(sw.findIndex(Number.isFinite)).toBe(3);
    expect(switchAlphas(pts, [2.7])[3]).toBe(2.7);
    expect(switchAlphas(pts, [10, null, 2.2])[3]).toBe(2.2);
    expect(switchAlphas(pts, [10])[3]).toBe(2.5);
  });

  it('draws the equilibrium with a vertical jump at the switch', () => {
    const pts = fixture();
    const p = branchPaths(pts, (b) => b.eps, switchAlphas(pts));
    const eq = p.equilibrium as [number, number][];
    expect(eq.every((d) => d !== null)).toBe(true);
    const jump = eq.filter((d) => d[0] === 2.5);
    expect(jump).toHaveLength(2);
    expect(jump[0][1]).toBeGreaterThan(jump[1][1]); // drop from the universal to the specialised ε
    expect(eq[0]).toEqual([0.5, 1 / 1.5]);
    expect(eq.at(-1)).toEqual([3.5, 0.5 / 4.5]);
  });

  it('splits each branch into a solid (equilibrium) and a dashed (metastable) part meeting at the switch', () => {
    const pts = fixture();
    const p = branchPaths(pts, (b) => b.eps, switchAlphas(pts));
    const xs = (l: typeof p.universalOn) => l.map((d) => (d ? d[0] : null));
    expect(xs(p.universalOn)).toEqual([0.5, 1, 1.5, 2, 2.5]);
    expect(xs(p.universalOff)).toEqual([2.5, 3, 3.5]);
    expect(xs(p.specialisedOff)).toEqual([1, 1.5, 2, 2.5]);
    expect(xs(p.specialisedOn)).toEqual([2.5, 3, 3.5]);
  });

  it('leaves gaps where a branch does not exist and ignores a specialised solution with Q ≡ 0', () => {
    const pts = fixture();
    pts[4] = { ...pts[4], specialised: null, equilibrium: 'universal', eps: pts[4].epsUni };
    pts[0] = { ...pts[0], specialised: sol('specialised', 0.1, 5, [0]) };
    const split = splitBranch([0, 1, 2, 3], [1, null, 2, 3], [false, false, false, false], [NaN, NaN, NaN]);
    expect(split.off).toEqual([[0, 1], null, [2, 2], [3, 3]]);
    expect(split.on).toEqual([]);
    const p = branchPaths(pts, (b) => b.eps, switchAlphas(pts));
    expect(p.specialisedOff.some((d) => d && d[0] === 0.5)).toBe(false);
    expect(p.specialisedOff.some((d) => d && d[0] === 3)).toBe(false);
  });

  it('extrapolates across a missing side at a switch', () => {
    const line = equilibriumLine([0, 1], [1, 0.8], [null, 0.2], ['universal', 'specialised'], [0.5]);
    expect(line).toEqual([
      [0, 1],
      [0.5, 0.9],
      [0.5, 0.2],
      [1, 0.2],
    ]);
  });

  it('interpolates the marker and finds warm starts', () => {
    const pts = fixture();
    expect(interpolateEps(pts, 0.75)).toBeCloseTo((1 / 1.5 + 1 / 2) / 2, 12);
    expect(interpolateEps(pts, 0.1)).toBe(pts[0].eps);
    expect(interpolateEps(pts, 9)).toBeNull();
    expect(nearestPoint(pts, 2.9)?.alpha).toBe(3);
    expect(nearestPoint([], 1)).toBeNull();
  });
});

describe('overlap series', () => {
  it('groups ±v and keeps every |v| of a discrete law', () => {
    const v = [-3 / Math.sqrt(5), -1 / Math.sqrt(5), 1 / Math.sqrt(5), 3 / Math.sqrt(5)];
    const g = vGroups(v, [0.25, 0.25, 0.25, 0.25]);
    expect(g.map((x) => x.absV)).toEqual([1 / Math.sqrt(5), 3 / Math.sqrt(5)]);
    expect(g.map((x) => x.weight)).toEqual([0.5, 0.5]);
    expect(g[0].index).toBe(1);
    expect(vGroups([1], [1])).toEqual([{ absV: 1, index: 0, weight: 1 }]);
  });

  it('picks a handful of representative |v| for a continuous law, in increasing order', () => {
    const n = 60;
    const v = Array.from({ length: n }, (_, i) => -Math.sqrt(3) + (2 * Math.sqrt(3) * (i + 0.5)) / n);
    const g = vGroups(v, new Array(n).fill(1 / n), 5);
    expect(g).toHaveLength(5);
    for (let i = 1; i < g.length; i++) expect(g[i].absV).toBeGreaterThan(g[i - 1].absV);
    expect(g[0].absV).toBeLessThan(0.4);
    expect(g[4].absV).toBeGreaterThan(1.4);
  });

  it('computes ρ2 − 1 = γ (E v)² and orders colours', () => {
    expect(r2Offset(0.5, [1], [1])).toBe(0.5);
    expect(r2Offset(0.5, [-1, 1], [0.5, 0.5])).toBe(0);
    expect(vColour(0, 1)).toBe('#2166ac');
    expect(vColour(0, 3)).not.toBe(vColour(2, 3));
  });
});

describe('number formats', () => {
  it('computes a y range with headroom and formats readout values', () => {
    expect(yMaxOf([0.05, NaN, 0.1, Infinity])).toBeCloseTo(0.106, 12);
    expect(yMaxOf([])).toBe(1);
    expect(formatValue(0.0400512345)).toBe('0.0400512');
    expect(formatValue(1.2e-11)).toBe('1.20000e−11');
    expect(formatValue(1.6653345369377348e-16)).toBe('≈ 0'); // 3·2⁻⁵⁴-type residue of an O(1) sum
    expect(formatValue(-2e-14)).toBe('≈ 0');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-0.5)).toBe('−0.5');
    expect(formatValue(null)).toBe('—');
  });
});

describe('legend placement', () => {
  it('prefers the top-right corner and moves to the emptiest corner', async () => {
    const { legendBox } = await import('./scales');
    expect(legendBox([], 400, 300, 100, 50)).toEqual({ x: 294, y: 6, width: 100, height: 50, covers: 0 });
    // A flat line near the top: the bottom-right corner is free.
    const top = Array.from({ length: 50 }, (_, i) => [i * 8, 20] as [number, number]);
    expect(legendBox(top.flat(), 400, 300, 100, 50)).toMatchObject({ x: 294, y: 244 });
    // Lines near the top and at the bottom right: top-left is free.
    const more = [...top, ...Array.from({ length: 20 }, (_, i) => [300 + i * 5, 270] as [number, number])];
    expect(legendBox(more.filter(([x]) => x > 150 || x < 0).flat(), 400, 300, 100, 50)).toMatchObject({
      x: 6,
      y: 6,
      covers: 0,
    });
  });

  it('moves an inside legend above the frame when it would cover data in every corner', async () => {
    const { layoutLinePlot } = await import('./lineGeometry');
    // Curves along all four edges: no corner is free.
    const edge = (y: number): Series => ({
      mark: 'line',
      id: `e${y}`,
      data: Array.from({ length: 41 }, (_, i) => [i / 5, y] as [number, number]),
      colour: '#000000',
      label: `y = ${y}`,
    });
    const spec = { width: 500, height: 300, xDomain: [0, 8] as [number, number], yDomain: [0, 1] as [number, number] };
    const full = layoutLinePlot({ ...spec, series: [edge(0.04), edge(0.96)], legendBox: {} });
    expect(full.legendOutside).toBe(true);
    expect(full.box).toBeNull();
    // One free corner (no curve at the bottom): the box stays inside, there.
    const top = layoutLinePlot({ ...spec, series: [edge(0.96)], legendBox: {} });
    expect(top.legendOutside).toBe(false);
    expect(top.box).not.toBeNull();
    // and the SVG draws it in rows above the frame
    const svg = renderToStaticMarkup(
      createElement(LinePlot, {
        testId: 'fig',
        caption: 'c',
        xLabel: 'x',
        yLabel: 'y',
        xDomain: [0, 8],
        yDomain: [0, 1],
        series: [edge(0.04), edge(0.96)],
      }),
    );
    expect(svg).toContain('data-testid="fig-legend"');
  });
});

describe('row legend', () => {
  const render = (labels: string[]) =>
    renderToStaticMarkup(
      createElement(
        'svg',
        null,
        createElement(RowLegend, {
          flow: flowLegend(
            labels.map((label) => ({ id: label, label, colour: '#000', swatch: 'regular' as const, dashed: false })),
            300,
          ),
          x: 0,
          y: 0,
          testId: 'legend',
        }),
      ),
    );
  it('draws its entries in a labelled group, and nothing at all without entries', () => {
    expect(render(['spinodals'])).toContain('aria-label="legend"');
    expect(render(['spinodals'])).toContain('spinodals');
    expect(render([])).toBe('<svg></svg>');
  });
});
