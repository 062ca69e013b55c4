// The main-thread side of a simulation panel, the same for every family: live runs at the tab's α (one start, or
// several side by side, interleaved in one worker) with play/pause/step/reset acting on all of them, and a sweep
// over α × seeds (× starts) whose finished runs become points on the ε(α) plot. Progress streams into the
// panel's store (./runSlice.ts). A family supplies only how its parameters and form make a run's configuration.
import { proxy } from 'comlink';
import type { Init, SimConfig } from '../../sim/simulation';
import { RESET_EVENT, TOGGLE_PLAY_EVENT } from '../../app/shortcuts';
import type { Control, RunOutcome, SimEvent } from './protocol';
import { keepSim } from './keep';
import { followChip } from './chip';
import type { HashSpec } from '../state/hashCodec';
import { bindView, storeView } from '../state/viewLink';
import type { RunStatus, SimFormCommon } from './runSlice';
import {
  createSimWorkerClient,
  finishedRunOf,
  parseSweep,
  runSweepJobs,
  type SimWorkerClient,
  type SimWorkerHandlers,
} from './simWorkerClient';

export interface SimFamily<Form extends SimFormCommon> {
  /** The tab's α: live runs go there. */
  alpha(): number;
  /** The starts run together at one (α, seed): one, or informative and uninformative side by side. */
  starts(form: Form): Init[];
  /** The worker's configuration of one run, from the family's parameters and the panel's form. */
  config(form: Form, alpha: number, seed: number, init: Init): SimConfig;
  /** The theory parameters a run belongs to (its point shows only under them), read when the run starts. */
  physicsKey(): string;
  /** The form's fields that the family's share link carries (platform/state/viewLink.ts), with its banner. */
  link?: { model: string; rows: readonly HashSpec<Form>[]; report(errors: string[]): void };
}

export interface SimController {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  reset(): void;
  setSpeed(speed: number): void;
  runSweep(): Promise<void>;
  cancelSweep(): void;
  /** Starts the worker and measures the backend before the first run (so the panel can show it). */
  warmUp(): void;
  /** Space and r (dispatched as window events by the app's shortcuts) play/pause and reset. Returns an unsubscribe. */
  listenToShortcuts(): () => void;
  /**
   * Keeps the form and finished runs across reloads under `key`, and warns before leaving a run (./keep.ts); the
   * settings the family's link carries override the stored ones and follow the form into the link; the runs on
   * screen show in presentation mode's status chip (./chip.ts).
   */
  keep(key: string): () => void;
}

