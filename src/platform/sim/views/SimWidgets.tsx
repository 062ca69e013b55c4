// Pieces of the simulation panel (./SimPanelFrame.tsx): labelled fields, the backend line (backend, why, its
// measured matmul speed and the run's speed), the runs' status, the run buttons and legend swatches. They render
// props only (no store).
import type { BackendInfo } from '../protocol';
import type { LiveRun, RunStatus } from '../runSlice';
import { Marker } from '../../plots/Marker';
import { simColour, simLabel } from './simColours';

export const SIM_LABELS: Record<string, string> = {
  hmc: 'HMC',
  adam: 'ADAM',
  gamp: 'GAMP-RIE',
  informative: 'informative (W = W⁰)',
  uninformative: 'uninformative (random)',
  both: 'both, side by side',
  fixed: 'fixed to the teacher’s',
  learned: 'sampled / learned',
};

export function SimSelect<T extends string | number>({
  id,
  label,
  value,
  values,
  onChange,
  disabled,
  labels = SIM_LABELS,
}: {
  id: string;
  label: string;
  value: T;
  values: readonly T[];
  onChange: (v: T) => void;
  disabled?: boolean;
  labels?: Record<string, string>;
}) {
  return (
    <label className="sim-field" htmlFor={id}>
      {label}
      <select
        id={id}
        data-testid={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange((typeof value === 'number' ? Number(e.target.value) : e.target.value) as T)}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[String(v)] ?? v}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The Nishimori check's select (off / a second chain). */
export const NISHIMORI_LABELS: Record<string, string> = {
  off: 'off',
  on: 'on (a second chain, twice the cost)',
};

/** One select of a run form: `key` names the form field (string or number valued); `id` is also the test id. */
export type SimSelectSpec<F> = {
  [K in keyof F]: F[K] extends string | number
    ? {
        key: K;
        id: string;
        label: string;
        values: readonly F[K][];
        labels?: Record<string, string>;
        disabled?: boolean;
      }
    : never;
}[keyof F];

/** The form's selects, in order, each bound to its field; all disabled while `locked` (a run is live). */
export function SimFormSelects<F>({
  fields,
  form,
  setForm,
  locked,
}: {
  fields: readonly SimSelectSpec<F>[];
  form: F;
  setForm: <K extends keyof F>(key: K, value: F[K]) => void;
  locked: boolean;
}) {
  return (
    <>
      {fields.map((f) => (
        <SimSelect
          key={f.id}
          id={f.id}
          label={f.label}
          value={form[f.key] as string | number}
          values={f.values as readonly (string | number)[]}
          labels={f.labels}
          onChange={(v) => setForm(f.key, v as F[keyof F])}
          disabled={locked || f.disabled}
        />
      ))}
    </>
  );
}

export function BackendLine({
  backend,
  stepsPerSecond: sps,
  gradientsPerSecond: gps,
  algo,
  testId,
}: {
  backend: BackendInfo | null;
  stepsPerSecond: number;
  gradientsPerSecond: number | null;
  algo: string | undefined;
  testId: string;
}) {
  if (!backend)
    return (
      <p className="sim-backend" data-testid={testId}>
        Backend: not started yet (chosen by measurement on the first run).
      </p>
    );
  return (
    <p className="sim-backend" data-testid={testId} data-backend={backend.backend}>
      Backend: <b>{backend.backend}</b>
      {backend.backend === 'wasm'
        ? backend.threads
          ? ' (SIMD, threads)'
          : backend.crossOriginIsolated
            ? ' (SIMD, one thread)'
            : ' (SIMD, no threads: page not cross-origin isolated)'
        : ''}{' '}
      · {backend.reason} · matmul {backend.gflops.toFixed(1)} GFLOP/s
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

const SYMBOL = {
  '▲': ['triangle', false],
  '△': ['triangle', true],
  '■': ['square', false],
  '◆': ['diamond', false],
} as const;

/** A legend symbol drawn as SVG in the series colour, as on the plot (text stays in the body colour). */
export function Swatch({ colour, shape }: { colour: string; shape: keyof typeof SYMBOL }) {
  const [form, open] = SYMBOL[shape];
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" style={{ verticalAlign: 'baseline' }}>
      <Marker shape={form} cx={5} cy={5.3} r={3.4} colour={colour} open={open} />
    </svg>
  );
}

/** The key to the finished-run points on ε(α): one symbol per algorithm and start (GAMP-RIE only at L = 1). */
export function FinishedRunsLegend({ gamp, testId }: { gamp: boolean; testId: string }) {
  return (
    <p className="sim-legend" data-testid={testId}>
      Your finished runs on the ε(α) plot (mean ± s.d. over seeds; the papers&apos; points are circles):{' '}
      <Swatch colour={simColour('hmc', 'informative')} shape="▲" /> HMC informative,{' '}
      <Swatch colour={simColour('hmc', 'uninformative')} shape="△" /> HMC uninformative,{' '}
      <Swatch colour={simColour('adam', 'informative')} shape="■" /> ADAM informative (□ uninformative start)
      {gamp ? (
        <>
          , <Swatch colour={simColour('gamp', 'informative')} shape="◆" /> GAMP-RIE.
        </>
      ) : (
        '.'
      )}
    </p>
  );
}

export interface SimRunControls {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  runSweep(): Promise<void>;
  cancelSweep(): void;
  clearFinished(): void;
  setSweepAlphas(text: string): void;
  setSweepSeeds(text: string): void;
}

/** Play/pause, step, reset, the α × seeds sweep and "clear points", then the panel's message; test ids `<prefix>-…`. */
export function SimRunButtons({
  prefix,
  status,
  sweep,
  finished,
  sweepAlphas,
  sweepSeeds,
  message,
  controls: c,
}: {
  prefix: string;
  status: string;
  sweep: { running: boolean; done: number; total: number };
  finished: number;
  sweepAlphas: string;
  sweepSeeds: string;
  message: string | null;
  controls: SimRunControls;
}) {
  const running = status === 'running' || status === 'starting';
  const busy = sweep.running;
  return (
    <>
      <div className="sim-buttons">
        <button
          type="button"
          data-testid={`${prefix}-play`}
          onClick={() => (running ? c.pause() : c.play())}
          disabled={busy}
        >
          {running ? '❚❚ Pause' : status === 'paused' ? '▶ Resume' : '▶ Run'}
        </button>
        <button type="button" data-testid={`${prefix}-step`} onClick={() => c.step()} disabled={running || busy}>
          Step
        </button>
        <button type="button" data-testid={`${prefix}-reset`} onClick={() => c.reset()} disabled={busy}>
          Reset
        </button>
        <span className="sim-sep" />
        <label className="sim-field" htmlFor={`${prefix}-sweep-alphas`}>
          sweep α
          <input
            id={`${prefix}-sweep-alphas`}
            data-testid={`${prefix}-sweep-alphas`}
            value={sweepAlphas}
            onChange={(e) => c.setSweepAlphas(e.target.value)}
            size={12}
          />
        </label>
        <label className="sim-field" htmlFor={`${prefix}-sweep-seeds`}>
          seeds
          <input
            id={`${prefix}-sweep-seeds`}
            data-testid={`${prefix}-sweep-seeds`}
            value={sweepSeeds}
            onChange={(e) => c.setSweepSeeds(e.target.value)}
            size={6}
          />
        </label>
        {busy ? (
          <button type="button" data-testid={`${prefix}-sweep-cancel`} onClick={() => c.cancelSweep()}>
            Cancel sweep ({sweep.done}/{sweep.total})
          </button>
        ) : (
          <button type="button" data-testid={`${prefix}-sweep`} onClick={() => void c.runSweep()} disabled={running}>
            Run sweep
          </button>
        )}
        {finished > 0 && !busy && (
          <button type="button" data-testid={`${prefix}-clear-points`} onClick={() => c.clearFinished()}>
            Clear {finished} point{finished > 1 ? 's' : ''}
          </button>
        )}
      </div>
      {message && (
        <p className="sim-message" role="alert" data-testid={`${prefix}-message`}>
          {message}
        </p>
      )}
    </>
  );
}

/** An integer input that only accepts values in [min, max]. */
export function SimIntField({
  id,
  label,
  value,
  min,
  max,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (x: number) => void;
}) {
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
          if (Number.isInteger(x) && x >= min && x <= max) onChange(x);
        }}
      />
    </label>
  );
}

