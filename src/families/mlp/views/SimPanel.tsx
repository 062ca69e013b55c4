// The Simulation panel of the MLP family: finite-size HMC / ADAM / GAMP-RIE runs at the selected α with the
// theory's parameters, live plots, the backend and its measured speed, and a sweep over α × seeds whose finished
// runs appear as points on the ε(α) plot.
import { useEffect } from 'react';
import { ALGORITHMS, INITS, READOUT_MODES, type Algorithm, type Init, type ReadoutMode } from '../../../sim/simulation';
import { cancelSweep, listenToExplorerEvents, pause, play, reset, runSweep, setSpeed, step, warmUp } from '../simController';
import { useExplorer } from '../store';
import { useSim, type SimForm } from '../simStore';
import { SimErrorPlot, SimOverlapPlot } from '../../../platform/sim/views/SimTracePlots';
import { simColour, simLabel } from '../../../platform/sim/views/simColours';
import { BackendLine as BackendView, FinishedRunsLegend, SimIntField, SimRunButtons, SimSelect as Select } from '../../../platform/sim/views/SimWidgets';
import '../../../platform/sim/views/sim.css';

const SPEEDS: { value: number; label: string }[] = [
  { value: 2, label: '2 steps/s' },
  { value: 10, label: '10 steps/s' },
  { value: 0, label: 'max' },
];

function BackendLine() {
  const backend = useSim((s) => s.backend);
  const sps = useSim((s) => s.stepsPerSecond);
  const gps = useSim((s) => s.gradientsPerSecond);
  const algo = useSim((s) => s.live?.algo);
  return <BackendView backend={backend} stepsPerSecond={sps} gradientsPerSecond={gps} algo={algo} />;
}

function NumberField({ id, label, field, min, max }: { id: string; label: string; field: keyof SimForm; min: number; max: number }) {
  const value = useSim((s) => s.form[field]) as number;
  const setForm = useSim((s) => s.setForm);
  return <SimIntField id={id} label={label} value={value} min={min} max={max} onChange={(x) => setForm(field, x as never)} />;
}



function RunStatusLine() {
  const status = useSim((s) => s.status);
  const live = useSim((s) => s.live);
  const last = live?.last;
  const summary = live?.summary;
  return (
    <p className="sim-status" data-testid="sim-status" data-status={status}>
      <span className={`tag sim-tag-${status}`}>{status}</span>{' '}
      {live && (
        <>
          <span style={{ color: simColour(live.algo, live.init) }}>■</span> {simLabel(live.algo, live.init)}, step {last?.step ?? 0}
          {last && (
            <>
              {' '}
              · ε ≈ {last.eps.toPrecision(4)}
              {last.acceptance !== undefined && Number.isFinite(last.acceptance) ? ` · acceptance ${last.acceptance.toFixed(2)}` : ''}
              {last.stepSize !== undefined ? ` · step size ${last.stepSize.toPrecision(3)}` : ''}
              {last.divergences ? ` · ${last.divergences} divergent` : ''}
              {last.warmup ? ' · warm-up' : ''}
            </>
          )}
          {summary && ` · finished: ${summary.steps} steps in ${(summary.elapsedMs / 1000).toFixed(1)} s`}
        </>
      )}
    </p>
  );
}

export function SimPanel() {
  const form = useSim((s) => s.form);
  const status = useSim((s) => s.status);
  const message = useSim((s) => s.message);
  const sweep = useSim((s) => s.sweep);
  const finished = useSim((s) => s.finished.length);
  const setForm = useSim((s) => s.setForm);
  const clearFinished = useSim((s) => s.clearFinished);
  const alpha = useExplorer((s) => s.params.alpha);
  useEffect(() => listenToExplorerEvents(), []);
  const running = status === 'running' || status === 'starting';
  const busy = sweep.running;
  return (
    <section className="panel sim-panel" data-testid="sim-panel" aria-labelledby="sim-title">
      <h2 id="sim-title">Simulation at α = {alpha} (finite d, in your browser)</h2>
      <p className="hint">
        Teacher, data and student from one seeded generator with the theory&apos;s σ, γ, Δ, P_v and P_W. Informative HMC should follow ε_opt;
        uninformative HMC, ADAM and GAMP-RIE stay on the universal branch past α_sp. Small d escapes the universal branch sooner: the gap lasts
        for d ≳ 50 (the papers used d = 150–240).
      </p>
      <div className="sim-controls" onFocus={() => warmUp()}>
        <Select id="sim-algo" label="algorithm" value={form.algo} values={ALGORITHMS} onChange={(v: Algorithm) => setForm('algo', v)} disabled={running || busy} />
        <Select id="sim-init" label="start" value={form.init} values={INITS} onChange={(v: Init) => setForm('init', v)} disabled={running || busy || form.algo === 'gamp'} />
        <Select id="sim-readouts" label="readouts v" value={form.readouts} values={READOUT_MODES} onChange={(v: ReadoutMode) => setForm('readouts', v)} disabled={running || busy || form.algo === 'gamp'} />
        <NumberField id="sim-d" label="d" field="d" min={8} max={200} />
        <NumberField id="sim-seed" label="seed" field="seed" min={0} max={1e9} />
        <NumberField id="sim-steps" label="steps" field="steps" min={1} max={100000} />
        <label className="sim-field" htmlFor="sim-speed">
          speed
          <select id="sim-speed" data-testid="sim-speed" value={form.speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SimRunButtons
        prefix="sim"
        status={status}
        sweep={sweep}
        finished={finished}
        sweepAlphas={form.sweepAlphas}
        sweepSeeds={form.sweepSeeds}
        message={message}
        controls={{ play, pause, step, reset, runSweep, cancelSweep, clearFinished, setSweepAlphas: (t) => setForm('sweepAlphas', t), setSweepSeeds: (t) => setForm('sweepSeeds', t) }}
      />
      <FinishedRunsLegend gamp testId="sim-legend" />
      <RunStatusLine />
      <BackendLine />
      <div className="sim-plots">
        <SimErrorPlot />
        <SimOverlapPlot />
      </div>
    </section>
  );
}

