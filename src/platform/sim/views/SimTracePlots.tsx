// Live plots of the running simulation: test error against steps (Gibbs error/2 for HMC, with the running
// average over kept samples) next to the theory's ε_opt and ε_uni at this α; overlaps Q(v) and R2 against steps.
import { memo } from 'react';
import { COLOURS } from '../../plots/palette';
import { makeScales, pathOf, yMaxOf, type Frame } from '../../plots/scales';
import type { Polyline } from '../../plots/branches';
import { useExplorer } from '../../../families/mlp/store';
import { useSim } from '../../../families/mlp/simStore';
import { Axes } from '../../plots/Axes';
import { useWidth } from '../../plots/useWidth';
import { Q_COLOURS, simColour } from './simColours';

const HEIGHT = 230;
const MARGIN = { top: 10, right: 16, bottom: 46, left: 66 };

export const SimErrorPlot = memo(function SimErrorPlot() {
  const live = useSim((s) => s.live);
  const steps = useSim((s) => s.form.steps);
  const point = useExplorer((s) => s.point);
  const [ref, width] = useWidth<HTMLDivElement>();
  const frame: Frame = { width, height: HEIGHT, margin: MARGIN };
  const trace = live?.trace ?? [];
  const algo = live?.algo ?? 'hmc';
  const half = algo === 'gamp' ? 1 : 0.5; // Gibbs error/2 for samplers and ADAM (Nishimori), ε itself for GAMP
  const inst: Polyline = trace.map((r) => [r.step, r.testError * half]);
  const avg: Polyline = algo === 'hmc' ? trace.map((r) => [r.step, r.eps]) : [];
  const theory = point && live && Math.abs(point.alpha - live.alpha) < 1e-9 ? point.value : null;
  const xMax = Math.max(steps, trace.length ? trace[trace.length - 1].step : 1);
  const ys = inst.map((p) => p![1]).concat(theory ? [theory.eps, theory.epsUni] : []);
  const s = makeScales(frame, [0, xMax], [0, yMaxOf(ys)]);
  const colour = live ? simColour(live.algo, live.init) : COLOURS.equilibrium;
  return (
    <figure className="plot" data-testid="plot-sim-error" data-steps={trace.length}>
      <figcaption>
        {algo === 'gamp' ? 'GAMP-RIE test error ε' : 'Gibbs error / 2'} against {algo === 'hmc' ? 'HMC trajectories' : algo === 'adam' ? 'ADAM steps' : 'AMP iterations'}
        {live ? <> at α = {live.alpha}</> : null}
      </figcaption>
      <div ref={ref} className="plot-box">
        <svg width={width} height={HEIGHT} role="img" aria-label="simulation test error against steps">
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes x={s.x} y={s.y} width={s.innerWidth} height={s.innerHeight} xLabel={<>step</>} yLabel={<>test error</>} yTicks={5} />
            {theory && (
              <>
                <line data-series="theory-opt" x1={0} x2={s.innerWidth} y1={s.y(theory.eps)} y2={s.y(theory.eps)} stroke={COLOURS.equilibrium} strokeWidth={1.5} />
                <text className="halo sim-label" x={s.innerWidth - 4} y={s.y(theory.eps) - 4} textAnchor="end">ε_opt</text>
                <line data-series="theory-uni" x1={0} x2={s.innerWidth} y1={s.y(theory.epsUni)} y2={s.y(theory.epsUni)} stroke={COLOURS.universal} strokeDasharray="5 4" strokeWidth={1.5} />
                <text className="halo sim-label" x={s.innerWidth - 4} y={s.y(theory.epsUni) - 4} textAnchor="end">ε_uni</text>
              </>
            )}
            <path data-series="sim-error" d={pathOf(inst, s)} stroke={colour} strokeOpacity={algo === 'hmc' ? 0.45 : 1} strokeWidth={1.4} fill="none" />
            {avg.length > 0 && <path data-series="sim-error-avg" d={pathOf(avg, s)} stroke={colour} strokeWidth={2.2} fill="none" />}
          </g>
        </svg>
      </div>
      <p className="hint">
        {algo === 'hmc'
          ? 'Thin: Gibbs error/2 of each sample; bold: its average over the samples kept after warm-up (compare with ε_opt; Nishimori: Gibbs = 2ε).'
          : algo === 'adam'
            ? 'Test error/2 of the ADAM iterate (a point estimate close to a posterior sample).'
            : 'Test error of the GAMP-RIE estimate (it targets the universal branch ε_uni).'}
      </p>
    </figure>
  );
});

export const SimOverlapPlot = memo(function SimOverlapPlot() {
  const live = useSim((s) => s.live);
  const steps = useSim((s) => s.form.steps);
  const [ref, width] = useWidth<HTMLDivElement>();
  const frame: Frame = { width, height: HEIGHT, margin: MARGIN };
  const trace = live?.trace ?? [];
  const xMax = Math.max(steps, trace.length ? trace[trace.length - 1].step : 1);
  const r2: Polyline = trace.map((r) => [r.step, r.R2]);
  const qs: Polyline[] = (live?.qValues ?? []).map((_, j) => trace.map((r) => (r.Q ? [r.step, r.Q[j]] : null)));
  const ys = r2.map((p) => p![1]).concat(qs.flatMap((l) => l.filter((p) => p).map((p) => p![1])));
  const s = makeScales(frame, [0, xMax], [Math.min(0, ...ys.filter(Number.isFinite)), yMaxOf(ys, 1)]);
  return (
    <figure className="plot" data-testid="plot-sim-overlaps">
      <figcaption>Overlaps Q(v) per readout value and R2 against steps</figcaption>
      <ul className="html-legend">
        {(live?.qValues ?? []).map((v, j) => (
          <li key={j}>
            <span className="swatch" style={{ background: Q_COLOURS[j % Q_COLOURS.length] }} /> Q(v = {+v.toPrecision(3)})
          </li>
        ))}
        <li>
          <span className="swatch dashed" style={{ borderColor: COLOURS.equilibrium }} /> R2 = Tr(S2⁰S2)/d
        </li>
      </ul>
      <div ref={ref} className="plot-box">
        <svg width={width} height={HEIGHT} role="img" aria-label="overlaps against steps">
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes x={s.x} y={s.y} width={s.innerWidth} height={s.innerHeight} xLabel={<>step</>} yLabel={<>overlap</>} yTicks={5} />
            {qs.map((l, j) => (
              <path key={j} data-series={`sim-q-${j}`} d={pathOf(l, s)} stroke={Q_COLOURS[j % Q_COLOURS.length]} strokeWidth={1.6} fill="none" />
            ))}
            <path data-series="sim-r2" d={pathOf(r2, s)} stroke={COLOURS.equilibrium} strokeDasharray="5 3" strokeWidth={1.6} fill="none" />
          </g>
        </svg>
      </div>
    </figure>
  );
});
