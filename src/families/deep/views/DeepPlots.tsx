// The three plots of the deep family: ε(α) with every branch, the layer-wise overlaps along the equilibrium,
// and the first-layer profile Q1(s) at the selected α (which neurons specialise first).
import { memo, useMemo } from 'react';
import type { Polyline } from '../../../platform/plots/branches';
import { COLOURS } from '../../../platform/plots/palette';
import type { DeepBranch } from '../../../physics/deep/deepSolver';
import type { DeepCurvePoint, DeepPointView } from '../protocol';
import { nearestDeepPoint, useDeep } from '../store';
import { DeepExport } from './ExportTools';
import { DeepSimPointsLayer } from './DeepSimPoints';
import { LinePlot, type Series } from './LinePlot';

export const BRANCH_COLOURS: Record<DeepBranch, string> = {
  universal: COLOURS.universal,
  layer1: '#047857',
  product: '#be185d',
  specialised: COLOURS.specialised,
};
export const BRANCH_LABELS: Record<DeepBranch, string> = {
  universal: 'universal (plateau: nothing beyond the linear part)',
  layer1: 'layer 1 only (Q1 > 0)',
  product: 'product W⁽²⁾W⁽¹⁾ only (Q2:1 > 0)',
  specialised: 'specialised (informative start)',
};
const ORDER: DeepBranch[] = ['universal', 'layer1', 'product', 'specialised'];

const same = (a: DeepPointView, b: DeepPointView) => Math.abs(a.eps - b.eps) < 1e-7 && Math.abs(a.f - b.f) < 1e-9 * (1 + Math.abs(b.f));

/** Each branch where it is metastable: converged, not the equilibrium point, not a copy of an earlier branch. */
export function metastableParts(points: readonly DeepCurvePoint[]): Record<DeepBranch, Polyline> {
  const out = {} as Record<DeepBranch, Polyline>;
  for (const b of ORDER) out[b] = [];
  for (const p of points) {
    const shown: DeepPointView[] = [p.eq];
    for (const b of ORDER) {
      const s = p.branches[b];
      const meta = s.converged && !shown.some((o) => same(o, s));
      out[b].push(meta ? [p.alpha, s.eps] : null);
      if (meta) shown.push(s);
    }
  }
  return out;
}

export const EpsBranchesPlot = memo(function EpsBranchesPlot() {
  const curve = useDeep((s) => s.curve);
  const computing = useDeep((s) => s.computing);
  const alpha = useDeep((s) => s.params.alpha);
  const alphaMax = useDeep((s) => s.params.alphaMax);
  const series = useMemo<Series[]>(() => {
    if (!curve) return [];
    const parts = metastableParts(curve.points);
    const out: Series[] = ORDER.map((b) => ({ id: `branch-${b}`, label: `${BRANCH_LABELS[b]}, metastable`, colour: BRANCH_COLOURS[b], kind: 'dashed', data: parts[b] }));
    out.push({ id: 'equilibrium', label: 'ε_opt (equilibrium, largest f)', colour: COLOURS.equilibrium, kind: 'bold', data: curve.points.map((p) => [p.alpha, p.eq.eps]) });
    return out;
  }, [curve]);
  return (
    <LinePlot
      testId="plot-deep-eps"
      caption={
        <>
          Bayes-optimal test error <i>ε</i>
          <sub>opt</sub>(<i>α</i>), two hidden layers{computing && <span className="busy"> · computing…</span>}
          <DeepExport plot="deep-eps" />
        </>
      }
      xLabel={<>sample ratio α = n / d²</>}
      yLabel={<>test error ε</>}
      series={series}
      xDomain={[0, alphaMax]}
      marker={alpha}
      height={340}
      legendAbove
      overlay={(x, y) => <DeepSimPointsLayer x={x} y={y} />}
      attrs={{ 'data-complete': curve?.complete ? 'true' : 'false', 'data-points': curve?.points.length ?? 0, 'data-gen': curve?.gen }}
    />
  );
});

export const OverlapsPlot = memo(function OverlapsPlot() {
  const curve = useDeep((s) => s.curve);
  const alpha = useDeep((s) => s.params.alpha);
  const alphaMax = useDeep((s) => s.params.alphaMax);
  const series = useMemo<Series[]>(() => {
    if (!curve) return [];
    const pts = curve.points;
    return [
      { id: 'Q1', label: 'mean Q1 (first layer)', colour: '#2563eb', kind: 'bold', data: pts.map((p) => [p.alpha, p.eq.Q1mean]) },
      { id: 'Q2', label: 'mean Q2 (second layer)', colour: '#d97706', kind: 'bold', data: pts.map((p) => [p.alpha, p.eq.Q2mean]) },
      { id: 'Q21', label: 'Q2:1 (product W⁽²⁾W⁽¹⁾)', colour: '#7c3aed', kind: 'line', data: pts.map((p) => [p.alpha, p.eq.Q21mean]) },
    ];
  }, [curve]);
  return (
    <LinePlot
      testId="plot-deep-overlaps"
      caption={
        <>
          Layer-wise overlaps along the equilibrium: the first layer specialises before the second
          <DeepExport plot="deep-overlaps" />
        </>
      }
      xLabel={<>sample ratio α = n / d²</>}
      yLabel={<>overlap</>}
      series={series}
      xDomain={[0, alphaMax]}
      yDomain={[0, 1]}
      marker={alpha}
      height={260}
      legendWidth={200}
    />
  );
});

export const ProfilePlot = memo(function ProfilePlot() {
  const curve = useDeep((s) => s.curve);
  const alpha = useDeep((s) => s.params.alpha);
  const pt = curve ? nearestDeepPoint(curve.points, alpha) : null;
  const series = useMemo<Series[]>(() => {
    if (!curve || !pt) return [];
    const s = curve.header.s;
    const out: Series[] = [{ id: 'profile-eq', label: `equilibrium (${pt.equilibrium})`, colour: COLOURS.equilibrium, kind: 'bold', data: s.map((x, i) => [x, pt.eq.Q1[i]]), dots: true }];
    const shown: DeepPointView[] = [pt.eq];
    for (const b of ORDER) {
      const sol = pt.branches[b];
      if (!sol.converged || sol.Q1mean < 1e-6 || shown.some((o) => same(o, sol))) continue;
      shown.push(sol);
      out.push({ id: `profile-${b}`, label: `${b}, metastable`, colour: BRANCH_COLOURS[b], kind: 'dashed', data: s.map((x, i) => [x, sol.Q1[i]]) });
    }
    return out;
  }, [curve, pt]);
  const sMax = curve ? curve.header.s[curve.header.s.length - 1] : 5;
  return (
    <LinePlot
      testId="plot-deep-profile"
      caption={
        <>
          First-layer overlap <i>Q</i>
          <sub>1</sub>(<i>s</i>) against the effective readout |<i>s</i>| = |W⁽²⁾ᵀv|/√k₂ at α = {pt ? pt.alpha.toFixed(2) : '—'}
          <DeepExport plot="deep-profile" />
        </>
      }
      xLabel={<>effective readout |s| of a first-layer neuron</>}
      yLabel={<>Q1(s)</>}
      series={series}
      xDomain={[0, sMax]}
      yDomain={[0, 1]}
      height={260}
      legendWidth={200}
      attrs={{ 'data-alpha': pt?.alpha }}
    />
  );
});
