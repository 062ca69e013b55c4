// The finite-N Langevin panel (p = 3): one simulated sample, the overlap m(t) from a random start, beside the
// state-evolution fixed points at the same (Δ2, Δp) (Bayes-optimal m and AMP's). Run on request (seconds).
import { useCallback, useMemo } from 'react';
import { branches } from '../../../physics/classic/matrixTensor';
import { pageBase } from '../../../platform/plots/export';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { rule } from '../../../platform/plots/lineGeometry';
import { COLOURS } from '../../../platform/plots/palette';
import { numberRow, sliderOf } from '../../../platform/state/hashCodec';
import { Select, Slider } from '../../../platform/ui/fields';
import { MATRIX_TENSOR_TABLE, matrixTensorCodec } from '../params';
import { useMatrixTensor } from '../store';
import { choiceOptions } from './choices';

export function LangevinPanel() {
  const params = useMatrixTensor((s) => s.params);
  const sim = useMatrixTensor((s) => s.simulation);
  const patch = useMatrixTensor((s) => s.patch);
  const request = useMatrixTensor((s) => s.requestSimulation);
  const u = sliderOf(numberRow(MATRIX_TENSOR_TABLE, 'simInvDelta2'));
  const theory = useMemo(
    () => branches({ p: 3, delta2: 1 / params.simInvDelta2, deltaP: params.deltaP }),
    [params.simInvDelta2, params.deltaP],
  );
  const tableOf = useCallback(() => {
    const s = useMatrixTensor.getState().simulation;
    return s ? { columns: ['t', 'm'], rows: s.points.map((p) => [p.t, p.m]) } : null;
  }, []);
  const context = useCallback(() => {
    const p = useMatrixTensor.getState().params;
    return {
      model: 'matrix-tensor',
      params: {
        p: 3,
        'delta-p': p.deltaP,
        simulate: true,
        'sim-n': p.simN,
        'sim-inv-delta2': p.simInvDelta2,
        'sim-t': p.simT,
        'sim-temperature': p.simTemperature,
        seed: p.seed,
      },
      url: pageBase() + matrixTensorCodec.encode(p),
    };
  }, []);
  const kind = params.simTemperature === 0 ? 'gradient flow (T = 0)' : 'Langevin at T = 1';
  const series: Series[] = [
    rule('theory-bayes', 'y', theory[theory.equilibrium].m, COLOURS.equilibrium, {
      dash: 'dashed',
      text: `Bayes-optimal m = ${theory[theory.equilibrium].m.toFixed(3)} (theory, N → ∞)`,
    }),
    // AMP's m only where it differs from the Bayes-optimal m (the hard phase).
    ...(Math.abs(theory.amp.m - theory[theory.equilibrium].m) > 1e-6
      ? [
          rule('theory-amp', 'y', theory.amp.m, COLOURS.blue, {
            dash: 'dotted',
            text: `AMP m = ${theory.amp.m.toFixed(3)}`,
          }),
        ]
      : []),
    {
      mark: 'line',
      id: 'sim-large-n',
      data: sim?.largeN ?? [],
      colour: COLOURS.blue,
      label: `N → ∞ (CHSCK equations), m(0) = 1/√N`,
    },
    {
      mark: 'line',
      id: 'sim-m',
      data: sim ? sim.points.map((p) => [p.t, p.m] as [number, number]) : [],
      colour: COLOURS.violet,
      weight: 'bold',
      label: `simulation, N = ${sim?.req.N ?? params.simN}, one sample`,
    },
  ];
  return (
    <section className="panel" data-testid="panel-mt-langevin">
      <h2>
        Simulation: {kind}, N = {params.simN}
      </h2>
      {params.p !== 3 ? (
        <p className="classic-note">The simulation is written for p = 3 (the tensor of order p has N^p/p! entries).</p>
      ) : (
        <>
          <Slider
            id="control-mt-sim-inv-delta2"
            label="1/Δ2 of the simulation"
            value={params.simInvDelta2}
            min={u.min}
            max={u.max}
            step={u.step}
            onChange={(v) => patch({ simInvDelta2: v })}
          />
          <Select
            id="control-mt-sim-n"
            label="N"
            value={String(params.simN)}
            onChange={(v) => patch({ simN: Number(v) })}
            options={choiceOptions('simN', params.simN)}
          />
          <Select
            id="control-mt-sim-t"
            label="final time"
            value={String(params.simT)}
            onChange={(v) => patch({ simT: Number(v) })}
            options={choiceOptions('simT', params.simT)}
          />
          <Select
            id="control-mt-sim-temperature"
            label="dynamics"
            value={String(params.simTemperature)}
            onChange={(v) => patch({ simTemperature: Number(v) })}
            options={
              [
                ['1', 'Langevin, T = 1 (Bayes)'],
                ['0', 'gradient flow, T = 0'],
              ] as const
            }
          />
          <button type="button" data-testid="mt-simulate" onClick={request} disabled={sim?.running}>
            {sim?.running ? 'simulating…' : 'run simulation'}
          </button>
          {sim?.error && (
            <p className="classic-note" role="alert" data-testid="mt-sim-error">
              {sim.error}
            </p>
          )}
          <LinePlot
            testId="plot-mt-langevin"
            caption={`overlap m(t), simulation N = ${params.simN}, 1/Δ2 = ${params.simInvDelta2}, Δp = ${params.deltaP}`}
            xLabel="time t"
            yLabel="overlap m"
            xDomain={[0, params.simT]}
            yDomain={[-0.5, 1]}
            series={series}
            busy={sim?.running}
            legend="below"
            height={260}
            attrs={{ 'data-points': sim?.points.length ?? 0 }}
            exportAs={{ plot: 'mt-langevin', title: 'simulation plot', context, table: tableOf, fileKeys: ['seed'] }}
          />
          <p className="classic-note">
            One sample (x*, Y, T) at size N, Euler–Maruyama with dt = 0.02 on the sphere |x|² = N from a random start
            (|m(0)| ~ 1/√N). At T = 1 the stationary law is the posterior, so a run that equilibrates fluctuates around
            the Bayes-optimal m; in the region that is hard for Langevin (below 1/Δ2_L in the diagram) it stays near m ≈
            0 for long times (arXiv 1812.09066). Finite N shifts the thresholds (the escape time grows with N).
          </p>
        </>
      )}
    </section>
  );
}
