// The finite-N simulation of the Saad–Solla tab: the "simulate at N" control with the plateau lengths' spread, and
// the simulated ε_g and overlaps (open circles) drawn over the ODE curves.
import { quartiles } from '../../../physics/classic/saadSollaSim';
import { fmt, Select } from '../../../platform/ui/fields';
import type { Series } from '../../../platform/plots/LinePlot';
import { COLOURS, SERIES_HUES } from '../../../platform/plots/palette';
import { useSaadSolla, type SimulationView } from '../store';
import { SIM_SEEDS, SIM_SIZES } from '../params';

const options = (xs: readonly number[]) => xs.map((v) => [String(v), String(v)] as const);

/** Median and quartiles of the finished runs' plateau lengths, or null before any run escaped. */
export function plateauSpread(sim: SimulationView | null) {
  const escaped = (sim?.lengths ?? []).filter((l): l is number => l !== null);
  return escaped.length ? { ...quartiles(escaped), escaped: escaped.length } : null;
}

/** Open-circle series of the simulated ε_g and overlaps (R_in in the ODE's hues, Q_ik grey), one legend entry each. */
export function simulationSeries(
  sim: SimulationView | null,
  K: number,
  M: number,
): { eps: Series[]; overlaps: Series[] } {
  if (!sim) return { eps: [], overlaps: [] };
  const label = `simulation, N = ${sim.N}`;
  const eps: Series[] = [];
  const overlaps: Series[] = [];
  sim.runs.forEach((run, r) => {
    const pts = (run ?? []).filter((p) => p.alpha > 0);
    const first = r === 0;
    eps.push({
      mark: 'points',
      ring: true,
      id: `sim-eps-${r}`,
      testId: first ? 'sim-eps' : undefined,
      data: pts.map((p) => ({ x: p.alpha, y: p.eps })),
      colour: COLOURS.specialised,
      label: first ? label : undefined,
    });
    for (let i = 0; i < K; i++)
      for (let n = 0; n < M; n++)
        overlaps.push({
          mark: 'points',
          ring: true,
          id: `sim-R${i}${n}-${r}`,
          data: pts.map((p) => ({ x: p.alpha, y: p.R[i * M + n] })),
          colour: SERIES_HUES[(i * M + n) % SERIES_HUES.length],
          label: first && i === 0 && n === 0 ? `${label} (R_in, Q_ik)` : undefined,
        });
    for (let i = 0; i < K; i++)
      for (let k = i + 1; k < K; k++)
        overlaps.push({
          mark: 'points',
          ring: true,
          id: `sim-Q${i}${k}-${r}`,
          data: pts.map((p) => ({ x: p.alpha, y: p.Q[i * K + k] })),
          colour: COLOURS.grey,
        });
  });
  const spread = plateauSpread(sim);
  if (spread && spread.q3 > spread.q1)
    eps.push({
      mark: 'span',
      id: 'sim-plateau-spread',
      x0: spread.q1,
      x1: spread.q3,
      colour: COLOURS.specialised,
      text: 'escape, quartiles of the runs',
    });
  return { eps, overlaps };
}

export function SimulationPanel() {
  const sim = useSaadSolla((s) => s.simulation);
  const request = useSaadSolla((s) => s.requestSimulation);
  const { N, seeds } = useSaadSolla((s) => s.simForm);
  const setSimForm = useSaadSolla((s) => s.setSimForm);
  const spread = plateauSpread(sim);
  const done = sim ? sim.lengths.length : 0;
  return (
    <div
      className="classic-simulation"
      data-testid="ss-simulation"
      data-complete={sim && !sim.running ? 'true' : 'false'}
    >
      <h3>Simulate at finite N</h3>
      <Select
        id="control-ss-sim-n"
        label="N"
        value={String(N)}
        onChange={(v) => setSimForm({ N: Number(v) })}
        options={options(SIM_SIZES)}
      />
      <Select
        id="control-ss-sim-seeds"
        label="runs (seeds)"
        value={String(seeds)}
        onChange={(v) => setSimForm({ seeds: Number(v) })}
        options={options(SIM_SEEDS)}
      />
      <div className="classic-presets">
        <button type="button" data-testid="ss-simulate" onClick={() => request(N, seeds)}>
          simulate at N = {N}
        </button>
      </div>
      {sim && (
        <dl className="classic-readout">
          <dt>runs finished</dt>
          <dd data-testid="readout-sim-runs">
            {done} / {sim.seeds}
            {sim.running ? ' (running…)' : ''}
          </dd>
          <dt>plateau length per run (ε &lt; ½ plateau)</dt>
          <dd data-testid="readout-sim-lengths">
            {sim.lengths.map((l) => (l === null ? 'no escape' : fmt(l))).join(', ') || '…'}
          </dd>
          <dt>median [quartiles]</dt>
          <dd data-testid="readout-sim-spread">
            {spread ? `${fmt(spread.median)} [${fmt(spread.q1)}, ${fmt(spread.q3)}]` : '…'}
          </dd>
        </dl>
      )}
      {sim?.error && <p className="classic-note">{sim.error}</p>}
      <p className="classic-note">
        Online SGD in float64 with one fresh sample a step, started from the ODE’s initial overlaps; Q and R measured
        from the weights. Fluctuations are O(1/√N): from a nearly symmetric start (asymmetry ≲ 1/√N) they, not the
        initial asymmetry, decide when the plateau ends, so its length spreads over runs and grows like ln N (Biehl,
        Riegler & Wöhler 1996).
      </p>
    </div>
  );
}
