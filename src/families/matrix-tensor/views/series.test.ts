// The matrix–tensor plots' pure parts: region bands between the lines (clipped, skipped where a bound is unknown),
// label placement, and the export tables.
import { describe, expect, it } from 'vitest';
import type { MatrixTensorLinePoint } from '../../../physics/classic/matrixTensorThresholds';
import { diagramSeries, diagramTable, labelAt, regionBand, regionLabel, REGIONS, regionsOf } from './series';

const line = (deltaP: number, it: number | null, amp: number | null): MatrixTensorLinePoint => ({
  deltaP,
  it,
  hard: it,
  amp,
  spinodal: 0,
  langevin: 1.5,
  gf: 2,
  triv: 9,
  converged: it !== null,
});
const region = (id: string) => REGIONS.find((r) => r.id === id)!;

describe('matrix-tensor plot geometry', () => {
  it('bands the regions between consecutive lines, clipped to the plot, skipping unknown bounds', () => {
    const lines = [line(0.1, 0.2, 1), line(0.5, null, 1), line(1, 1, 1)];
    expect(regionBand(lines, region('hard-amp'), 3)).toEqual([
      { x: 0.1, lo: 0.2, hi: 1 },
      { x: 1, lo: 1, hi: 1 },
    ]);
    // triv = 9 lies above the plot: the trivial region is clipped to zero height at its top.
    expect(regionBand(lines, region('trivial'), 3).every((b) => b.lo === 3 && b.hi === 3)).toBe(true);
    expect(regionBand(lines, region('spurious'), 3).map((b) => b.hi)).toEqual([3, 3, 3]);
  });

  it('labels a region in the middle of where it is widest, and not at all where it is thin', () => {
    const band = [0, 1, 2, 3, 4].map((x) => ({ x, lo: 0, hi: x < 1 ? 0.5 : 1 }));
    expect(labelAt(band, 0.1)).toEqual({ x: 2, y: 0.5 });
    expect(labelAt(band, 2)).toBeNull();
    // a label 2 wide (half = 1) sees the lowest top under it: at x = 0 it spans hi 0.5 and 1, so it goes to x ≥ 1…
    const slope = [0, 1, 2, 3, 4].map((x) => ({ x, lo: 0, hi: x === 0 ? 0.2 : 1 }));
    expect(labelAt(slope, 0.1, { half: 1, domain: [-9, 9] })).toEqual({ x: 3, y: 0.5 });
    // … and keeps clear of the text of a rule at x = 4 (the top capped at 0.6 where the label would reach the rule)
    expect(labelAt(slope, 0.1, { half: 1, domain: [-9, 9], avoid: { x: 4, below: 0.6 } })).toEqual({ x: 2, y: 0.5 });
    // a centre kept 1 inside the frame [0, 4]: x = 0 moves to 1, x = 4 to 3
    expect(labelAt(slope, 0.1, { half: 1, domain: [0, 4] })).toEqual({ x: 3, y: 0.5 });
    expect(labelAt(slope, 0.1, { half: 1.5, domain: [0, 4] })).toEqual({ x: 2.5, y: 0.5 });
    // a narrow region (no room under the whole label): placed by the middle half of the label, else not labelled
    const narrow = [0, 1, 2, 3, 4, 5, 6].map((x) => ({ x, lo: 0, hi: x === 2 || x === 3 ? 1 : 0.05 }));
    expect(labelAt(narrow, 0.1, { half: 1, domain: [0, 6] })).toEqual({ x: 2, y: 0.5 });
    const spike = narrow.map((b) => ({ ...b, hi: b.x === 2 ? 1 : 0.05 }));
    expect(labelAt(spike, 0.1, { half: 2, domain: [0, 6] })).toBeNull();
    // the region's short label where the full one finds no room: 'hard' (4 characters) in place of 16
    const fitOf = (text: string) => ({ half: text.length / 8, domain: [0, 6] as [number, number] });
    expect(regionLabel(region('hard-amp'), spike, 0.1, fitOf)).toEqual({ text: 'hard', x: 2, y: 0.5 });
    expect(regionLabel(region('hard-amp'), slope, 0.1, fitOf)).toEqual({ text: 'hard (AMP fails)', x: 3, y: 0.5 });
  });

  it('draws the Langevin line and its two regions where it is known (p = 3), one AMP–GF region without it', () => {
    const p3 = [line(0.5, 0.8, 1), line(1, 1, 1)];
    const p4 = p3.map((t) => ({ ...t, langevin: null }));
    const ids = (ls: typeof p3) => diagramSeries(ls, 3, 0.5).map((s) => s.id);
    expect(ids(p3)).toEqual(expect.arrayContaining(['line-langevin', 'region-hard-langevin', 'region-hard-gf']));
    expect(ids(p4)).not.toContain('line-langevin');
    expect(ids(p4)).not.toContain('region-hard-langevin');
    const gf4 = regionsOf(p4).find((r) => r.id === 'hard-gf')!;
    expect(gf4).toMatchObject({ lo: 'amp', hi: 'gf', label: 'AMP easy, hard for gradient flow' });
    expect(regionBand(p3, region('hard-langevin'), 3)).toEqual([
      { x: 0.5, lo: 1, hi: 1.5 },
      { x: 1, lo: 1, hi: 1.5 },
    ]);
  });

  it('exports one row per Δp with every threshold (null where not reached)', () => {
    expect(diagramTable([line(0.5, null, 1)]).rows).toEqual([[0.5, null, null, 1, 0, 1.5, 2, 9, false]]);
  });
});
