// ε_opt(α): equilibrium (bold), universal and specialised branches (dashed where metastable), α_sp, selected α,
// and the papers' published points when the parameters match.
import { memo, useMemo } from 'react';
import { useExplorer } from '../store';
import { branchPaths, interpolateEps, switchAlphas, type Polyline } from '../../../platform/plots/branches';
import { COLOURS } from '../../../platform/plots/palette';
import { legendBox, makeScales, pathOf, pixelsOf, yMaxOf, ysIn, type Frame } from '../../../platform/plots/scales';
import { matchReference } from '../reference';
import { Axes, Legend, legendHeight, type LegendItem } from '../../../platform/plots/Axes';
import { useWidth } from '../../../platform/plots/useWidth';
import { MlpExport } from './ExportTools';
import { SimPointsLayer } from '../../../platform/sim/views/SimPointsLayer';

const HEIGHT = 380;
const MARGIN = { top: 14, right: 18, bottom: 50, left: 66 };

export const EpsPlot = memo(function EpsPlot() {
  const curve = useExplorer((s) => s.curve);
  const previous = useExplorer((s) => s.previous);
  const alpha = useExplorer((s) => s.params.alpha);
  const alphaMax = useExplorer((s) => s.params.alphaMax);
  const point = useExplorer((s) => s.point);
  const reference = useExplorer((s) => s.reference);
  const computing = useExplorer((s) => s.computing);
  const [ref, width] = useWidth<HTMLDivElement>();

  const alphaSp = curve?.transition?.alphaSp ?? null;
  const alphaOnset = curve?.transition?.alphaOnset ?? null;
  const paths = useMemo(() => {
    if (!curve || curve.points.length === 0) return null;
    return branchPaths(curve.points, (b) => b.eps, switchAlphas(curve.points, [alphaOnset, alphaSp]));
  }, [curve, alphaSp, alphaOnset]);
  const ghost = useMemo<Polyline>(() => {
    if (!curve || curve.spansRange || !previous) return [];
    return previous.points.map((p) => [p.alpha, p.eps]);
  }, [curve, previous]);
  const curveParams = curve?.params;
  const match = useMemo(() => (curveParams ? matchReference(reference, curveParams) : null), [reference, curveParams]);

  const frame: Frame = { width, height: HEIGHT, margin: MARGIN };
  const lines: Polyline[] = paths
    ? [paths.equilibrium, paths.universalOn, paths.universalOff, paths.specialisedOn, paths.specialisedOff, paths.otherOff, ghost]
    : [ghost];
  const refYs: number[] = [];
  if (match) {
    for (const r of match.entry.universal) if (r.alpha <= alphaMax) refYs.push(r.eps);
    if (match.showHmc) for (const r of match.entry.hmc) if (r.alpha <= alphaMax) refYs.push(r.infoMean + r.infoStd, r.unfoMean + r.unfoStd);
  }
  const yTop = yMaxOf([...ysIn(lines, 0, alphaMax), ...refYs]);
  const s = makeScales(frame, [0, alphaMax], [0, yTop]);
  const d = (l: Polyline) => pathOf(l, s);

  let markerEps: number | null = null;
  if (curve) {
    markerEps =
      point && point.key === curve.key && point.alpha === alpha ? point.value.eps : interpolateEps(curve.points, alpha);
  }

  // Legend: only what is visible (the branches' equilibrium parts lie under the bold line).
  const legend: LegendItem[] = [{ label: 'ε_opt (equilibrium, largest f)', kind: 'bold', colour: COLOURS.equilibrium }];
  if (paths && paths.universalOff.length > 0) legend.push({ label: 'universal (Q ≡ 0), metastable', kind: 'dashed', colour: COLOURS.universal });
  if (paths && (paths.specialisedOff.length > 0 || paths.otherOff.length > 0)) legend.push({ label: 'specialised (Q ≠ 0), metastable', kind: 'dashed', colour: COLOURS.specialised });
  if (match) legend.push({ label: 'paper: universal branch', kind: 'thin', colour: COLOURS.paperUniversal });
  if (match?.showHmc) {
    legend.push({ label: 'HMC d=150, informative', kind: 'dot', colour: COLOURS.hmcInformative });
    legend.push({ label: 'HMC d=150, uninformative', kind: 'ring', colour: COLOURS.hmcUninformative });
  }

  const hmcPx: [number, number][] = [];
  if (match?.showHmc) for (const r of match.entry.hmc) hmcPx.push([s.x(r.alpha), s.y(r.infoMean)], [s.x(r.alpha), s.y(r.unfoMean)]);
  const complete = !!curve?.complete;
  // Transition markers: α_sp, and the onset of Q ≠ 0 where it comes earlier (continuous growth from Q = 0).
  const transitionMarks: { id: string; alpha: number; label: React.ReactNode }[] = [];
  if (alphaSp !== null && alphaSp <= alphaMax) {
    transitionMarks.push({ id: 'alpha-sp', alpha: alphaSp, label: <>α<tspan baselineShift="sub" fontSize="0.75em">sp</tspan> ≈ {alphaSp.toFixed(2)}</> });
  }
  if (alphaOnset !== null && alphaOnset <= alphaMax && (alphaSp === null || alphaSp - alphaOnset > 1e-3)) {
    transitionMarks.push({ id: 'alpha-onset', alpha: alphaOnset, label: <>Q ≠ 0 from α ≈ {alphaOnset.toFixed(2)}</> });
  }
  const marks: [number, number][] = [...hmcPx];
  const placed = transitionMarks.map((m, i) => {
    const x = s.x(m.alpha);
    const right = x > s.innerWidth - 130; // label on the left of the line near the right edge
    const y = 16 + 16 * i;
    for (let k = 0; k < 110; k += 6) marks.push([x + (right ? -k : k), y - 2]);
    return { ...m, x, y, right };
  });
  const box = legendBox([...pixelsOf(lines, s), ...marks], s.innerWidth, s.innerHeight, 212, legendHeight(legend.length));
  const spans = !!curve?.spansRange;

  return (
    <figure
      className="plot"
      data-testid="plot-eps"
      data-render-gen={spans ? curve!.gen : undefined}
      data-complete-gen={complete ? curve!.gen : undefined}
      data-complete={complete ? 'true' : 'false'}
      data-transition={curve?.transitionState ?? 'idle'}
      data-points={curve?.points.length ?? 0}
      data-reference={match ? match.entry.id : undefined}
    >
      <figcaption>
        Bayes-optimal test error <i>ε</i><sub>opt</sub>(<i>α</i>)
        {computing && <span className="busy"> · computing…</span>}
        <MlpExport plot="eps" />
      </figcaption>
      <div ref={ref} className="plot-box">
        <svg width={width} height={HEIGHT} role="img" aria-label="Bayes-optimal error against sample ratio α">
          <defs>
            <clipPath id="eps-clip">
              <rect width={s.innerWidth} height={s.innerHeight} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes
              x={s.x}
              y={s.y}
              width={s.innerWidth}
              height={s.innerHeight}
              xLabel={<>sample ratio α = n / d²</>}
              yLabel={<>test error ε</>}
            />
            <g clipPath="url(#eps-clip)">
              {ghost.length > 0 && <path className="ghost" d={d(ghost)} stroke={COLOURS.ghost} />}
              {match && (
                <path
                  data-series="paper-universal"
                  d={d(match.entry.universal.map((r) => [r.alpha, r.eps]))}
                  stroke={COLOURS.paperUniversal}
                  strokeWidth={1}
                  fill="none"
                />
              )}
              {paths && (
                <>
                  <path data-series="universal-off" d={d(paths.universalOff)} className="branch dashed" stroke={COLOURS.universal} />
                  <path data-series="specialised-off" d={d(paths.specialisedOff)} className="branch dashed" stroke={COLOURS.specialised} />
                  <path data-series="specialised-other" d={d(paths.otherOff)} className="branch dashed" stroke={COLOURS.specialised} />
                  <path data-series="universal-on" d={d(paths.universalOn)} className="branch" stroke={COLOURS.universal} />
                  <path data-series="specialised-on" d={d(paths.specialisedOn)} className="branch" stroke={COLOURS.specialised} />
                  <path data-series="equilibrium" d={d(paths.equilibrium)} className="equilibrium" stroke={COLOURS.equilibrium} />
                </>
              )}
              {match?.showHmc &&
                match.entry.hmc
                  .filter((r) => r.alpha <= alphaMax)
                  .map((r) => (
                    <g key={r.alpha} className="hmc">
                      <g transform={`translate(${s.x(r.alpha) - 2.5},0)`}>
                        <line y1={s.y(r.unfoMean - r.unfoStd)} y2={s.y(r.unfoMean + r.unfoStd)} stroke={COLOURS.hmcUninformative} />
                        <circle cy={s.y(r.unfoMean)} r={3.2} fill="white" stroke={COLOURS.hmcUninformative} strokeWidth={1.5} />
                      </g>
                      <g transform={`translate(${s.x(r.alpha) + 2.5},0)`}>
                        <line y1={s.y(r.infoMean - r.infoStd)} y2={s.y(r.infoMean + r.infoStd)} stroke={COLOURS.hmcInformative} />
                        <circle data-series="hmc-informative" cy={s.y(r.infoMean)} r={3.2} fill={COLOURS.hmcInformative} />
                      </g>
                    </g>
                  ))}
              <SimPointsLayer x={s.x} y={s.y} />
            </g>
            {placed.map((m) => (
              <g key={m.id} className="alpha-sp" data-testid={`marker-${m.id}`}>
                <line x1={m.x} x2={m.x} y1={0} y2={s.innerHeight} stroke={COLOURS.transition} strokeDasharray="2 3" />
                <text className="halo" x={m.x + (m.right ? -5 : 5)} y={m.y} textAnchor={m.right ? 'end' : 'start'}>
                  {m.label}
                </text>
              </g>
            ))}
            {alpha <= alphaMax && (
              <g className="selection" data-testid="marker-alpha">
                <line x1={s.x(alpha)} x2={s.x(alpha)} y1={0} y2={s.innerHeight} stroke={COLOURS.selection} />
                {markerEps !== null && Number.isFinite(markerEps) && (
                  <circle cx={s.x(alpha)} cy={s.y(markerEps)} r={4.5} fill="white" stroke={COLOURS.selection} strokeWidth={2} />
                )}
              </g>
            )}
            <Legend items={legend} x={box.x} y={box.y} width={box.width} />
          </g>
        </svg>
      </div>
    </figure>
  );
});
