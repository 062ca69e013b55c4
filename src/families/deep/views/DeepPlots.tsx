// The three plots of the deep family: ε(α) with every branch, the layer-wise overlaps along the equilibrium,
// and the first-layer profile Q1(s) at the selected α (which neurons specialise first).
import { memo, useMemo } from 'react';
import type { Polyline } from '../../../platform/plots/branches';
import { COLOURS } from '../../../platform/plots/palette';
import type { DeepBranch } from '../../../physics/deep/deepSolver';
import type { DeepCurvePoint, DeepPointView } from '../protocol';
import { nearestDeepPoint, useDeep } from '../store';
import { deepExport } from './ExportTools';
import { useDeepSimSeries } from './DeepSimPoints';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { curveBusy } from '../../../platform/plots/busy';
import type { PlotCursor } from '../../../platform/state/cursor';
import type { LineSeries, RuleSeries } from '../../../platform/plots/lineGeometry';

export const BRANCH_COLOURS: Record<DeepBranch, string> = {
  universal: COLOURS.universal,
  layer1: COLOURS.green,
  product: COLOURS.pink,
  specialised: COLOURS.specialised,
};
export const BRANCH_LABELS: Record<DeepBranch, string> = {
  universal: 'universal (plateau: nothing beyond the linear part)',
  layer1: 'layer 1 only (Q1 > 0)',
  product: 'product W⁽²⁾W⁽¹⁾ only (Q2:1 > 0)',
  specialised: 'specialised (informative start)',
};
/** Colours of the layer-wise overlaps (theory and simulations). */
export const Q_COLOURS = { Q1: COLOURS.blue, Q2: COLOURS.amber, Q21: COLOURS.violet } as const;
const ORDER: DeepBranch[] = ['universal', 'layer1', 'product', 'specialised'];

/** The selected α as the plots' cursor: a click or drag on a plot moves it, as on the MLP tab. */
const alphaCursor = (alpha: number): PlotCursor => ({
  symbol: 'α',
  at: alpha,
  onChange: (a) => useDeep.getState().setParam('alpha', Math.max(0.01, Number(a.toPrecision(3)))),
});

/** The vertical line at the selected α. */
export const alphaMarker = (testId: string, alpha: number): RuleSeries => ({
  mark: 'rule',
  id: 'alpha',
  axis: 'x',
  at: alpha,
  colour: COLOURS.selection,
  className: 'selection',
  testId: `${testId}-marker`,
});

