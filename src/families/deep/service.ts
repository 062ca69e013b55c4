// Compute placement for the L = 2 theory: generation checks, streaming (coarse pass first), an LRU of curves.
// No comlink here and the physics is injected, so it runs under vitest with a fake model.
import type { DeepModel, DeepParams, DeepPoint } from '../../physics/deep/deepModel';
import type { DeepSolution } from '../../physics/deep/deepSolver';
import { Lru } from '../../platform/compute/lru';
import { deepAlphaGrid, deepCurveKey, type DeepApi, type DeepChunk, type DeepCurvePoint, type DeepError, type DeepHeader, type DeepPointView } from './protocol';
import { messageOf, yieldToEventLoop } from '../../platform/compute/yield';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface DeepDeps {
  getDeepModel(p: DeepParams): Pick<DeepModel, 'solvePoint' | 'notes' | 'epsUniversal' | 'grid' | 'atoms' | 'system' | 'classOfAtom'>;
  ParamError?: ErrorClass;
  ActivationError?: ErrorClass;
}

export interface DeepServiceOptions {
  chunkMs?: number;
  coarseStep?: number;
  now?: () => number;
}

/** Residual tolerance of the curves' fixed points (the CLI keeps the default 1e−11). */
export const CURVE_SOLVE = { tol: 1e-9 };

export function viewOf(s: DeepSolution): DeepPointView {
  return { eps: s.eps, f: s.f, Q1mean: s.Q1mean, Q2mean: s.Q2mean, Q21mean: s.Q21mean, Q1: s.Q1, Q21: s.Q21, converged: s.converged, iterations: s.iterations };
}

export function createDeepService(deps: DeepDeps, opts: DeepServiceOptions = {}): DeepApi {
  const chunkMs = opts.chunkMs ?? 40;
  const coarseStep = Math.max(1, opts.coarseStep ?? 5);
  const now = opts.now ?? (() => performance.now());
  const curves = new Lru<string, { header: DeepHeader; points: DeepCurvePoint[] }>(24);
  let latest = 0;
  const classify = (e: unknown, where?: string): DeepError => {
    const message = messageOf(e);
    if (deps.ActivationError && e instanceof deps.ActivationError) return { kind: 'activation', message };
    if (deps.ParamError && e instanceof deps.ParamError) return { kind: 'param', message };
    return { kind: 'solver', message: where ? `${message} (${where})` : message };
  };

  return {
    supersede(gen) {
      latest = Math.max(latest, gen);
    },
    async computeCurve(req, onChunk) {
      const { gen, params, alphaMax, n } = req;
      latest = Math.max(latest, gen);
      const t0 = now();
      const key = deepCurveKey(params, alphaMax, n);
      const hit = curves.get(key);
      if (hit) {
        onChunk({ gen, header: hit.header, indices: hit.points.map((_, i) => i), points: hit.points, spansRange: true, done: true, cached: true });
        return { ok: true, value: { gen, elapsedMs: now() - t0, cached: true } };
      }
      // A slider drag queues many requests, and a new (η, γ1) costs a table build (~1 s) that cannot be
      // interrupted: let newer requests arrive first, and build nothing for a superseded one.
      await yieldToEventLoop();
      if (latest > gen) return { ok: false, stale: true };
      let model: ReturnType<DeepDeps['getDeepModel']>;
      try {
        model = deps.getDeepModel(params); // builds the mmse tables on first use (~1 s)
      } catch (e) {
        return { ok: false, error: classify(e) };
      }
      if (latest > gen) return { ok: false, stale: true };
      const alphas = deepAlphaGrid(alphaMax, n);
      const header: DeepHeader = {
        key,
        alphas,
        s: Array.from(model.grid.s),
        v: Array.from(model.atoms.v),
        classOfAtom: model.classOfAtom,
        notes: [...model.notes],
        epsUniversal: model.epsUniversal,
        Kd: model.system.Kd,
      };
      // Coarse pass (every coarseStep-th point, so the whole range is drawn early), then the rest; both from the
      // largest α down, each point continued from the solved one just above it (DeepModel.solvePoint's `from`).
      const order: number[] = [];
      for (let i = n - 1; i >= coarseStep - 1; i--) if ((i + 1) % coarseStep === 0) order.push(i);
      const coarseCount = order.length;
      for (let i = n - 1; i >= 0; i--) if ((i + 1) % coarseStep !== 0) order.push(i);
      const points: (DeepCurvePoint | undefined)[] = new Array(n);
      const solved: (DeepPoint | undefined)[] = new Array(n);
      const above = (i: number): DeepPoint | null => {
        for (let j = i + 1; j < n; j++) if (solved[j]) return solved[j] as DeepPoint;
        return null;
      };
      let pendingIdx: number[] = [];
      let pendingPts: DeepCurvePoint[] = [];
      let headerSent = false;
      let lastFlush = now();
      const flush = (spansRange: boolean, done: boolean) => {
        const chunk: DeepChunk = { gen, indices: pendingIdx, points: pendingPts, spansRange, done, cached: false };
        if (!headerSent) chunk.header = header;
        headerSent = true;
        onChunk(chunk);
        pendingIdx = [];
        pendingPts = [];
      };
      for (let k = 0; k < order.length; k++) {
        if (latest > gen) return { ok: false, stale: true };
        const i = order[k];
        try {
          const pt = model.solvePoint(alphas[i], CURVE_SOLVE, above(i)); // ε to ~1e−9: ample for the plots
          solved[i] = pt;
          const branches = {} as DeepCurvePoint['branches'];
          for (const [b, s] of Object.entries(pt.branches)) branches[b as keyof typeof branches] = viewOf(s);
          points[i] = { alpha: alphas[i], equilibrium: pt.equilibrium, eq: viewOf(pt.eq), branches };
        } catch (e) {
          return { ok: false, error: classify(e, `at α = ${alphas[i].toFixed(3)}`) };
        }
        pendingIdx.push(i);
        pendingPts.push(points[i] as DeepCurvePoint);
        const last = k === order.length - 1;
        if (last || k === coarseCount - 1 || now() - lastFlush >= chunkMs) {
          flush(k >= coarseCount - 1, last);
          await yieldToEventLoop(); // newer requests (supersede) are delivered here
          lastFlush = now();
        }
      }
      curves.set(key, { header, points: points as DeepCurvePoint[] });
      return { ok: true, value: { gen, elapsedMs: now() - t0, cached: false } };
    },
  };
}
