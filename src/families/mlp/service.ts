// Compute placement for the shallow-MLP theory: generation checks, streaming in chunks, warm starts, LRU caches.
// No comlink and no physics imports here (the worker injects them), so this runs under vitest with a fake model.
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import type { ShallowModel, TransitionResult } from '../../physics/mlp/shallowModel';
import { Lru } from '../../platform/compute/lru';
import {
  alphaGrid,
  CHANNEL,
  coarseIndices,
  curveKey,
  type ActivationInfo,
  type Channel,
  type CurveChunk,
  type CurveHeader,
  type CurveRequest,
  type CurveSummary,
  type Outcome,
  type TheoryApi,
  type TheoryError,
} from './protocol';
import { messageOf, yieldToEventLoop } from '../../platform/compute/yield';

/** The parts of an activation the UI shows (a structural subset of src/physics/activations.ts's Activation). */
export interface ActivationLike {
  name: string;
  label: string;
  formula: string;
  mu: ArrayLike<number>;
  Esigma2: number;
  g1: number;
  isQuadratic: boolean;
}

type ErrorClass = abstract new (...args: never[]) => Error;

export interface PhysicsDeps {
  validateShallowParams(p: Partial<ShallowParams>): ShallowParams;
  getShallowModel(p: ShallowParams): Pick<ShallowModel, 'atoms' | 'notes' | 'pinnedUniversal' | 'theoryUnverified' | 'solvePoint' | 'transition'>;
  getActivation(name: string): ActivationLike;
  ParamError?: ErrorClass;
  ActivationError?: ErrorClass;
}

export interface ServiceOptions {
  curveCacheSize?: number;
  /** Compute time between streamed chunks (and event-loop yields), ms. */
  chunkMs?: number;
  now?: () => number;
  /** Spacing (in grid points) of the first, coarse pass. */
  coarseStep?: number;
}

interface CachedCurve {
  header: CurveHeader;
  points: ShallowPoint[];
}

