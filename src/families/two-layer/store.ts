// State of the two-layer lecture family (zustand) and its controller: theory requests coalesced to one in
// flight (the newest params win), simulations with generation numbers (a new run or a parameter change
// cancels the old one in the worker; stale replies are dropped here).
import { proxy, wrap, type Remote } from 'comlink';
import { create } from 'zustand';
import type { SdeBand } from '../../physics/twoLayer/sgdSde';
import type { TwoLayerWorkerApi } from '../../../workers/twoLayer.worker';
import type { EscapeSimPoint, OdeCurve, OneStepSimSummary, RFSimPoint, SgdChunk, TheoryResult, TwoLayerParams } from './service';
import { bindHash } from '../../platform/state/hashCodec';
import { messagesSlice, paramsSlice, type MessagesSlice, type ParamsSlice } from '../../platform/state/slices';
import { twoLayerCodec } from './params';

export type OneStepSlot = 'ell1' | 'ell2';
export const ONE_STEP_TARGETS: Record<OneStepSlot, string> = { ell1: 'he1he2', ell2: 'he2' };

export interface EscapeSeries {
  ell: number;
  d: number[];
  samples: number[];
}

export interface TwoLayerState extends ParamsSlice<TwoLayerParams>, MessagesSlice {
  theory: TheoryResult | null;
  theoryError: string | null;
  escape: EscapeSeries[] | null;
  ode: OdeCurve | null;
  rfSim: { key: string; points: RFSimPoint[]; running: boolean; error: string | null };
  oneStep: Record<OneStepSlot, OneStepSimSummary | null> & { running: OneStepSlot | null; error: string | null };
  sgd: { key: string; runs: SgdChunk[]; band: SdeBand | null; running: boolean; error: string | null };
  escapeSim: { key: string; points: EscapeSimPoint[]; running: boolean; error: string | null };
}

/** What the RF simulation points depend on (everything but α). */
export const rfSimKey = (p: TwoLayerParams) => [p.activation, p.target, p.beta, p.lambda, p.noise, p.d].join('|');
export const escapeKey = (p: TwoLayerParams) => [p.ell, p.eta].join('|');
export const sgdKey = (p: TwoLayerParams) => [p.ell, p.eta, p.d].join('|');

export const useTwoLayer = create<TwoLayerState>()((...a) => ({
  ...paramsSlice(twoLayerCodec.defaults())(...a),
  ...messagesSlice()(...a),
  theory: null,
  theoryError: null,
  escape: null,
  ode: null,
  rfSim: { key: '', points: [], running: false, error: null },
  oneStep: { ell1: null, ell2: null, running: null, error: null },
  sgd: { key: '', runs: [], band: null, running: false, error: null },
  escapeSim: { key: '', points: [], running: false, error: null },
}));

let controller: Controller | null = null;

class Controller {
  private worker: Worker;
  private api: Remote<TwoLayerWorkerApi>;
  private simWorker: Worker;
  private sim: Remote<TwoLayerWorkerApi>;
  /** ODE escape curves are slow (seconds on a busy machine): their own worker keeps the RF sliders live. */
  private odeWorker: Worker;
  private ode: Remote<TwoLayerWorkerApi>;
  private theoryBusy = false;
  private theoryDirty = false;
  private gen = 0;
  private unsub: (() => void)[] = [];

  constructor() {
    const make = (name: string) => {
      const w = new Worker(new URL('../../../workers/twoLayer.worker.ts', import.meta.url), { type: 'module', name });
      // Engine errors come back as messages; this is for a worker that died (out of memory, a bug).
      w.onerror = (ev) => {
        ev.preventDefault();
        useTwoLayer.setState({ theoryError: `The ${name} worker stopped: ${ev.message || 'unknown error'}. Reload the page to restart it.` });
      };
      return w;
    };
    this.worker = make('two-layer-theory');
    this.api = wrap<TwoLayerWorkerApi>(this.worker);
    this.simWorker = make('two-layer-sim');
    this.sim = wrap<TwoLayerWorkerApi>(this.simWorker);
    this.odeWorker = make('two-layer-ode');
    this.ode = wrap<TwoLayerWorkerApi>(this.odeWorker);
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
    this.worker.terminate();
    this.simWorker.terminate();
    this.odeWorker.terminate();
  }

  /** One theory request in flight; while it runs, further changes only mark it dirty (one more at the end). */
  private requestTheory(): void {
    if (this.theoryBusy) {
      this.theoryDirty = true;
      return;
    }
    this.theoryBusy = true;
    this.theoryDirty = false;
    const params = useTwoLayer.getState().params;
    void this.api.computeTheory(params).then((r) => {
      this.theoryBusy = false;
      if (r.ok) useTwoLayer.setState({ theory: r.value, theoryError: null });
      else useTwoLayer.setState({ theoryError: r.error });
      if (this.theoryDirty) this.requestTheory();
    });
  }

