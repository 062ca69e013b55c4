// Main-thread side of the deep tab's simulations (its own simulation worker, workers/sim.worker.ts): live runs at
// the selected α — one start, or informative and uninformative side by side (`alongside`, interleaved in the
// worker) — with play/pause/step/reset for both at once, and a sweep over α × seeds (× both starts) whose
// finished runs become points on the deep ε(α) plot. The physics comes from the deep tab's parameters.
import { proxy } from 'comlink';
import { DEFAULT_SIM, type Init, type SimConfig } from '../../sim/simulation';
import type { RunOutcome, SimEvent } from '../../platform/sim/protocol';
import { useDeep } from './store';
import { deepPhysicsKey, useDeepSim } from './simStore';
import { createSimWorkerClient, finishedRunOf, parseSweep, runSweepJobs } from '../../platform/sim/simWorkerClient';

let nextId = 1;
/** Ids of the runs on screen (0, 1 or 2 of them); events of other ids are stale. */
let liveIds: number[] = [];
let sweepCancelled = false;

const client = createSimWorkerClient({
  onBackend: (info) => useDeepSim.getState().setBackend(info),
  onMessage: (m) => useDeepSim.getState().setMessage(m),
  onCrash: (message) => {
    const s = useDeepSim.getState();
    liveIds = [];
    s.setMessage(message);
    s.setStatus('error');
    s.setSweep({ ...s.sweep, running: false });
  },
});

const startsOf = (): Init[] => {
  const st = useDeepSim.getState().form.start;
  return st === 'both' ? ['informative', 'uninformative'] : [st];
};

export function deepSimConfig(alpha: number, seed: number, init: Init): SimConfig {
  const p = useDeep.getState().params;
  const f = useDeepSim.getState().form;
  return {
    ...DEFAULT_SIM,
    depth: 2,
    algo: f.algo,
    init,
    readouts: 'fixed',
    activation: p.activation,
    activation2: p.activation2 || p.activation,
    gamma: p.gamma,
    gamma2: p.gamma2,
    delta: p.delta,
    readout: p.readout,
    weights: p.weights,
    alpha,
    d: f.d,
    seed,
    steps: f.steps,
    nTest: 4000,
  };
}

function record(config: SimConfig, outcome: RunOutcome): void {
  const r = finishedRunOf(deepPhysicsKey(useDeep.getState().params), config, outcome);
  if (r) useDeepSim.getState().addFinished(r);
}

async function startLive(paused: boolean, stepBudget = 0): Promise<void> {
  const s = useDeepSim.getState();
  if (s.sweep.running) return;
  const remote = client.api();
  const alpha = useDeep.getState().params.alpha;
  const runs = startsOf().map((init) => ({ id: nextId++, init, config: deepSimConfig(alpha, s.form.seed, init) }));
  liveIds = runs.map((r) => r.id);
  s.setMessage(null);
  s.startRuns(runs.map((r) => ({ id: r.id, algo: s.form.algo, init: r.init, alpha, d: s.form.d })));
  s.setStatus(paused ? 'paused' : 'starting');
  await client.ready();
  if (!client.current() || !liveIds.includes(runs[0].id)) return;
  if (!paused) useDeepSim.getState().setStatus('running');
  const onEvent = proxy((e: SimEvent) => {
    if (!liveIds.includes(e.id)) return;
    const st = useDeepSim.getState();
    if (e.type === 'progress') st.appendRows(e.id, e.rows, e.stepsPerSecond, e.gradientsPerSecond);
    else {
      st.setMessage(e.message);
      if (e.backend) st.setBackend(e.backend);
    }
  });
  let outcomes: RunOutcome[];
  try {
    outcomes = await Promise.all(runs.map((r, i) => remote.run({ id: r.id, config: r.config, speed: s.form.speed, paused, stepBudget, stream: true, alongside: i > 0 }, onEvent)));
  } catch (e) {
    if (liveIds.includes(runs[0].id)) client.crash(`Simulation failed: ${e instanceof Error ? e.message : String(e)}.`);
    return;
  }
  if (!liveIds.includes(runs[0].id)) return;
  const st = useDeepSim.getState();
  const bad = outcomes.find((o): o is Extract<RunOutcome, { ok: false }> => !o.ok);
  if (bad) {
    st.setMessage(bad.kind === 'config' ? `Cannot run: ${bad.message}` : `Simulation error: ${bad.message}`);
    st.setStatus('error');
    return;
  }
  let cancelled = false;
  outcomes.forEach((o, i) => {
    if (!o.ok) return;
    st.finishRun(o.id, o.summary);
    cancelled ||= o.cancelled;
    record(runs[i].config, o);
  });
  st.setStatus(cancelled ? 'cancelled' : 'done');
}

const each = (cmd: 'pause' | 'resume' | 'step' | 'cancel') => liveIds.forEach((id) => client.current()?.control(id, cmd));

export function play(): void {
  const s = useDeepSim.getState();
  if (s.status === 'paused' && s.runs.length) {
    each('resume');
    s.setStatus('running');
  } else if (s.status !== 'running' && s.status !== 'starting') void startLive(false);
}

export function pause(): void {
  const s = useDeepSim.getState();
  if ((s.status === 'running' || s.status === 'starting') && s.runs.length) {
    each('pause');
    s.setStatus('paused');
  }
}

export function step(): void {
  const s = useDeepSim.getState();
  if (s.status === 'paused' && s.runs.length) each('step');
  else if (s.status !== 'running' && s.status !== 'starting') void startLive(true, 1);
}

export function reset(): void {
  const s = useDeepSim.getState();
  each('cancel');
  liveIds = [];
  s.clearRuns();
  s.setStatus('idle');
  s.setMessage(null);
}

export function setSpeed(speed: number): void {
  useDeepSim.getState().setForm('speed', speed);
  liveIds.forEach((id) => client.current()?.setSpeed(id, speed));
}

/** Runs the form's algorithm and start(s) over α × seeds, one run after the other, adding a point per finished run. */
export async function runSweep(): Promise<void> {
  const s = useDeepSim.getState();
  const inits = startsOf();
  const parsed = parseSweep(s.form.sweepAlphas, s.form.sweepSeeds, inits.length);
  if (typeof parsed === 'string') {
    s.setMessage(parsed);
    return;
  }
  const { alphas, seeds } = parsed;
  const total = alphas.length * seeds.length * inits.length;
  reset();
  sweepCancelled = false;
  s.setSweep({ running: true, done: 0, total });
  const jobs = alphas.flatMap((alpha) => seeds.flatMap((seed) => inits.map((init) => ({ config: deepSimConfig(alpha, seed, init), label: `α = ${alpha}, seed ${seed}, ${init} start` }))));
  const done = await runSweepJobs(client, jobs, {
    newId: () => {
      const id = nextId++;
      liveIds = [id];
      return id;
    },
    cancelled: () => sweepCancelled,
    finished: record,
    progress: (n) => useDeepSim.getState().setSweep({ running: true, done: n, total }),
    stopped: (m) => useDeepSim.getState().setMessage(m),
  });
  liveIds = [];
  useDeepSim.getState().setSweep({ running: false, done, total });
}

export function cancelSweep(): void {
  sweepCancelled = true;
  each('cancel');
}

/** Starts the worker and measures the backend before the first run (so the panel can show it). */
export function warmUp(): void {
  client.api();
}
