// Order parameters against α: Q(v) per distinct |v| and the rescaled quadratic overlap R2 − (ρ2 − 1),
// equilibrium solid, metastable dashed.
import { memo, useMemo } from 'react';
import { useExplorer } from '../store';
import { branchPaths, switchAlphas, type BranchPaths } from '../../../platform/plots/branches';
import { COLOURS } from '../../../platform/plots/palette';
import { R2_COLOUR, r2Offset, vColour, vGroups } from '../overlapSeries';
import { makeScales, pathOf, type Frame } from '../../../platform/plots/scales';
import { Axes } from '../../../platform/plots/Axes';
import { useWidth } from '../../../platform/plots/useWidth';
import { MlpExport } from './ExportTools';

const HEIGHT = 300;
const MARGIN = { top: 14, right: 18, bottom: 50, left: 66 };

interface Series {
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
  const [ref, width] = useWidth<HTMLDivElement>();
  const alphaSp = curve?.transition?.alphaSp ?? null;
  const alphaOnset = curve?.transition?.alphaOnset ?? null;

  const series = useMemo<Series[]>(() => {
    if (!curve || curve.points.length === 0) return [];
    const { v, p } = curve.header.atoms;
    const switches = switchAlphas(curve.points, [alphaOnset, alphaSp]);
    const offset = r2Offset(curve.params.gamma, v, p);
    const groups = vGroups(v, p, 5);
    const out: Series[] = [
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

  const frame: Frame = { width, height: HEIGHT, margin: MARGIN };
  const s = makeScales(frame, [0, alphaMax], [0, 1]);
  const d = (l: BranchPaths['equilibrium']) => pathOf(l, s);

  return (
    <figure className="plot" data-testid="plot-overlaps" data-series-count={series.length}>
      <figcaption>
        Overlaps: specialisation <i>Q</i>(<i>v</i>) and quadratic part <i>R</i>
        <sub>2</sub> − (<i>ρ</i>
        <sub>2</sub> − 1) ∈ [0, 1]
        <span className="caption-hint"> · solid: equilibrium, dashed: metastable branch</span>
        <MlpExport plot="overlaps" />
      </figcaption>
      {series.length > 0 && (
        <ul className="html-legend" aria-label="legend">
          {series.map((x) => (
            <li key={x.id}>
              <span className="swatch" style={{ background: x.colour }} />
              {x.label}
            </li>
          ))}
        </ul>
      )}
      <div ref={ref} className="plot-box">
        <svg width={width} height={HEIGHT} role="img" aria-label="Overlaps against sample ratio α">
          <defs>
            <clipPath id="ov-clip">
              <rect x={-2} y={-4} width={s.innerWidth + 4} height={s.innerHeight + 8} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes x={s.x} y={s.y} width={s.innerWidth} height={s.innerHeight} xLabel="sample ratio α = n / d²" yLabel="overlap" yTicks={5} />
            <g clipPath="url(#ov-clip)">
              {series.map((x) => (
                <g key={x.id} data-series={x.id}>
                  <path d={d(x.paths.universalOff)} className="branch dashed" stroke={x.colour} />
                  <path d={d(x.paths.specialisedOff)} className="branch dashed" stroke={x.colour} />
                  <path d={d(x.paths.otherOff)} className="branch dashed" stroke={x.colour} />
                  <path d={d(x.paths.equilibrium)} className="overlap-eq" stroke={x.colour} />
                </g>
              ))}
            </g>
            {[alphaOnset, alphaSp].map((a, i) =>
              a !== null && a <= alphaMax ? (
                <line key={i} x1={s.x(a)} x2={s.x(a)} y1={0} y2={s.innerHeight} stroke={COLOURS.transition} strokeDasharray="2 3" />
              ) : null,
            )}
            {alpha <= alphaMax && (
              <line x1={s.x(alpha)} x2={s.x(alpha)} y1={0} y2={s.innerHeight} stroke={COLOURS.selection} />
            )}
          </g>
        </svg>
      </div>
    </figure>
  );
});
