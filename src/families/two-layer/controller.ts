// The two-layer lecture's controller: three workers on the shared WorkerClient (theory; ODE curves, slow, so
// that they never hold up the RF sliders; simulations), each restarted after a crash with a message. Theory
// requests are coalesced to one in flight (the newest params win); simulations carry generation numbers (a new
// run or a cancel stops the old one in the worker; stale replies are dropped here).
import type { Remote } from 'comlink';
import { errorOf, type Outcome } from '../../platform/compute/outcome';
import { progress, WorkerClient, type WorkerFactory } from '../../platform/compute/workerClient';
import { bindHash } from '../../platform/state/hashCodec';
import { twoLayerCodec } from './params';
import {
  escapeKey,
  ONE_STEP_TARGETS,
  rfSimKey,
  sgdKey,
  useTwoLayer,
  type OneStepSlot,
  type TwoLayerState,
} from './store';
import type { EscapeSimPoint, RFSimPoint, SgdChunk, TwoLayerApi } from './service';

type Role = 'theory' | 'ode' | 'sim';
export type TwoLayerFactories = Partial<Record<Role, WorkerFactory>>;

const defaultFactory =
  (role: Role): WorkerFactory =>
  () =>
    new Worker(new URL('../../../workers/two-layer.worker.ts', import.meta.url), {
      type: 'module',
      name: `two-layer-${role}`,
    });

/** Simulation slots that stream their results. */
type Streamed = 'rfSim' | 'sgd' | 'escapeSim';

const get = useTwoLayer.getState;
const put = (patch: Partial<TwoLayerState>) => useTwoLayer.setState(patch);

class Controller {
  private readonly workers: Record<Role, WorkerClient<TwoLayerApi>>;
  private theoryBusy = false;
  private theoryDirty = false;
  private gen = 0;
  private unsub: (() => void)[] = [];

  constructor(factories: TwoLayerFactories, watchdogMs: Partial<Record<Role, number>>) {
    const client = (role: Role) =>
      new WorkerClient<TwoLayerApi>({
        name: `two-layer ${role}`,
        factory: factories[role] ?? defaultFactory(role),
        watchdogMs: watchdogMs[role],
        // A crash while idle has no call to report it: say it in the banner. Simulations report through their run.
        onCrash: role === 'sim' ? undefined : (message) => put({ theoryError: message }),
      });
    // Simulations stream one point per α or per run (seconds each at large d): a longer watchdog.
    this.workers = { theory: client('theory'), ode: client('ode'), sim: client('sim') };
    this.unsub.push(bindHash(twoLayerCodec, useTwoLayer));
    this.unsub.push(
      useTwoLayer.subscribe((s, prev) => {
        if (s.params === prev.params) return;
        this.requestTheory();
        const p = s.params;
        const q = prev.params;
        if (p.eta !== q.eta) void this.loadEscape();
        if (p.ell !== q.ell || p.eta !== q.eta || p.d !== q.d) void this.loadOde();
      }),
    );
    this.requestTheory();
    void this.loadEscape();
    void this.loadOde();
  }

  dispose(): void {
    for (const u of this.unsub) u();
    for (const w of Object.values(this.workers)) w.dispose();
  }

  /** One theory request in flight; while it runs, further changes only mark it dirty (one more at the end). */
  private requestTheory(): void {
    if (this.theoryBusy) {
      this.theoryDirty = true;
      return;
    }
    this.theoryBusy = true;
    this.theoryDirty = false;
    const params = get().params;
    void this.workers.theory
      .call((api) => api.computeTheory(params), { channel: 'theory', key: JSON.stringify(params) })
      .then((r) => {
        this.theoryBusy = false;
        if (r.ok) put({ theory: r.value, theoryError: null });
        else if (!r.stale) put({ theoryError: r.error.message });
        if (this.theoryDirty) this.requestTheory();
      });
  }

  /** An ODE result, or null (a failed worker also says why in the banner). */
  private async ode<T>(
    channel: string,
    key: string,
    work: (api: Remote<TwoLayerApi>) => Promise<Outcome<T>>,
  ): Promise<T | null> {
    const r = await this.workers.ode.call(work, { channel, key });
    const error = errorOf(r);
    if (error?.kind === 'worker') put({ theoryError: error.message });
    return r.ok ? r.value : null;
  }

  private async loadEscape(): Promise<void> {
    const eta = get().params.eta;
    const escape = await this.ode('escape', String(eta), (api) => api.escapeCurves(eta));
    if (get().params.eta === eta) put({ escape });
  }