const isRunning = (s: RunStatus) => s === 'running' || s === 'starting';
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSimController<Form extends SimFormCommon>(
  family: SimFamily<Form>,
  store: Parameters<typeof keepSim<Form>>[0],
  connect: (h: SimWorkerHandlers) => SimWorkerClient = createSimWorkerClient,
): SimController {
  const get = store.getState;
  let nextId = 1;
  /** Ids of the runs on screen; events and replies of other ids are stale. */
  let liveIds: number[] = [];
  /** The sweep's run in flight (0: none), which Cancel reaches. */
  let sweepId = 0;
  let sweepCancelled = false;

  const client = connect({
    onBackend: (info) => get().setBackend(info),
    onMessage: (m) => get().setMessage(m),
    onCrash: (message) => {
      liveIds = [];
      get().fail(message);
    },
  });
  const each = (cmd: Control) => liveIds.forEach((id) => client.current()?.control(id, cmd));
  const record = (key: string, config: SimConfig, outcome: RunOutcome) => {
    const r = finishedRunOf(key, config, outcome);
    if (r) get().addFinished(r);
  };

  /** Progress and notices of the runs on screen (live runs, and the sweep's run in flight). */
  function onLiveEvent(e: SimEvent) {
    if (!liveIds.includes(e.id)) return;
    const st = get();
    if (e.type === 'progress') st.appendRows(e.id, e.rows, e.stepsPerSecond, e.gradientsPerSecond);
    else {
      st.setMessage(e.message);
      if (e.backend) st.setBackend(e.backend);
    }
  }

  async function startLive(paused: boolean, stepBudget = 0): Promise<void> {
    const s = get();
    if (s.sweep.running) return;
    const remote = client.api();
    const alpha = family.alpha();
    const key = family.physicsKey();
    const runs = family
      .starts(s.form)
      .map((init) => ({ id: nextId++, config: family.config(s.form, alpha, s.form.seed, init) }));
    const first = runs[0].id;
    liveIds = runs.map((r) => r.id);
    s.startRuns(
      runs.map(({ id, config }) => ({ id, algo: config.algo, init: config.init, alpha, d: config.d })),
      paused ? 'paused' : 'starting',
    );
    await client.ready();
    if (!client.current() || !liveIds.includes(first)) return;
    if (!paused) get().setStatus('running');
    const onEvent = proxy(onLiveEvent);
    let outcomes: RunOutcome[];
    try {
      outcomes = await Promise.all(
        runs.map((r, i) =>
          remote.run(
            { id: r.id, config: r.config, speed: s.form.speed, paused, stepBudget, stream: true, alongside: i > 0 },
            onEvent,
          ),
        ),
      );
    } catch (e) {
      if (liveIds.includes(first)) client.crash(`Simulation failed: ${errorText(e)}.`);
      return;
    }
    if (!liveIds.includes(first)) return;
    const bad = outcomes.find((o): o is Extract<RunOutcome, { ok: false }> => !o.ok);
    if (bad) {
      get().fail(bad.kind === 'config' ? `Cannot run: ${bad.message}` : `Simulation error: ${bad.message}`);
      return;
    }
    let cancelled = false;
    outcomes.forEach((o, i) => {
      if (!o.ok) return;
      get().finishRun(o.id, o.summary);
      cancelled ||= o.cancelled;
      record(key, runs[i].config, o);
    });
    get().setStatus(cancelled ? 'cancelled' : 'done');
  }

  const controller: SimController = {
    play() {
      const s = get();
      if (s.status === 'paused' && s.runs.length) {
        each('resume');
        s.setStatus('running');
      } else if (!isRunning(s.status)) void startLive(false);
    },
    pause() {
      const s = get();
      if (isRunning(s.status) && s.runs.length) {
        each('pause');
        s.setStatus('paused');
      }
    },
    togglePlay() {
      if (isRunning(get().status)) controller.pause();
      else controller.play();
    },
    step() {
      const s = get();
      if (s.status === 'paused' && s.runs.length) each('step');
      else if (!isRunning(s.status)) void startLive(true, 1);
    },
    reset() {
      each('cancel');
      liveIds = [];
      get().clearRuns();
    },
    setSpeed(speed) {
      get().setForm('speed', speed);
      liveIds.forEach((id) => client.current()?.setSpeed(id, speed));
    },
    async runSweep() {
      const { form } = get();
      const inits = family.starts(form);
      const parsed = parseSweep(form.sweepAlphas, form.sweepSeeds, inits.length);
      if (typeof parsed === 'string') {
        get().setMessage(parsed);
        return;
      }
      const { alphas, seeds } = parsed;
      const total = alphas.length * seeds.length * inits.length;
      controller.reset();
      sweepCancelled = false;
      get().setSweep({ running: true, done: 0, total });
      const key = family.physicsKey();
      const startWord = (init: Init) => (inits.length > 1 ? `, ${init} start` : '');
      const jobs = alphas.flatMap((alpha) =>
        seeds.flatMap((seed) =>
          inits.map((init) => ({
            config: family.config(form, alpha, seed, init),
            label: `α = ${alpha}, seed ${seed}${startWord(init)}`,
          })),
        ),
      );
      const done = await runSweepJobs(client, jobs, {
        newId: () => (sweepId = nextId++),
        cancelled: () => sweepCancelled,
        // Each run on screen while it runs: its trace is drawn live (the status reads "sweep 3/15").
        started: (id, config) => {
          liveIds = [id];
          get().startRuns([{ id, algo: config.algo, init: config.init, alpha: config.alpha, d: config.d }], 'running');
        },
        event: onLiveEvent,
        finished: (config, outcome) => {
          if (outcome.ok) get().finishRun(outcome.id, outcome.summary);
          record(key, config, outcome);
        },
        progress: (n) => get().setSweep({ running: true, done: n, total }),
        stopped: (m) => get().fail(m),
      });
      sweepId = 0;
      liveIds = [];
      get().setSweep({ running: false, done, total });
      // The last run's trace stays on screen; a failed run has set 'error' with its message.
      const s = get();
      if (s.status !== 'error') s.setStatus(sweepCancelled ? 'cancelled' : done ? 'done' : 'idle');
    },
    cancelSweep() {
      sweepCancelled = true;
      if (sweepId) client.current()?.control(sweepId, 'cancel');
    },
    warmUp() {
      client.api();
    },
    keep(key) {
      const stops = [keepSim(store, key), followChip(store)];
      const link = family.link;
      if (link) {
        const setForm = (view: Partial<Form>) =>
          (Object.keys(view) as (keyof Form)[]).forEach((k) => get().setForm(k, view[k] as Form[keyof Form]));
        stops.push(bindView(storeView(link.model, link.rows, store, (s) => s.form, setForm, link.report)));
      }
      return () => stops.reverse().forEach((stop) => stop());
    },
    listenToShortcuts() {
      const onToggle = () => controller.togglePlay();
      const onReset = () => controller.reset();
      window.addEventListener(TOGGLE_PLAY_EVENT, onToggle);
      window.addEventListener(RESET_EVENT, onReset);
      return () => {
        window.removeEventListener(TOGGLE_PLAY_EVENT, onToggle);
        window.removeEventListener(RESET_EVENT, onReset);
      };
    },
  };
  return controller;
}