/** One line per run on screen (test id `<prefix>-run-<start>`, its step in `data-step`): step, ε and the sampler's state. */
function RunLine({ prefix, run }: { prefix: string; run: LiveRun<unknown> }) {
  const last = run.last;
  return (
    <li data-testid={`${prefix}-run-${run.init}`} data-step={last?.step ?? 0}>
      <span style={{ color: simColour(run.algo, run.init) }}>■</span> {simLabel(run.algo, run.init)}: step{' '}
      {last?.step ?? 0}
      {last && (
        <>
          {' '}
          · ε ≈ {last.eps.toPrecision(4)}
          {last.Q21 !== undefined
            ? ` · Q1 ${last.Q1?.toFixed(2)} · Q2 ${last.Q2?.toFixed(2)} · Q2:1 ${last.Q21.toFixed(2)}`
            : last.q
              ? ` · ${last.q.map((q, l) => `q${l + 1} ${q.toFixed(2)}`).join(' · ')}`
              : ''}
          {last.nishimori && Number.isFinite(last.nishimori.se)
            ? ` · N ${last.nishimori.value.toFixed(4)} ± ${last.nishimori.se.toFixed(4)}`
            : ''}
          {last.acceptance !== undefined && Number.isFinite(last.acceptance)
            ? ` · acceptance ${last.acceptance.toFixed(2)}`
            : ''}
          {last.stepSize !== undefined ? ` · step size ${last.stepSize.toPrecision(3)}` : ''}
          {last.divergences ? ` · ${last.divergences} divergent` : ''}
          {last.warmup ? ' · warm-up' : ''}
        </>
      )}
      {run.summary && ` · finished: ${run.summary.steps} steps in ${(run.summary.elapsedMs / 1000).toFixed(1)} s`}
    </li>
  );
}

/** The status tag (`data-status`) and a line per run on screen; test ids `<prefix>-status`, `<prefix>-run-<start>`. */
/** "sweep 3/15" while a sweep runs its third of fifteen runs. */
export const sweepLabel = (sweep: { done: number; total: number }) =>
  `sweep ${Math.min(sweep.done + 1, sweep.total)}/${sweep.total}`;

export function SimRunsStatus({
  prefix,
  status,
  runs,
  sweep,
}: {
  prefix: string;
  status: RunStatus;
  runs: LiveRun<unknown>[];
  sweep?: { running: boolean; done: number; total: number };
}) {
  return (
    <div className="sim-status" data-testid={`${prefix}-status`} data-status={status}>
      <span className={`tag sim-tag-${status}`} data-testid={`${prefix}-status-tag`}>
        {sweep?.running ? sweepLabel(sweep) : status}
      </span>
      {runs.length > 0 && (
        <ul className="sim-runs">
          {runs.map((r) => (
            <RunLine key={r.id} prefix={prefix} run={r} />
          ))}
        </ul>
      )}
    </div>
  );
}