  private async loadOde(): Promise<void> {
    const { ell, eta, d } = get().params;
    const ode = await this.ode('ode', `${ell}|${eta}|${d}`, (api) => api.odeCurve(ell, eta, d));
    const p = get().params;
    if (p.ell === ell && p.eta === eta && p.d === d) put({ ode });
  }

  /**
   * Runs a streamed simulation into `slot`: cleared at the start, each item added as it comes (if still current),
   * running off and the error (the worker's too) at the end.
   */
  private async stream<S extends Streamed, T, R>(
    slot: S,
    fresh: TwoLayerState[S],
    key: string,
    run: (api: Remote<TwoLayerApi>, gen: number, onItem: (x: T) => void) => Promise<Outcome<R>>,
    add: (s: TwoLayerState[S], x: T) => TwoLayerState[S],
    done: (s: TwoLayerState[S], value: R | null) => TwoLayerState[S] = (s) => s,
  ): Promise<void> {
    const gen = ++this.gen;
    put({ [slot]: fresh });
    const onItem = (x: T) => {
      const s = get()[slot];
      if (s.key === fresh.key && this.gen === gen) put({ [slot]: add(s, x) });
    };
    const r = await this.workers.sim.call((api, alive) => run(api, gen, progress(alive, onItem)), {
      channel: 'sim',
      key: `${slot}|${key}`,
    });
    if (this.gen !== gen) return;
    put({
      [slot]: { ...done(get()[slot], r.ok ? r.value : null), running: false, error: errorOf(r)?.message ?? null },
    });
  }

  runRF(alphas: number[], seeds: number): Promise<void> {
    const params = get().params;
    return this.stream<'rfSim', RFSimPoint, unknown>(
      'rfSim',
      { key: rfSimKey(params), points: [], running: true, error: null },
      JSON.stringify([params, alphas, seeds]),
      (api, gen, onPoint) => api.simulateRF(params, alphas, seeds, gen, onPoint),
      (s, pt) => ({ ...s, points: [...s.points, pt] }),
    );
  }

  runSgd(runs: number): Promise<void> {
    const params = get().params;
    return this.stream(
      'sgd',
      { key: sgdKey(params), runs: [], band: null, running: true, error: null },
      JSON.stringify([params, runs]),
      (api, gen, onRun: (c: SgdChunk) => void) => api.simulateSgd(params, runs, gen, onRun),
      (s, c) => ({ ...s, runs: [...s.runs, c] }),
      (s, value) => ({ ...s, band: value?.band ?? null }),
    );
  }

  runEscape(runs: number): Promise<void> {
    const params = get().params;
    return this.stream<'escapeSim', EscapeSimPoint, unknown>(
      'escapeSim',
      { key: escapeKey(params), points: [], running: true, error: null },
      JSON.stringify([params.ell, params.eta, runs]),
      (api, gen, onPoint) => api.simulateEscapeVsD(params.ell, params.eta, runs, gen, onPoint),
      (s, pt) => ({ ...s, points: [...s.points, pt] }),
    );
  }

  async runOneStep(slot: OneStepSlot): Promise<void> {
    const gen = ++this.gen;
    const params = get().params;
    put({ oneStep: { ...get().oneStep, running: slot, error: null } });
    const r = await this.workers.sim.call((api) => api.simulateOneStep(params, ONE_STEP_TARGETS[slot], gen), {
      channel: 'sim',
      key: `oneStep|${JSON.stringify([params, slot])}`,
    });
    if (this.gen !== gen) return;
    const o = get().oneStep;
    if (r.ok) put({ oneStep: { ...o, [slot]: r.value, running: null } });
    else put({ oneStep: { ...o, running: null, error: errorOf(r)?.message ?? null } });
  }

  /** Stops whatever simulation runs (the worker checks between seeds). */
  cancel(): void {
    this.gen++;
    const sim = this.workers.sim.running;
    for (const kind of ['rf', 'onestep', 'sgd', 'escape']) void sim?.cancel(kind);
    const s = get();
    put({
      rfSim: { ...s.rfSim, running: false },
      sgd: { ...s.sgd, running: false },
      oneStep: { ...s.oneStep, running: null },
      escapeSim: { ...s.escapeSim, running: false },
    });
  }
}

let controller: Controller | null = null;

/** Starts the workers and bindings while the tab is shown; returns the stop function. */
export function startTwoLayer(
  factories: TwoLayerFactories = {},
  watchdogMs: Partial<Record<Role, number>> = { sim: 120_000, ode: 60_000 },
): () => void {
  controller = new Controller(factories, watchdogMs);
  return () => {
    controller?.dispose();
    controller = null;
  };
}

export function twoLayerController(): Controller | null {
  return controller;
}
