// Finished simulation runs on an ε(α) plot, as the plot's own point series (legend entries, CSV columns, the
// legend check): mean over seeds with ±1 s.d. bars, in the algorithm's colour, with symbols of their own — HMC
// triangles, ADAM squares, GAMP-RIE diamonds (filled: informative start) — never the published points' circles.
// Each entry reads "your HMC, informative, d = 40". The series share one group, whose <g> carries `testId` and data-count.
import type { PointShape, Series } from '../../plots/lineGeometry';
import type { Algorithm } from '../../../sim/simulation';
import type { SimPoint } from '../simPoints';
import { simColour, simLabel } from './simColours';

const SHAPE: Record<Algorithm, PointShape> = { hmc: 'triangle', adam: 'square', gamp: 'diamond' };
/** Side by side at one α: HMC informative right of uninformative, ADAM left, GAMP-RIE right. */
const DX: Record<string, number> = { 'hmc|informative': 3, 'hmc|uninformative': -3, adam: -6, gamp: 6 };

export function simPointSeries(points: readonly SimPoint[], testId: string): Series[] {
  const sets = new Map<string, SimPoint[]>();
  for (const p of points) {
    const k = `${p.algo}|${p.init}|${p.d}`;
    sets.set(k, [...(sets.get(k) ?? []), p]);
  }
  return [...sets.entries()].map(([k, list]): Series => {
    const { algo, init, d } = list[0];
    return {
      mark: 'points',
      id: `sim-${k.replaceAll('|', '-')}`,
      group: testId,
      testId,
      data: list.map((p) => ({ x: p.alpha, y: p.mean, err: p.std > 0 ? p.std : undefined })),
      colour: simColour(algo, init),
      shape: SHAPE[algo],
      ring: algo !== 'gamp' && init !== 'informative',
      dx: DX[`${algo}|${init}`] ?? DX[algo],
      label: `your ${simLabel(algo, init)}, d = ${d}`,
    };
  });
}