const same = (a: DeepPointView, b: DeepPointView) =>
  Math.abs(a.eps - b.eps) < 1e-7 && Math.abs(a.f - b.f) < 1e-9 * (1 + Math.abs(b.f));

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
  const streaming = useDeep((s) => s.streaming);
  const requestedGen = useDeep((s) => s.requestedGen);
  const alpha = useDeep((s) => s.params.alpha);
  const alphaMax = useDeep((s) => s.params.alphaMax);
  const userRuns = useDeepSimSeries();
  const series = useMemo<Series[]>(() => {
    if (!curve) return [];
    const parts = metastableParts(curve.points);
    const out: Series[] = ORDER.map((b) => ({
      mark: 'line',
      id: `branch-${b}`,
      label: `${BRANCH_LABELS[b]}, metastable`,
      colour: BRANCH_COLOURS[b],
      dashed: true,
      data: parts[b],
    }));
    out.push({
      mark: 'line',
      id: 'equilibrium',
      label: 'ε_opt (equilibrium, largest f)',
      colour: COLOURS.equilibrium,
      weight: 'bold',
      data: curve.points.map((p) => [p.alpha, p.eq.eps]),
    });
    return out;
  }, [curve]);
  return (
    <LinePlot
      testId="plot-deep-eps"
      exportAs={deepExport('deep-eps')}
      xColumn="alpha"
      hover
      cursor={alphaCursor(alpha)}
      caption={
        <>
          Bayes-optimal test error <i>ε</i>
          <sub>opt</sub>(<i>α</i>), two hidden layers
        </>
      }
      xLabel={<>sample ratio α = n / d²</>}
      yLabel={<>test error ε</>}
      series={[...series, ...userRuns, alphaMarker('plot-deep-eps', alpha)]}
      busy={curveBusy(computing, streaming, requestedGen)}
      xDomain={[0, alphaMax]}
      height={340}
      legend="above"
      attrs={{
        'data-complete': curve?.complete ? 'true' : 'false',
        'data-points': curve?.points.length ?? 0,
        'data-gen': curve?.gen,
        // As the MLP's ε plot: the generation drawn over the whole α range, and once complete (bench/sliderRedraw.ts).
        'data-render-gen': curve?.gen,
        'data-complete-gen': curve?.complete ? curve.gen : undefined,
      }}
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
      {
        mark: 'line',
        id: 'Q1',
        label: 'mean Q1 (first layer)',
        colour: Q_COLOURS.Q1,
        weight: 'bold',
        data: pts.map((p) => [p.alpha, p.eq.Q1mean]),
      },
      {
        mark: 'line',
        id: 'Q2',
        label: 'mean Q2 (second layer)',
        colour: Q_COLOURS.Q2,
        weight: 'bold',
        data: pts.map((p) => [p.alpha, p.eq.Q2mean]),
      },
      {
        mark: 'line',
        id: 'Q21',
        label: 'Q2:1 (product W⁽²⁾W⁽¹⁾)',
        colour: Q_COLOURS.Q21,
        data: pts.map((p) => [p.alpha, p.eq.Q21mean]),
      },
    ];
  }, [curve]);
  return (
    <LinePlot
      testId="plot-deep-overlaps"
      exportAs={deepExport('deep-overlaps')}
      xColumn="alpha"
      hover
      cursor={alphaCursor(alpha)}
      caption={<>Layer-wise overlaps along the equilibrium: the first layer specialises before the second</>}
      xLabel={<>sample ratio α = n / d²</>}
      yLabel={<>overlap</>}
      series={[...series, alphaMarker('plot-deep-overlaps', alpha)]}
      xDomain={[0, alphaMax]}
      yDomain={[0, 1]}
      height={260}
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
    const out: LineSeries[] = [
      {
        mark: 'line',
        id: 'profile-eq',
        label: `equilibrium (${pt.equilibrium})`,
        colour: COLOURS.equilibrium,
        weight: 'bold',
        data: s.map((x, i) => [x, pt.eq.Q1[i]]),
        dots: true,
      },
    ];
    const shown: DeepPointView[] = [pt.eq];
    for (const b of ORDER) {
      const sol = pt.branches[b];
      if (!sol.converged || sol.Q1mean < 1e-6 || shown.some((o) => same(o, sol))) continue;
      shown.push(sol);
      out.push({
        mark: 'line',
        id: `profile-${b}`,
        label: `${b}, metastable`,
        colour: BRANCH_COLOURS[b],
        dashed: true,
        data: s.map((x, i) => [x, sol.Q1[i]]),
      });
    }
    return out;
  }, [curve, pt]);
  const sMax = curve ? curve.header.s[curve.header.s.length - 1] : 5;
  return (
    <LinePlot
      testId="plot-deep-profile"
      exportAs={deepExport('deep-profile')}
      xColumn="s_abs"
      caption={
        <>
          First-layer overlap <i>Q</i>
          <sub>1</sub>(<i>s</i>) against the effective readout |<i>s</i>| = |W⁽²⁾ᵀv|/√k₂ at α ={' '}
          {pt ? pt.alpha.toFixed(2) : '—'}
        </>
      }
      xLabel={<>effective readout |s| of a first-layer neuron</>}
      yLabel={<>Q1(s)</>}
      series={series}
      xDomain={[0, sMax]}
      yDomain={[0, 1]}
      height={260}
      attrs={{ 'data-alpha': pt?.alpha }}
    />
  );
});
