// The deep tab's simulation panel: finite-d runs of the two-hidden-layer teacher–student network at the
// selected α with the tab's σ1, σ2, γ1, γ2, Δ, P_v, P_W; HMC or ADAM from the informative start, the
// uninformative one, or both side by side; live error and overlap plots; a sweep over α × seeds whose finished
// runs appear as points on the ε(α) plot above.
import { memo } from 'react';
import { cancelSweep, pause, play, reset, runSweep, setSpeed, step, warmUp } from '../simController';
import { DEEP_SIM_ALGOS, DEEP_SIM_DS, DEEP_SIM_STARTS, useDeepSim, type DeepLiveRun } from '../simStore';
import { useDeep } from '../store';
import { simColour, simLabel } from '../../../platform/sim/views/simColours';
import { BackendLine, FinishedRunsLegend, SimIntField, SimRunButtons, SimSelect } from '../../../platform/sim/views/SimWidgets';
import { DeepSimErrorPlot, DeepSimOverlapPlot } from './DeepSimPlots';
import '../../../platform/sim/views/sim.css';
import './deepSim.css';

const SPEEDS = [2, 10, 0] as const;
const SPEED_LABELS: Record<string, string> = { 2: '2 steps/s', 10: '10 steps/s', 0: 'max' };
const D_LABELS: Record<string, string> = Object.fromEntries(DEEP_SIM_DS.map((d) => [d, `${d} (k1 = γ1 d)`]));

function RunLine({ run }: { run: DeepLiveRun }) {
  const last = run.last;
  return (
    <li data-testid={`deep-sim-run-${run.init}`} data-step={last?.step ?? 0}>
      <span style={{ color: simColour(run.algo, run.init) }}>■</span> {simLabel(run.algo, run.init)}: step {last?.step ?? 0}
      {last && (
        <>
          {' '}
          · ε ≈ {last.eps.toPrecision(4)} · Q1 {last.Q1?.toFixed(2)} · Q2 {last.Q2?.toFixed(2)} · Q2:1 {last.Q21?.toFixed(2)}
          {last.acceptance !== undefined && Number.isFinite(last.acceptance) ? ` · acceptance ${last.acceptance.toFixed(2)}` : ''}
          {last.divergences ? ` · ${last.divergences} divergent` : ''}
          {last.warmup ? ' · warm-up' : ''}
        </>
      )}
      {run.summary && ` · finished in ${(run.summary.elapsedMs / 1000).toFixed(1)} s`}
    </li>
  );
}

/** Says when the tab's parameters have no L = 2 theory curve (the runs still go, without reference lines). */
const TheoryNote = memo(function TheoryNote() {
  const error = useDeep((s) => s.computeError);
  const quenched = useDeep((s) => s.params.quenched);
  if (error)
    return (
      <p className="hint warn" data-testid="deep-sim-no-theory">
        No L = 2 theory curve for these parameters ({error.message}). Simulations still run with any activation; their points and traces have no theory to compare with.
      </p>
    );
  if (quenched) return <p className="hint warn">The simulations learn both layers: the quenched curve (first layer given) is not their reference.</p>;
  return null;
});

export function DeepSimPanel() {
  const form = useDeepSim((s) => s.form);
  const status = useDeepSim((s) => s.status);
  const message = useDeepSim((s) => s.message);
  const sweep = useDeepSim((s) => s.sweep);
  const runs = useDeepSim((s) => s.runs);
  const finished = useDeepSim((s) => s.finished.length);
  const backend = useDeepSim((s) => s.backend);
  const sps = useDeepSim((s) => s.stepsPerSecond);
  const gps = useDeepSim((s) => s.gradientsPerSecond);
  const setForm = useDeepSim((s) => s.setForm);
  const clearFinished = useDeepSim((s) => s.clearFinished);
  const alpha = useDeep((s) => s.params.alpha);
  const running = status === 'running' || status === 'starting';
  const busy = sweep.running;
  const locked = running || busy || status === 'paused';
  return (
    <section className="panel sim-panel deep-sim-panel" data-testid="deep-sim-panel" aria-labelledby="deep-sim-title">
      <h2 id="deep-sim-title">Simulation at α = {alpha}: two hidden layers, finite d, in your browser</h2>
      <p className="hint">
        Teacher y = v·σ2(W2 σ1(W1 x/√d)/√k1)/√k2 + √Δ z with this tab&apos;s σ1, σ2, γ1, γ2, Δ, P_v and P_W; the student samples (HMC, Gaussian prior,
        v fixed to the teacher&apos;s) or trains (ADAM) both layers. Informative HMC starts at W = W⁰ and should follow ε_opt; the uninformative start
        is meant to stall on a sub-optimal branch (first layer partly learnt, second not). Small d escapes sooner: at d ≈ 20–40 the gap is
        shorter-lived than at the papers&apos; d = 200.
      </p>
      <TheoryNote />
      <div className="sim-controls" onFocus={() => warmUp()}>
        <SimSelect id="deep-sim-algo" label="algorithm" value={form.algo} values={DEEP_SIM_ALGOS} onChange={(v) => setForm('algo', v)} disabled={locked} />
        <SimSelect id="deep-sim-start" label="start" value={form.start} values={DEEP_SIM_STARTS} onChange={(v) => setForm('start', v)} disabled={locked} />
        <SimSelect id="deep-sim-d" label="d" value={form.d} values={DEEP_SIM_DS} labels={D_LABELS} onChange={(v) => setForm('d', v)} disabled={locked} />
        <SimIntField id="deep-sim-seed" label="seed" value={form.seed} min={0} max={1e9} onChange={(x) => setForm('seed', x)} />
        <SimIntField id="deep-sim-steps" label="steps" value={form.steps} min={1} max={100000} onChange={(x) => setForm('steps', x)} />
        <SimSelect id="deep-sim-speed" label="speed" value={form.speed} values={SPEEDS} labels={SPEED_LABELS} onChange={(v) => setSpeed(v)} />
      </div>
      <SimRunButtons
        prefix="deep-sim"
        status={status}
        sweep={sweep}
        finished={finished}
        sweepAlphas={form.sweepAlphas}
        sweepSeeds={form.sweepSeeds}
        message={message}
        controls={{ play, pause, step, reset, runSweep, cancelSweep, clearFinished, setSweepAlphas: (t) => setForm('sweepAlphas', t), setSweepSeeds: (t) => setForm('sweepSeeds', t) }}
      />
      <FinishedRunsLegend gamp={false} />
      <div className="sim-status" data-testid="deep-sim-status" data-status={status}>
        <span className={`tag sim-tag-${status}`}>{status}</span>
        {runs.length > 0 && (
          <ul className="deep-sim-runs">
            {runs.map((r) => (
              <RunLine key={r.id} run={r} />
            ))}
          </ul>
        )}
      </div>
      <BackendLine backend={backend} stepsPerSecond={sps} gradientsPerSecond={gps} algo={runs[0]?.algo} testId="deep-sim-backend" />
      {runs.length > 1 && <p className="hint">Both runs share one worker and take turns step by step (the speed shown is per run).</p>}
      <div className="sim-plots deep-sim-plots">
        <DeepSimErrorPlot />
        <DeepSimOverlapPlot />
      </div>
    </section>
  );
}
