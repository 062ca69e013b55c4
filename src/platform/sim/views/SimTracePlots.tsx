// Live plots of the running simulation: test error against steps (Gibbs error/2 for HMC, with the running
// average over kept samples) next to the theory's ε_opt and ε_uni at this α; overlaps Q(v) and R2 against steps.
import { memo } from 'react';
import { COLOURS } from '../../plots/palette';
import { yMaxOf } from '../../plots/scales';
import type { Polyline } from '../../plots/branches';
import { LinePlot, type Series } from '../../plots/LinePlot';
import { useExplorer } from '../../../families/mlp/store';
import { useSim } from '../../../families/mlp/simStore';
import { Q_COLOURS, simColour } from './simColours';

const HEIGHT = 230;

export const SimErrorPlot = memo(function SimErrorPlot() {
  const live = useSim((s) => s.live);
  const steps = useSim((s) => s.form.steps);
  const point = useExplorer((s) => s.point);
  const trace = live?.trace ?? [];
  const algo = live?.algo ?? 'hmc';
  const half = algo === 'gamp' ? 1 : 0.5; // Gibbs error/2 for samplers and ADAM (Nishimori), ε itself for GAMP
  const theory = point && live && Math.abs(point.alpha - live.alpha) < 1e-9 ? point.value : null;
  const xMax = Math.max(steps, trace.length ? trace[trace.length - 1].step : 1);
  const colour = live ? simColour(live.algo, live.init) : COLOURS.equilibrium;
  const series: Series[] = [];
  if (theory) {
    series.push({
      mark: 'rule',
      id: 'theory-opt',
      axis: 'y',
      at: theory.eps,
      colour: COLOURS.equilibrium,
      text: 'ε_opt',
    });
    series.push({
      mark: 'rule',
      id: 'theory-uni',
      axis: 'y',
      at: theory.epsUni,
      colour: COLOURS.universal,
      dash: 'dashed',
      text: 'ε_uni',
    });
  }
  series.push({
    mark: 'line',
    id: 'sim-error',
    colour,
    weight: algo === 'hmc' ? 'thin' : 'regular',
    opacity: algo === 'hmc' ? 0.45 : 1,
    data: trace.map((r) => [r.step, r.testError * half]),
  });
  if (algo === 'hmc')
    series.push({ mark: 'line', id: 'sim-error-avg', colour, weight: 'bold', data: trace.map((r) => [r.step, r.eps]) });
  return (
    <LinePlot
      testId="plot-sim-error"
      caption={
        <>
          {algo === 'gamp' ? 'GAMP-RIE test error ε' : 'Gibbs error / 2'} against{' '}
          {algo === 'hmc' ? 'HMC trajectories' : algo === 'adam' ? 'ADAM steps' : 'AMP iterations'}
          {live ? <> at α = {live.alpha}</> : null}
        </>
      }
      ariaLabel="simulation test error against steps"
      xLabel={<>step</>}
      yLabel={<>test error</>}
      series={series}
      xDomain={[0, xMax]}
      height={HEIGHT}
      legend="none"
      attrs={{ 'data-steps': trace.length }}
    >
      <p className="hint">
        {algo === 'hmc'
          ? 'Thin: Gibbs error/2 of each sample; bold: its average over the samples kept after warm-up (compare with ε_opt; Nishimori: Gibbs = 2ε).'
          : algo === 'adam'
            ? 'Test error/2 of the ADAM iterate (a point estimate close to a posterior sample).'
            : 'Test error of the GAMP-RIE estimate (it targets the universal branch ε_uni).'}
      </p>
    </LinePlot>
  );
});

export const SimOverlapPlot = memo(function SimOverlapPlot() {
  const live = useSim((s) => s.live);
  const steps = useSim((s) => s.form.steps);
  const trace = live?.trace ?? [];
  const xMax = Math.max(steps, trace.length ? trace[trace.length - 1].step : 1);
  const r2: Polyline = trace.map((r) => [r.step, r.R2]);
  const qs: Polyline[] = (live?.qValues ?? []).map((_, j) => trace.map((r) => (r.Q ? [r.step, r.Q[j]] : null)));
  const ys = [...r2, ...qs.flat()].flatMap((p) => (p ? [p[1]] : []));
  const series: Series[] = (live?.qValues ?? []).map((v, j) => ({
    mark: 'line',
    id: `sim-q-${j}`,
    label: `Q(v = ${+v.toPrecision(3)})`,
    colour: Q_COLOURS[j % Q_COLOURS.length],
    data: qs[j],
  }));
  series.push({
    mark: 'line',
    id: 'sim-r2',
    label: 'R2 = Tr(S2⁰S2)/d',
    colour: COLOURS.equilibrium,
    dashed: true,
    data: r2,
  });
  return (
    <LinePlot
      testId="plot-sim-overlaps"
      caption="Overlaps Q(v) per readout value and R2 against steps"
      ariaLabel="overlaps against steps"
      xLabel={<>step</>}
      yLabel={<>overlap</>}
      series={series}
      xDomain={[0, xMax]}
      yDomain={[Math.min(0, ...ys.filter(Number.isFinite)), yMaxOf(ys, 1)]}
      height={HEIGHT}
      legend="above"
    />
  );
});
