// Main-thread side of the simulation worker: one run at a time (live, streamed) or a sweep over α × seeds,
// play/pause/step/reset, crash detection (the worker is respawned on the next run; the rest of the page keeps
// working), and the 'explorer:toggle-play' / 'explorer:reset' window events (keyboard shortcuts).
import { proxy } from 'comlink';
import { DEFAULT_SIM, type SimConfig } from '../../sim/simulation';
import type { RunOutcome, SimEvent } from '../../platform/sim/protocol';
import { shallowParamsOf, useExplorer } from './store';
import { physicsKey, useSim } from './simStore';
import { createSimWorkerClient, finishedRunOf, parseSweep, runSweepJobs } from '../../platform/sim/simWorkerClient';

let nextId = 1;
let liveId = 0;
let sweepCancelled = false;

const client = createSimWorkerClient({
  onBackend: (info) => useSim.getState().setBackend(info),
  onMessage: (m) => useSim.getState().setMessage(m),
  onCrash: (message) => {
    const s = useSim.getState();
    s.setMessage(message);
    s.setStatus('error');
    s.setSweep({ ...s.sweep, running: false });
  },
});
const crash = client.crash;
const ensureWorker = client.api;

function configFor(alpha: number, seed: number): SimConfig {
  const p = useExplorer.getState().params;
  const sp = shallowParamsOf(p);
  const f = useSim.getState().form;
  return {
    ...DEFAULT_SIM,
    algo: f.algo,
    init: f.init,
    readouts: f.readouts,
    activation: sp.activation,
    readout: sp.readout,
    weights: sp.weights,
    gamma: sp.gamma,
    delta: sp.delta,
    alpha,
    d: f.d,
    seed,
    steps: f.steps,
    nTest: 4000,
  };
}

function record(config: SimConfig, outcome: RunOutcome): void {
  const r = finishedRunOf(physicsKey(shallowParamsOf(useExplorer.getState().params)), config, outcome);
  if (r) useSim.getState().addFinished(r);
}

async function startLive(paused: boolean, stepBudget = 0): Promise<void> {
  const s = useSim.getState();
  if (s.sweep.running) return;
  const remote = ensureWorker();
  const id = nextId++;
  liveId = id;
  const alpha = useExplorer.getState().params.alpha;
  const config = configFor(alpha, s.form.seed);
  s.setMessage(null);
  s.startLive({ id, algo: config.algo, init: config.init, alpha });
  s.setStatus(paused ? 'paused' : 'starting');
  await client.ready();
  if (!client.current() || liveId !== id) return;
  if (!paused) useSim.getState().setStatus('running');
  const onEvent = proxy((e: SimEvent) => {
    if (e.id !== liveId) return;
    const st = useSim.getState();
    if (e.type === 'progress') st.appendRows(e.id, e.rows, e.stepsPerSecond, e.gradientsPerSecond);
    else {
      st.setMessage(e.message);
      if (e.backend) st.setBackend(e.backend);
    }
  });
  let outcome: RunOutcome;
  try {
    outcome = await remote.run({ id, config, speed: s.form.speed, paused, stepBudget, stream: true }, onEvent);
  } catch (e) {
    if (liveId === id) crash(`Simulation failed: ${e instanceof Error ? e.message : String(e)}.`);
    return;
  }
  if (liveId !== id) return;
  const st = useSim.getState();
  if (!outcome.ok) {
    st.setMessage(outcome.kind === 'config' ? `Cannot run: ${outcome.message}` : `Simulation error: ${outcome.message}`);
    st.setStatus('error');
    return;
  }
  st.finishLive(id, outcome.summary);
  st.setStatus(outcome.cancelled ? 'cancelled' : 'done');
  record(config, outcome);
}

export function play(): void {
  const s = useSim.getState();
  if (s.status === 'paused' && s.live) {
    client.current()?.control(s.live.id, 'resume');
    s.setStatus('running');
  } else if (s.status !== 'running' && s.status !== 'starting') void startLive(false);
}

export function pause(): void {
  const s = useSim.getState();
  if ((s.status === 'running' || s.status === 'starting') && s.live) {
    client.current()?.control(s.live.id, 'pause');
    s.setStatus('paused');
  }
}

export function togglePlay(): void {
  const st = useSim.getState().status;
  if (st === 'running' || st === 'starting') pause();
  else play();
}

export function step(): void {
  const s = useSim.getState();
  if (s.status === 'paused' && s.live) client.current()?.control(s.live.id, 'step');
  else if (s.status !== 'running' && s.status !== 'starting') void startLive(true, 1);
}

export function reset(): void {
  const s = useSim.getState();
  if (s.live) client.current()?.control(s.live.id, 'cancel');
  liveId = 0;
  s.clearLive();
  s.setStatus('idle');
  s.setMessage(null);
}

export function setSpeed(speed: number): void {
  const s = useSim.getState();
  s.setForm('speed', speed);
  if (s.live) client.current()?.setSpeed(s.live.id, speed);
}

/** Runs the form's algorithm over α × seeds, one after the other, adding a point per finished run. */
export async function runSweep(): Promise<void> {
  const s = useSim.getState();
  const parsed = parseSweep(s.form.sweepAlphas, s.form.sweepSeeds);
  if (typeof parsed === 'string') {
    s.setMessage(parsed);
    return;
  }
  const { alphas, seeds } = parsed;
  reset();
  sweepCancelled = false;
  const total = alphas.length * seeds.length;
  s.setSweep({ running: true, done: 0, total });
  s.setMessage(null);
  const jobs = alphas.flatMap((alpha) => seeds.map((seed) => ({ config: configFor(alpha, seed), label: `α = ${alpha}, seed ${seed}` })));
  const done = await runSweepJobs(client, jobs, {
    newId: () => (liveId = nextId++),
    cancelled: () => sweepCancelled,
    finished: record,
    progress: (n) => useSim.getState().setSweep({ running: true, done: n, total }),
    stopped: (m) => useSim.getState().setMessage(m),
  });
  liveId = 0;
  useSim.getState().setSweep({ running: false, done, total });
}

export function cancelSweep(): void {
  sweepCancelled = true;
  if (liveId) client.current()?.control(liveId, 'cancel');
}

/** Keyboard shortcuts are bound elsewhere and dispatched as window events. Returns an unsubscribe. */
export function listenToExplorerEvents(): () => void {
  const onToggle = () => togglePlay();
  const onReset = () => reset();
  window.addEventListener('explorer:toggle-play', onToggle);
  window.addEventListener('explorer:reset', onReset);
  return () => {
    window.removeEventListener('explorer:toggle-play', onToggle);
    window.removeEventListener('explorer:reset', onReset);
  };
}

/** Starts the worker and measures the backend before the first run (so the panel can show it). */
export function warmUp(): void {
  ensureWorker();
}
