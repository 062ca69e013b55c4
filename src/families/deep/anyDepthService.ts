// Compute placement of the any-depth theory (depth L ≥ 3 in the deep tab): the shown depth's curves, the compared
// depths L = 1 … 5, and α_sp, α_e for L = 1 … 8, in one reply (a few tens of ms once the g table is built).
// The physics is injected, so it runs under vitest with a fake model.
import { uniformLayers, type AnyDepthModel, type AnyDepthParams } from '../../physics/deep/anyDepth/anyDepthModel';
import { Lru } from '../../platform/compute/lru';
import {
  attempt,
  classifier,
  failed,
  ok,
  STALE,
  type ErrorClasses,
  type Outcome,
} from '../../platform/compute/outcome';
import { yieldToEventLoop } from '../../platform/compute/yield';
import {
  anyDepthKey,
  COMPARE_DEPTHS,
  THRESHOLD_DEPTHS,
  type AnyDepthCurve,
  type AnyDepthRequest,
  type AnyDepthResult,
} from './anyDepthProtocol';

export interface AnyDepthDeps extends ErrorClasses {
  getAnyDepthModel?: (p: AnyDepthParams) => Pick<AnyDepthModel, 'curve' | 'transition'>;
}

/** The α/L grid of a curve: n points on (0, alphaOverLMax]. */
export function alphaOverLGrid(alphaOverLMax: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => +((alphaOverLMax * (i + 1)) / n).toPrecision(12));
}

function curveOf(
  model: Pick<AnyDepthModel, 'curve' | 'transition'>,
  depth: number,
  req: AnyDepthRequest,
): AnyDepthCurve {
  const alphas = alphaOverLGrid(req.alphaOverLMax, req.n).map((a) => a * depth);
  const pts = model.curve(alphas);
  const tr = model.transition(Infinity);
  return {
    depth,
    alphas,
    eqEps: pts.map((p) => p.eq.eps),
    specEps: pts.map((p) => p.specialised?.eps ?? null),
    equilibriumSpec: pts.map((p) => p.equilibrium === 'specialised'),
    specQ: pts.map((p) => p.specialised?.q ?? null),
    alphaSp: tr.spinodalSpec,
    alphaE: tr.alphaSp,
    epsE: tr.epsSp,
  };
}

/** `isStale(gen)`: a newer request has arrived (checked between depths). */
export function createAnyDepthCompute(
  deps: AnyDepthDeps,
  isStale: (gen: number) => boolean,
  now: () => number = () => performance.now(),
): (req: AnyDepthRequest) => Promise<Outcome<AnyDepthResult>> {
  const classify = classifier(deps);
  const cache = new Lru<string, AnyDepthResult>(16);
  return async (req) => {
    const t0 = now();
    const key = anyDepthKey(req);
    const hit = cache.get(key);
    if (hit) return ok({ ...hit, gen: req.gen, elapsedMs: now() - t0 });
    const get = deps.getAnyDepthModel;
    if (!get) return failed('worker', 'the any-depth theory is not loaded in this worker');
    const modelAt = (depth: number) => get(uniformLayers(depth, req));
    const depths = [req.depth, ...(req.compare ? COMPARE_DEPTHS.filter((L) => L !== req.depth) : [])];
    const curves: AnyDepthCurve[] = [];
    for (const depth of depths) {
      await yieldToEventLoop();
      if (isStale(req.gen)) return STALE;
      const r = attempt(classify, () => curveOf(modelAt(depth), depth, req), `at depth ${depth}`);
      if (!r.ok) return r;
      curves.push(r.value);
    }
    const thresholds = [];
    for (const depth of THRESHOLD_DEPTHS) {
      const c = curves.find((x) => x.depth === depth);
      if (c) {
        thresholds.push({ depth, alphaSp: c.alphaSp, alphaE: c.alphaE });
        continue;
      }
      if (isStale(req.gen)) return STALE;
      const r = attempt(classify, () => modelAt(depth).transition(Infinity), `at depth ${depth}`);
      if (!r.ok) return r;
      thresholds.push({ depth, alphaSp: r.value.spinodalSpec, alphaE: r.value.alphaSp });
    }
    const result: AnyDepthResult = { gen: req.gen, key, curves, thresholds, elapsedMs: now() - t0 };
    cache.set(key, result);
    return ok(result);
  };
}
