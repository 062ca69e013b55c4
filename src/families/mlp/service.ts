// Compute placement for the shallow-MLP theory: generation checks, streaming in chunks, warm starts, LRU caches.
// No comlink and no physics imports here (the worker injects them), so this runs under vitest with a fake model.
import type { ShallowParams, ShallowPoint } from '../../physics/types';
import type { ShallowModel, TransitionResult } from '../../physics/mlp/shallowModel';
import { streamCurve } from '../../platform/compute/curveStream';
import { yieldToEventLoop } from '../../platform/compute/yield';
import { createGenerations } from '../../platform/compute/generations';
import { Lru } from '../../platform/compute/lru';
import { attempt, classifier, ok, STALE, type ErrorClasses, type Outcome } from '../../platform/compute/outcome';
import {
  alphaGrid,
  CHANNELS,
  curveKey,
  type ActivationInfo,
  type CurveHeader,
  type CurveRequest,
  type CurveSummary,
  type OverlapProfile,
  type TheoryApi,
} from './protocol';

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

export interface PhysicsDeps extends ErrorClasses {
  validateShallowParams(p: Partial<ShallowParams>): ShallowParams;
  getShallowModel(
    p: ShallowParams,
  ): Pick<ShallowModel, 'atoms' | 'notes' | 'pinnedUniversal' | 'theoryUnverified' | 'solvePoint' | 'transition'>;
  /** Builds and caches the model ahead of need; stops (throws) while building its table once `shouldStop` says so. */
  prepareShallowModel(p: ShallowParams, shouldStop: () => boolean): void;
  getActivation(name: string): ActivationLike;
  /** The overlap profile at α: of `known` (a point the worker solved there) or solved from `warm` (profile.ts). */
  profileAt(
    params: ShallowParams,
    alpha: number,
    known: ShallowPoint | null,
    warm: ShallowPoint | null,
  ): OverlapProfile;
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
  let lastSolved: { key: string; point: ShallowPoint } | null = null; // solveAt's, for the profile at that α
  const generations = createGenerations(CHANNELS);
  const classify = classifier(deps);
  const modelFor = (params: ShallowParams) => deps.getShallowModel(deps.validateShallowParams(params));

  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,

    async computeCurve(req: CurveRequest, onChunk): Promise<Outcome<CurveSummary>> {
      const { gen, grid } = req;
      generations.note('curve', gen);
      const t0 = now();
      const key = curveKey(req.params, grid);
      const hit = curves.get(key);
      if (hit) {
        const indices = hit.points.map((_, i) => i);
        onChunk({
          gen,
          indices,
          points: hit.points,
          header: hit.header,
          phase: 'fine',
          spansRange: true,
          done: true,
          cached: true,
        });
        return ok({ gen, n: hit.points.length, elapsedMs: now() - t0, cached: true });
      }
      // Superseded before it started (two parameters set in one event, each sent at once): no model to build.
      if (generations.isStale('curve', gen)) return STALE;
      const built = attempt(classify, () => modelFor(req.params));
      if (!built.ok) return built;
      const model = built.value;
      if (generations.isStale('curve', gen)) return STALE;
      const alphas = alphaGrid(grid);
      const header: CurveHeader = {
        key,
        alphas,
        notes: [...model.notes],
        pinnedUniversal: model.pinnedUniversal,
        theoryUnverified: model.theoryUnverified,
        atoms: { law: model.atoms.law, v: Array.from(model.atoms.v), p: Array.from(model.atoms.p) },
      };
      let headerSent = false;
      // Ascending α, each point warm-started from the solved one to its left.
      const r = await streamCurve<ShallowPoint, ShallowPoint>({
        n: alphas.length,
        coarseStep,
        direction: 'up',
        chunkMs,
        now,
        isStale: () => generations.isStale('curve', gen),
        solve: (i, warm) => model.solvePoint(alphas[i], warm),
        view: (p) => p,
        emit: (c) => {
          onChunk({ gen, ...c, header: headerSent ? undefined : header, cached: false });
          headerSent = true;
        },
      });
      if (!r.ok)
        return r.stale ? STALE : { ok: false, error: classify(r.error, `at α = ${alphas[r.index].toFixed(3)}`) };
      curves.set(key, { header, points: r.points });
      return ok({ gen, n: r.points.length, elapsedMs: now() - t0, cached: false });
    },

    async computeTransition(gen, params, alphaMax) {
      if (generations.isStale('curve', gen)) return STALE;
      const key = JSON.stringify([
        params.activation,
        params.gamma,
        params.delta,
        params.readout,
        params.weights,
        alphaMax,
      ]);
      const hit = transitions.get(key);
      if (hit) return ok(hit);
      // A scan of a continuous law takes up to seconds: it stops between its α points once a newer curve is asked
      // for (shared generations), so that it does not hold a core while the next curve computes.
      const stale = () => generations.isStale('curve', gen);
      const r = attempt(classify, () => modelFor(params).transition(alphaMax, stale), 'transition');
      if (!r.ok && stale()) return STALE; // stopped (Superseded), or failed after it was superseded
      if (r.ok) transitions.set(key, r.value);
      return r;
    },

    async solveAt(gen, params, alpha, warm) {
      generations.note('point', gen);
      if (generations.isStale('point', gen)) return STALE;
      const r = attempt(classify, () => modelFor(params).solvePoint(alpha, warm), `at α = ${alpha}`);
      if (r.ok) lastSolved = { key: JSON.stringify([params, alpha]), point: r.value };
      return r;
    },

    async computeProfile(gen, params, alpha, grid, warm) {
      generations.note('profile', gen);
      if (generations.isStale('profile', gen)) return STALE;
      const onCurve = curves.get(curveKey(params, grid))?.points.find((p) => p.alpha === alpha);
      const solved = lastSolved?.key === JSON.stringify([params, alpha]) ? lastSolved.point : null;
      const known = onCurve ?? solved;
      return attempt(classify, () => deps.profileAt(params, alpha, known, warm), `Q(v) at α = ${alpha}`);
    },

    async prefetchModels(gen, list) {
      let built = 0;
      for (const p of list) {
        await yieldToEventLoop(); // a newer request queued meanwhile goes first
        const stale = () => generations.isStale('curve', gen);
        if (stale()) return built ? ok(built) : STALE;
        // A table build (~200 ms) stops once a newer curve is asked for: that request must not wait for it.
        // Errors (a γ out of range) are the curve request's to report, if the user ever moves there.
        const r = attempt(classify, () => deps.prepareShallowModel(deps.validateShallowParams(p), stale));
        if (r.ok) built++;
        else if (stale()) return built ? ok(built) : STALE;
      }
      return ok(built);
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