export function createTheoryService(deps: PhysicsDeps, opts: ServiceOptions = {}): TheoryApi {
  const chunkMs = opts.chunkMs ?? 30;
  const coarseStep = Math.max(1, opts.coarseStep ?? 8);
  const now = opts.now ?? (() => performance.now());
  const curves = new Lru<string, CachedCurve>(opts.curveCacheSize ?? 32);
  const transitions = new Lru<string, TransitionResult>(64);
  let shared: Int32Array | null = null;
  const latest = [0, 0];

  const newest = (ch: Channel) => Math.max(latest[CHANNEL[ch]], shared ? Atomics.load(shared, CHANNEL[ch]) : 0);
  const isStale = (ch: Channel, gen: number) => newest(ch) > gen;
  const note = (ch: Channel, gen: number) => {
    latest[CHANNEL[ch]] = Math.max(latest[CHANNEL[ch]], gen);
  };

  const classify = (e: unknown, where?: string): TheoryError => {
    const message = messageOf(e);
    if (deps.ActivationError && e instanceof deps.ActivationError) return { kind: 'activation', message };
    if (deps.ParamError && e instanceof deps.ParamError) return { kind: 'param', message };
    return { kind: 'solver', message: where ? `${message} (${where})` : message };
  };

  const modelFor = (params: ShallowParams) => deps.getShallowModel(deps.validateShallowParams(params));

  return {
    attachGenerations(buffer) {
      shared = new Int32Array(buffer);
    },

    supersede(channel, gen) {
      note(channel, gen);
    },

    async computeCurve(req: CurveRequest, onChunk: (c: CurveChunk) => void): Promise<Outcome<CurveSummary>> {
      const { gen, grid } = req;
      note('curve', gen);
      const t0 = now();
      const key = curveKey(req.params, grid);
      const hit = curves.get(key);
      if (hit) {
        const indices = hit.points.map((_, i) => i);
        onChunk({ gen, indices, points: hit.points, header: hit.header, phase: 'fine', spansRange: true, done: true, cached: true });
        return { ok: true, value: { gen, n: hit.points.length, elapsedMs: now() - t0, cached: true } };
      }
      let model: ReturnType<PhysicsDeps['getShallowModel']>;
      try {
        model = modelFor(req.params);
      } catch (e) {
        return { ok: false, error: classify(e) };
      }
      if (isStale('curve', gen)) return { ok: false, stale: true };
      const alphas = alphaGrid(grid);
      const header: CurveHeader = {
        key,
        alphas,
        notes: [...model.notes],
        pinnedUniversal: model.pinnedUniversal,
        theoryUnverified: model.theoryUnverified,
        atoms: { law: model.atoms.law, v: Array.from(model.atoms.v), p: Array.from(model.atoms.p) },
      };
      const n = alphas.length;
      const slots: (ShallowPoint | undefined)[] = new Array(n);
      let headerSent = false;
      let pendingIdx: number[] = [];
      let pendingPts: ShallowPoint[] = [];
      let lastFlush = now();
      const flush = (phase: 'coarse' | 'fine', spansRange: boolean, done: boolean) => {
        onChunk({ gen, indices: pendingIdx, points: pendingPts, header: headerSent ? undefined : header, phase, spansRange, done, cached: false });
        headerSent = true;
        pendingIdx = [];
        pendingPts = [];
      };
      /** Solves grid point i warm-started from `warm` (a neighbouring α); null on success. */
      const solve = (i: number, warm: ShallowPoint | null): TheoryError | 'stale' | null => {
        if (isStale('curve', gen)) return 'stale';
        try {
          slots[i] = model.solvePoint(alphas[i], warm);
        } catch (e) {
          return classify(e, `at α = ${alphas[i].toFixed(3)}`);
        }
        pendingIdx.push(i);
        pendingPts.push(slots[i] as ShallowPoint);
        return null;
      };
      const fail = (r: TheoryError | 'stale'): Outcome<CurveSummary> => (r === 'stale' ? { ok: false, stale: true } : { ok: false, error: r });

      // Pass 1: the coarse grid, so the whole α range can be drawn at once.
      const coarse = coarseIndices(n, coarseStep);
      let warm: ShallowPoint | null = null;
      for (let c = 0; c < coarse.length; c++) {
        const r = solve(coarse[c], warm);
        if (r) return fail(r);
        warm = slots[coarse[c]] as ShallowPoint;
        const last = c === coarse.length - 1;
        if (last || now() - lastFlush >= chunkMs) {
          flush('coarse', last, last && coarse.length === n);
          await yieldToEventLoop(); // newer requests get delivered here
          lastFlush = now();
        }
      }
      // Pass 2: fill in between, each point warm-started from its left neighbour.
      if (coarse.length < n) {
        for (let c = 0; c + 1 < coarse.length; c++) {
          for (let i = coarse[c] + 1; i < coarse[c + 1]; i++) {
            const r = solve(i, slots[i - 1] ?? null);
            if (r) return fail(r);
            if (now() - lastFlush >= chunkMs) {
              flush('fine', false, false);
              await yieldToEventLoop();
              lastFlush = now();
            }
          }
        }
        flush('fine', false, true);
      }
      const points = slots as ShallowPoint[];
      curves.set(key, { header, points });
      return { ok: true, value: { gen, n: points.length, elapsedMs: now() - t0, cached: false } };
    },

    async computeTransition(gen, params, alphaMax) {
      if (isStale('curve', gen)) return { ok: false, stale: true };
      const key = JSON.stringify([params.activation, params.gamma, params.delta, params.readout, params.weights, alphaMax]);
      const hit = transitions.get(key);
      if (hit) return { ok: true, value: hit };
      try {
        const value = modelFor(params).transition(alphaMax);
        transitions.set(key, value);
        return { ok: true, value };
      } catch (e) {
        return { ok: false, error: classify(e, 'transition') };
      }
    },

    async solveAt(gen, params, alpha, warm) {
      note('point', gen);
      if (isStale('point', gen)) return { ok: false, stale: true };
      try {
        return { ok: true, value: modelFor(params).solvePoint(alpha, warm) };
      } catch (e) {
        return { ok: false, error: classify(e, `at α = ${alpha}`) };
      }
    },

    async describeActivation(name): Promise<Outcome<ActivationInfo>> {
      try {
        const a = deps.getActivation(name);
        return {
          ok: true,
          value: {
            name: a.name,
            label: a.label,
            formula: a.formula,
            mu: Array.from(a.mu),
            g1: a.g1,
            Esigma2: a.Esigma2,
            isQuadratic: a.isQuadratic,
          },
        };
      } catch (e) {
        const err = classify(e);
        return { ok: false, error: { ...err, kind: err.kind === 'solver' ? 'activation' : err.kind } };
      }
    },
  };
}
