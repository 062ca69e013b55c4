// Order parameters against α: Q(v) per distinct |v| and the rescaled quadratic overlap R2 − (ρ2 − 1),
// equilibrium solid, metastable dashed.
import { memo, useMemo } from 'react';
import { useExplorer } from '../store';
import { branchPaths, switchAlphas, type BranchPaths, type Polyline } from '../../../platform/plots/branches';
import { COLOURS } from '../../../platform/plots/palette';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { rule } from '../../../platform/plots/lineGeometry';
import { R2_COLOUR, r2Offset, vColour, vGroups } from '../overlapSeries';
import { matchPublished } from '../published';
import { pickQ, publishedSeries } from './publishedSeries';
import { MlpHover, mlpExport } from './ExportTools';

const HEIGHT = 300;

interface OverlapSeries {
  id: string;
  label: React.ReactNode;
  colour: string;
  paths: BranchPaths;
}

export function vLabel(absV: number, single: boolean): string {
  return single ? `Q(v = ${Number(absV.toPrecision(3))})` : `Q(|v| = ${Number(absV.toPrecision(3))})`;
}

export const OverlapPlot = memo(function OverlapPlot() {
  const curve = useExplorer((s) => s.curve);
  const alpha = useExplorer((s) => s.params.alpha);
  const alphaMax = useExplorer((s) => s.params.alphaMax);
  const alphaSp = curve?.transition?.alphaSp ?? null;
  const alphaOnset = curve?.transition?.alphaOnset ?? null;

  const series = useMemo<OverlapSeries[]>(() => {
    if (!curve || curve.points.length === 0) return [];
    const { v, p } = curve.header.atoms;
    const switches = switchAlphas(curve.points, [alphaOnset, alphaSp]);
    const offset = r2Offset(curve.params.gamma, v, p);
    const groups = vGroups(v, p, 5);
    const out: OverlapSeries[] = [
      {
        id: 'R2',
        label: 'R₂ − (ρ₂ − 1)',
        colour: R2_COLOUR,
        paths: branchPaths(curve.points, (b) => b.R2 - offset, switches),
      },
    ];
    groups.forEach((g, rank) => {
      out.push({
        id: `Q${rank}`,
        label: vLabel(g.absV, groups.length === 1 && v.length === 1),
        colour: vColour(rank, groups.length),
        paths: branchPaths(curve.points, (b) => b.Q[g.index], switches),
      });
    });
    return out;
  }, [curve, alphaSp, alphaOnset]);

  const lines: Series[] = series.flatMap((x) => {
    const piece = (part: string, data: Polyline, eq = false): Series => ({
      mark: 'line',
      id: `${x.id}-${part}`,
      group: x.id,
      data,
      colour: x.colour,
      dashed: !eq,
      className: eq ? 'overlap-eq' : undefined,
      label: eq ? x.label : undefined,
    });
    return [
      piece('universal-off', x.paths.universalOff),
      piece('specialised-off', x.paths.specialisedOff),
      piece('other-off', x.paths.otherOff),
      piece('equilibrium', x.paths.equilibrium, true),
    ];
  });
  // The authors' overlaps Q where their files give them (one readout class: paper B's theory, its MCMC runs).
  const published = useExplorer((s) => s.published);
  const curveParams = curve?.params;
  const qPoints = useMemo(
    () => (curveParams ? publishedSeries(matchPublished(published, curveParams), alphaMax, pickQ, '-q') : []),
    [published, curveParams, alphaMax],
  );
  const transitions = [alphaOnset, alphaSp].flatMap((a, i) =>
    a === null ? [] : [rule(`transition-${i}`, 'x', a, COLOURS.transition, { dash: 'dotted' })],
  );

  return (
    <LinePlot
      testId="plot-overlaps"
      exportAs={mlpExport('overlaps')}
      xColumn="alpha"
      caption={
        <>
          Overlaps: specialisation <i>Q</i>(<i>v</i>) and quadratic part <i>R</i>
          <sub>2</sub> − (<i>ρ</i>
          <sub>2</sub> − 1) ∈ [0, 1]
          <span className="caption-hint"> · solid: equilibrium, dashed: metastable branch</span>
          <MlpHover plot="overlaps" />
        </>
      }
      ariaLabel="Overlaps against sample ratio α"
      xLabel="sample ratio α = n / d²"
      yLabel="overlap"
      series={[
        ...lines,
        ...qPoints,
        ...transitions,
        rule('alpha', 'x', alpha, COLOURS.selection, { className: 'selection' }),
      ]}
      xDomain={[0, alphaMax]}
      yDomain={[-0.03, 1]} // Q ≡ 0 (no specialisation yet) drawn just above the axis, not on it
      height={HEIGHT}
      legend="above"
      attrs={{ 'data-series-count': series.length }}
    />
  );
});
