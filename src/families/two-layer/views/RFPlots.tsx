// E(α) at fixed β and E(β) at fixed α: random features (theory and simulation), kernel limit, linear floor,
// the p = n line where the ridgeless error diverges (double descent).
import { useMemo } from 'react';
import { formatValue } from '../../../platform/plots/scales';
import { rfSimKey, useTwoLayer } from '../store';
import { twoLayerController } from '../controller';
import { ALPHA_MAX, BETA_MAX, type Curve } from '../service';
import { COLOURS } from '../../../platform/plots/palette';
import type { XY } from '../../../platform/plots/branches';
import { LinePlot } from '../../../platform/plots/LinePlot';
import type { PlotCursor } from '../../../platform/state/cursor';
import { rule, type LineSeries } from '../../../platform/plots/lineGeometry';
import { RunActions } from './RunActions';

const pts = (c: Curve): XY[] => c.x.map((x, i) => [x, c.y[i]]);

/** The random-features theory curve, drawn in both panels. */
const rfTheory = (c: Curve): LineSeries => ({
  mark: 'line',
  id: 'rf',
  data: pts(c),
  colour: COLOURS.blue,
  label: 'random features (theory)',
});

/** y range from the finite values (the points inserted at p = n ± 1e−9 are left out: the divergence leaves the frame). */
function yRange(curves: Curve[], floor: number, log: boolean): [number, number] {
  let lo = floor > 0 ? floor : Infinity;
  let hi = 0;
  for (const c of curves)
    for (const v of c.y)
      if (Number.isFinite(v) && v < 1e6) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!Number.isFinite(lo) || hi <= 0) return log ? [0.01, 10] : [0, 2];
  if (log) return [Math.max(1e-4, lo * 0.8), Math.max(2 * lo, Math.min(hi * 1.5, 1e3))];
  return [0, Math.min(hi, 12 * Math.max(lo, 0.05)) * 1.08];
}

export function RFPlots() {
  const theory = useTwoLayer((s) => s.theory);
  const params = useTwoLayer((s) => s.params);
  const rfSim = useTwoLayer((s) => s.rfSim);
  const failed = useTwoLayer((s) => s.theoryError !== null);
  const log = params.lambda < 1e-3;
  // The cursors are the α and β of the link: a click or drag on a plot moves them, as on the MLP tab.
  const cursorOf = (field: 'alpha' | 'beta', symbol: string): PlotCursor => ({
    symbol,
    at: params[field],
    onChange: (v) => useTwoLayer.getState().patch({ [field]: Math.max(0.05, Number(v.toPrecision(2))) }),
  });
  const simPoints = rfSim.key === rfSimKey(params) ? rfSim.points : [];
  const alphaY = useMemo(
    () => (theory ? yRange([theory.alphaGrid, theory.krrAlpha], theory.floor, log) : ([0, 1] as [number, number])),
    [theory, log],
  );
  const betaY = useMemo(
    () => (theory ? yRange([theory.betaGrid], theory.floor, log) : ([0, 1] as [number, number])),
    [theory, log],
  );
  if (!theory) return <p className="hint">{failed ? 'no result: see the message above' : 'computing…'}</p>;
  const E = theory.point;
  // Props shared by E(α) and E(β); log scale at small λ, where the ridgeless peak diverges.
  const errorPlot = { className: 'tl-plot', yLabel: 'test error E', yLog: log, legend: 'below' } as const;
  const floorRule = rule('floor', 'y', theory.floor, COLOURS.red, { text: 'linear floor', dash: 'dashed' });
  const peakRule = (at: number) => rule('peak', 'x', at, COLOURS.grey, { text: 'p = n', dash: 'dashed' });
  const simAlphas = Array.from({ length: 12 }, (_, i) => Number((0.25 + (i * (6 - 0.25)) / 11).toFixed(3))).filter(
    (a) => Math.abs(a - params.beta) > 0.02,
  );
  const runLabel = rfSim.running
    ? `simulating… (${simPoints.length}/${simAlphas.length})`
    : `Simulate ridge on random features (d = ${params.d}, 5 seeds, 12 values of α)`;
  return (
    <section className="tl-section" aria-label="random features and kernels">
      <h2>Random features and kernels: double descent and the linear floor</h2>
      <p
        className="tl-readout"
        data-testid="rf-readout"
        data-test-error={E.diverges ? 'inf' : String(E.testError)}
        data-diverges={String(E.diverges)}
      >
        E(α = {formatValue(theory.params.alpha, 4)}, β = {formatValue(theory.params.beta, 4)}) ={' '}
        <strong>{E.diverges ? '∞ (p = n, λ → 0⁺)' : formatValue(E.testError, 5)}</strong> · kernel (β → ∞){' '}
        {formatValue(theory.krrAtAlpha, 5)} · linear floor g*² + σ_ε² = {formatValue(theory.floor, 5)}
      </p>
      <div className="tl-row">
        <LinePlot
          testId="plot-rf-alpha"
          hover
          cursor={cursorOf('alpha', 'α')}
          {...errorPlot}
          caption={`Test error E(α) at β = ${formatValue(params.beta, 3)}${log ? ' (log scale: it diverges at p = n)' : ''}`}
          xLabel="α = n/d"
          xDomain={[0, ALPHA_MAX]}
          yDomain={alphaY}
          series={[
            floorRule,
            peakRule(params.beta),
            rule('alpha', 'x', params.alpha, COLOURS.equilibrium, { text: 'α' }),
            rfTheory(theory.alphaGrid),
            {
              mark: 'line',
              id: 'krr',
              data: pts(theory.krrAlpha),
              colour: COLOURS.violet,
              dashed: true,
              label: 'kernel limit β → ∞',
            },
            {
              mark: 'points',
              id: 'sim',
              className: 'tl-point',
              data: simPoints.map((p) => ({ x: p.alpha, y: p.mean, err: p.se })),
              colour: COLOURS.amber,
              label: `simulation d = ${params.d} (mean ± SE)`,
            },
          ]}
          attrs={{ 'data-sim-points': String(simPoints.length) }}
          busy={rfSim.running && { done: simPoints.length, total: simAlphas.length, unit: 'α simulated' }}
        />
        <LinePlot
          testId="plot-rf-beta"
          hover
          cursor={cursorOf('beta', 'β')}
          {...errorPlot}
          caption={`Test error E(β) at α = ${formatValue(params.alpha, 3)}`}
          xLabel="β = p/d"
          xDomain={[0, BETA_MAX]}
          yDomain={betaY}
          series={[
            rule('kernel', 'y', theory.krrAtAlpha, COLOURS.violet, { text: 'kernel', dash: 'dashed' }),
            floorRule,
            peakRule(params.alpha),
            rule('beta', 'x', params.beta, COLOURS.equilibrium, { text: 'β' }),
            rfTheory(theory.betaGrid),
          ]}
        />
      </div>
      <RunActions
        cancelId="cancel-rf"
        actions={[
          { id: 'run-rf', sim: rfSim, run: () => void twoLayerController()?.runRF(simAlphas, 5), label: runLabel },
        ]}
      />
    </section>
  );
}
