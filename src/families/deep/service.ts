// Compute placement for the L = 2 theory: generation checks, streaming (coarse pass first), an LRU of curves.
// No comlink here and the physics is injected, so it runs under vitest with a fake model.
import type { DeepModel, DeepPoint } from '../../physics/deep/deepModel';
import type { DeepParams } from '../../physics/deep/deepParams';
import type { DeepSolution } from '../../physics/deep/deepSolver';
import { streamCurve } from '../../platform/compute/curveStream';
import { createGenerations } from '../../platform/compute/generations';
import { Lru } from '../../platform/compute/lru';
import { attempt, classifier, ok, STALE, type ErrorClasses } from '../../platform/compute/outcome';
import { yieldToEventLoop } from '../../platform/compute/yield';
import {
  DEEP_CHANNELS,
  deepAlphaGrid,
  deepCurveKey,
  type DeepApi,
  type DeepCurvePoint,
  type DeepHeader,
  type DeepPointView,
  type DenoiserTable,
} from './protocol';
import { createAnyDepthCompute, type AnyDepthDeps } from './anyDepthService';

/** The denoiser tables of physics/deep/denoiser.ts, for building them in one worker and using them in another. */
export interface TableDeps {
  shapes(p: DeepParams): { eta: number; gamma1: number }[];
  has(eta: number, gamma1: number): boolean;
  /** The knots of the (η, γ1) table, built here if needed; undefined for a scalar channel (no table). */
  knots(eta: number, gamma1: number): ArrayLike<number> | undefined;
  install(eta: number, gamma1: number, knots: ArrayLike<number>): void;
}

export interface DeepDeps extends ErrorClasses, AnyDepthDeps {
  tables?: TableDeps;
  getDeepModel(
    p: DeepParams,
  ): Pick<DeepModel, 'solvePoint' | 'notes' | 'epsUniversal' | 'grid' | 'atoms' | 'system' | 'classOfAtom'>;
}

export interface DeepServiceOptions {
  chunkMs?: number;
  coarseStep?: number;
  now?: () => number;
}

/** Residual tolerance of the curves' fixed points (the CLI keeps the default 1e−11). */
export const CURVE_SOLVE = { tol: 1e-9 };

export function viewOf(s: DeepSolution): DeepPointView {
  return {
    eps: s.eps,
    f: s.f,
    Q1mean: s.Q1mean,
    Q2mean: s.Q2mean,
    Q21mean: s.Q21mean,
    Q1: s.Q1,
    Q21: s.Q21,
    converged: s.converged,
    iterations: s.iterations,
  };
}

export function createDeepService(deps: DeepDeps, opts: DeepServiceOptions = {}): DeepApi {
  const chunkMs = opts.chunkMs ?? 40;
  // 15 of the 100 points span the range: their ~3 ms each are most of a slider move's wait (20 points took 35–70 ms
  // in the page on two cores).
  const coarseStep = Math.max(1, opts.coarseStep ?? 7);
  const now = opts.now ?? (() => performance.now());
  const curves = new Lru<string, { header: DeepHeader; points: DeepCurvePoint[] }>(24);
  const generations = createGenerations(DEEP_CHANNELS);
  const classify = classifier(deps);
  const isStale = (gen: number) => generations.isStale('curve', gen);

  const anyDepth = createAnyDepthCompute(deps, (gen) => generations.isStale('anyDepth', gen), now);

  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,
    async buildTables(gen, params) {
      generations.note('tables', gen);
      const t = deps.tables;
      if (!t) return ok([]);
      const shapes = attempt(classify, () => t.shapes(params));
      if (!shapes.ok) return shapes;
      const out: DenoiserTable[] = [];
      for (const { eta, gamma1 } of shapes.value) {
        await yieldToEventLoop(); // a newer request gets in before the next table (~1 s, not interruptible)
        if (generations.isStale('tables', gen)) return STALE;
        const knots = attempt(classify, () => t.knots(eta, gamma1));
        if (!knots.ok) return knots;
        if (knots.value) out.push({ eta, gamma1, knots: Array.from(knots.value) });
      }
      return ok(out);
    },
    async installTables(tables) {
      const t = deps.tables;
      if (!t) return ok(0);
      let added = 0;
      for (const { eta, gamma1, knots } of tables) {
        if (t.has(eta, gamma1)) continue;
        const r = attempt(classify, () => t.install(eta, gamma1, knots));
        if (!r.ok) return r;
        added++;
      }
      return ok(added);
    },
    computeAnyDepth(req) {
      generations.note('anyDepth', req.gen);
      return anyDepth(req);
    },
    async computeCurve(req, onChunk) {
      const { gen, params, alphaMax, n } = req;
      generations.note('curve', gen);
      const t0 = now();
      const key = deepCurveKey(params, alphaMax, n);
      const hit = curves.get(key);
      if (hit) {
        onChunk({
          gen,
          header: hit.header,
          indices: hit.points.map((_, i) => i),
          points: hit.points,
          phase: 'fine',
          spansRange: true,
          done: true,
          cached: true,
        });
        return ok({ gen, elapsedMs: now() - t0, cached: true });
      }
      // A slider drag queues many requests, and a new (η, γ1) costs a table build (~1 s) that cannot be
      // interrupted: let newer requests arrive first, and build nothing for a superseded one.
      await yieldToEventLoop();
      if (isStale(gen)) return STALE;
      const built = attempt(classify, () => deps.getDeepModel(params)); // builds the mmse tables on first use (~1 s)
      if (!built.ok) return built;
      const model = built.value;
      if (isStale(gen)) return STALE;
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
      // From the largest α down, each point continued from the solved one just above it (DeepModel.solvePoint's
      // `from`); the curve starts at α = alphaMax/n, reached by the fine pass.
      let headerSent = false;
      const r = await streamCurve<DeepPoint, DeepCurvePoint>({
        n,
        coarseStep,
        direction: 'down',
        withFarEnd: false,
        chunkMs,
        now,
        isStale: () => isStale(gen),
        solve: (i, from) => model.solvePoint(alphas[i], CURVE_SOLVE, from), // ε to ~1e−9: ample for the plots
        view: (pt, i) => {
          const branches = {} as DeepCurvePoint['branches'];
          for (const [b, s] of Object.entries(pt.branches)) branches[b as keyof typeof branches] = viewOf(s);
          return { alpha: alphas[i], equilibrium: pt.equilibrium, eq: viewOf(pt.eq), branches };
        },
        emit: (c) => {
          onChunk(headerSent ? { gen, ...c, cached: false } : { gen, ...c, header, cached: false });
          headerSent = true;
        },
      });
      if (!r.ok)
        return r.stale ? STALE : { ok: false, error: classify(r.error, `at α = ${alphas[r.index].toFixed(3)}`) };
      curves.set(key, { header, points: r.points });
      return ok({ gen, elapsedMs: now() - t0, cached: false });
    },
  };
}
