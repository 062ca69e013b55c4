// The Simulation panel of the MLP family: finite-size HMC / ADAM / GAMP-RIE runs at the selected α with the
// theory's parameters, live plots, the backend and its measured speed, and a sweep over α × seeds whose finished
// runs appear as points on the ε(α) plot.
import { useEffect } from 'react';
import { ALGORITHMS, INITS, READOUT_MODES, type Algorithm, type Init, type ReadoutMode } from '../../sim/simulation';
import { cancelSweep, listenToExplorerEvents, pause, play, reset, runSweep, setSpeed, step, warmUp } from '../../state/simController';
import { useExplorer } from '../../state/store';
import { useSim, type SimForm } from '../../state/simStore';
import { SimErrorPlot, SimOverlapPlot } from './SimTracePlots';
import { simColour, simLabel } from './simColours';
import './sim.css';

const SPEEDS: { value: number; label: string }[] = [
  { value: 2, label: '2 steps/s' },
  { value: 10, label: '10 steps/s' },
  { value: 0, label: 'max' },
];

const LABELS: Record<string, string> = { hmc: 'HMC', adam: 'ADAM', gamp: 'GAMP-RIE', informative: 'informative (W = W⁰)', uninformative: 'uninformative (random)', fixed: 'fixed to the teacher’s', learned: 'sampled / learned' };

function NumberField({ id, label, field, min, max }: { id: string; label: string; field: keyof SimForm; min: number; max: number }) {
  const value = useSim((s) => s.form[field]) as number;
  const setForm = useSim((s) => s.setForm);
  return (
    <label className="sim-field" htmlFor={id}>
      {label}
      <input
        id={id}
        data-testid={id}
        type="number"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(e) => {
          const x = Number(e.target.value);
          if (Number.isInteger(x) && x >= min && x <= max) setForm(field, x as never);
        }}
      />
    </label>
  );
}

function Select<T extends string>({ id, label, value, values, onChange, disabled }: { id: string; label: string; value: T; values: readonly T[]; onChange: (v: T) => void; disabled?: boolean }) {
  return (
    <label className="sim-field" htmlFor={id}>
      {label}
      <select id={id} data-testid={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {LABELS[v] ?? v}
          </option>
        ))}
      </select>
    </label>
  );
}

function BackendLine() {
  const backend = useSim((s) => s.backend);
  const sps = useSim((s) => s.stepsPerSecond);
  const gps = useSim((s) => s.gradientsPerSecond);
  const algo = useSim((s) => s.live?.algo);
  if (!backend) return <p className="sim-backend" data-testid="sim-backend">Backend: not started yet (chosen by measurement on the first run).</p>;
  return (
    <p className="sim-backend" data-testid="sim-backend" data-backend={backend.backend}>
      Backend: <b>{backend.backend}</b>
      {backend.backend === 'wasm' ? (backend.threads ? ' (SIMD, threads)' : backend.crossOriginIsolated ? ' (SIMD, one thread)' : ' (SIMD, no threads: page not cross-origin isolated)') : ''} · {backend.reason} · matmul{' '}
      {backend.gflops.toFixed(1)} GFLOP/s
      {Object.keys(backend.measured).length > 1 &&
        ` (measured: ${Object.entries(backend.measured)
          .map(([b, g]) => `${b} ${g!.toFixed(1)}`)
          .join(', ')})`}
      {sps > 0 && (
        <>
          {' '}
          · {sps.toFixed(1)} {algo === 'hmc' ? 'trajectories' : algo === 'adam' ? 'steps' : 'iterations'}/s
          {gps !== null && algo === 'hmc' ? ` (${gps.toFixed(0)} leapfrog steps/s)` : ''}
        </>
      )}
      . Force one with <code>?backend=webgl|wasm|cpu</code>.
    </p>
  );
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
      <div className="sim-buttons">
        <button type="button" data-testid="sim-play" onClick={() => (running ? pause() : play())} disabled={busy}>
          {running ? '❚❚ Pause' : status === 'paused' ? '▶ Resume' : '▶ Run'}
        </button>
        <button type="button" data-testid="sim-step" onClick={() => step()} disabled={running || busy}>
          Step
        </button>
        <button type="button" data-testid="sim-reset" onClick={() => reset()} disabled={busy}>
          Reset
        </button>
        <span className="sim-sep" />
        <label className="sim-field" htmlFor="sim-sweep-alphas">
          sweep α
          <input id="sim-sweep-alphas" data-testid="sim-sweep-alphas" value={form.sweepAlphas} onChange={(e) => setForm('sweepAlphas', e.target.value)} size={12} />
        </label>
        <label className="sim-field" htmlFor="sim-sweep-seeds">
          seeds
          <input id="sim-sweep-seeds" data-testid="sim-sweep-seeds" value={form.sweepSeeds} onChange={(e) => setForm('sweepSeeds', e.target.value)} size={6} />
        </label>
        {busy ? (
          <button type="button" data-testid="sim-sweep-cancel" onClick={() => cancelSweep()}>
            Cancel sweep ({sweep.done}/{sweep.total})
          </button>
        ) : (
          <button type="button" data-testid="sim-sweep" onClick={() => void runSweep()} disabled={running}>
            Run sweep
          </button>
        )}
        {finished > 0 && !busy && (
          <button type="button" data-testid="sim-clear-points" onClick={() => clearFinished()}>
            Clear {finished} point{finished > 1 ? 's' : ''}
          </button>
        )}
      </div>
      {message && (
        <p className="sim-message" role="alert" data-testid="sim-message">
          {message}
        </p>
      )}
      <p className="sim-legend" data-testid="sim-legend">
        Finished runs on the ε(α) plot (mean ± s.d. over seeds):{' '}
        <Swatch colour={simColour('hmc', 'informative')} shape="●" /> HMC informative,{' '}
        <Swatch colour={simColour('hmc', 'uninformative')} shape="○" /> HMC uninformative,{' '}
        <Swatch colour={simColour('adam', 'uninformative')} shape="■" /> ADAM (□ informative start),{' '}
        <Swatch colour={simColour('gamp', 'informative')} shape="◆" /> GAMP-RIE.
      </p>
      <RunStatusLine />
      <BackendLine />
      <div className="sim-plots">
        <SimErrorPlot />
        <SimOverlapPlot />
      </div>
    </section>
  );
}

/** A legend symbol drawn as SVG in the series colour (text stays in the body colour, readable in both themes). */
function Swatch({ colour, shape }: { colour: string; shape: '●' | '○' | '■' | '◆' }) {
  const common = { fill: shape === '○' ? 'none' : colour, stroke: colour, strokeWidth: 1.5 };
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" style={{ verticalAlign: 'baseline' }}>
      {shape === '■' ? <rect x="1" y="1" width="8" height="8" {...common} /> : shape === '◆' ? <path d="M5 0.5 9.5 5 5 9.5 0.5 5Z" {...common} /> : <circle cx="5" cy="5" r="4" {...common} />}
    </svg>
  );
}