  private async loadEscape(): Promise<void> {
    const eta = useTwoLayer.getState().params.eta;
    const r = await this.ode.escapeCurves(eta);
    if (useTwoLayer.getState().params.eta !== eta) return;
    useTwoLayer.setState({ escape: r.ok ? r.value : null });
  }

  private async loadOde(): Promise<void> {
    const { ell, eta, d } = useTwoLayer.getState().params;
    const r = await this.ode.odeCurve(ell, eta, d);
    const p = useTwoLayer.getState().params;
    if (p.ell !== ell || p.eta !== eta || p.d !== d) return;
    useTwoLayer.setState({ ode: r.ok ? r.value : null });
  }

  async runRF(alphas: number[], seeds: number): Promise<void> {
    const gen = ++this.gen;
    const params = useTwoLayer.getState().params;
    const key = rfSimKey(params);
    useTwoLayer.setState({ rfSim: { key, points: [], running: true, error: null } });
    const r = await this.sim.simulateRF(
      params,
      alphas,
      seeds,
      gen,
      proxy((pt: RFSimPoint) => {
        const s = useTwoLayer.getState().rfSim;
        if (s.key === key && this.gen === gen) useTwoLayer.setState({ rfSim: { ...s, points: [...s.points, pt] } });
      }),
    );
    if (this.gen !== gen) return;
    const s = useTwoLayer.getState().rfSim;
    useTwoLayer.setState({ rfSim: { ...s, running: false, error: r.ok ? null : r.error } });
  }

  async runOneStep(slot: OneStepSlot): Promise<void> {
    const gen = ++this.gen;
    const params = useTwoLayer.getState().params;
    useTwoLayer.setState({ oneStep: { ...useTwoLayer.getState().oneStep, running: slot, error: null } });
    const r = await this.sim.simulateOneStep(params, ONE_STEP_TARGETS[slot], gen);
    if (this.gen !== gen) return;
    const o = useTwoLayer.getState().oneStep;
    if (r.ok) useTwoLayer.setState({ oneStep: { ...o, [slot]: r.value, running: null } });
    else useTwoLayer.setState({ oneStep: { ...o, running: null, error: r.error } });
  }

  async runSgd(runs: number): Promise<void> {
    const gen = ++this.gen;
    const params = useTwoLayer.getState().params;
    const key = sgdKey(params);
    useTwoLayer.setState({ sgd: { key, runs: [], band: null, running: true, error: null } });
    const r = await this.sim.simulateSgd(
      params,
      runs,
      gen,
      proxy((c: SgdChunk) => {
        const s = useTwoLayer.getState().sgd;
        if (s.key === key && this.gen === gen) useTwoLayer.setState({ sgd: { ...s, runs: [...s.runs, c] } });
      }),
    );
    if (this.gen !== gen) return;
    const s = useTwoLayer.getState().sgd;
    useTwoLayer.setState({ sgd: { ...s, running: false, band: r.ok ? r.value.band : null, error: r.ok ? null : r.error } });
  }

  async runEscape(runs: number): Promise<void> {
    const gen = ++this.gen;
    const params = useTwoLayer.getState().params;
    const key = escapeKey(params);
    useTwoLayer.setState({ escapeSim: { key, points: [], running: true, error: null } });
    const r = await this.sim.simulateEscapeVsD(
      params.ell,
      params.eta,
      runs,
      gen,
      proxy((pt: EscapeSimPoint) => {
        const s = useTwoLayer.getState().escapeSim;
        if (s.key === key && this.gen === gen) useTwoLayer.setState({ escapeSim: { ...s, points: [...s.points, pt] } });
      }),
    );
    if (this.gen !== gen) return;
    const s = useTwoLayer.getState().escapeSim;
    useTwoLayer.setState({ escapeSim: { ...s, running: false, error: r.ok ? null : r.error } });
  }

  /** Stops whatever simulation runs (the worker checks between seeds). */
  cancel(): void {
    this.gen++;
    void this.sim.cancel('rf');
    void this.sim.cancel('onestep');
    void this.sim.cancel('sgd');
    void this.sim.cancel('escape');
    const s = useTwoLayer.getState();
    useTwoLayer.setState({ rfSim: { ...s.rfSim, running: false }, sgd: { ...s.sgd, running: false }, oneStep: { ...s.oneStep, running: null }, escapeSim: { ...s.escapeSim, running: false } });
  }
}

export function startTwoLayer(): () => void {
  controller = new Controller();
  return () => {
    controller?.dispose();
    controller = null;
  };
}

export function twoLayerController(): Controller | null {
  return controller;
}
