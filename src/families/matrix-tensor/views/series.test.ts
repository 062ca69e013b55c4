// The matrix–tensor plots' pure parts: region bands between the lines (clipped, skipped where a bound is unknown),
// label placement, and the export tables.
import { describe, expect, it } from 'vitest';
import type { MatrixTensorLinePoint } from '../../../physics/classic/matrixTensorThresholds';
import { diagramTable, labelAt, regionBand, REGIONS } from './series';

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
  });

  it('exports one row per Δp with every threshold (null where not reached)', () => {
    expect(diagramTable([line(0.5, null, 1)]).rows).toEqual([[0.5, null, null, 1, 0, 1.5, 2, 9, false]]);
  });
});
