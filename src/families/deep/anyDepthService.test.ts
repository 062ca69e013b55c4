import { describe, expect, it } from 'vitest';
import { getAnyDepthModel } from '../../physics/deep/anyDepth/anyDepthModel';
import { ActivationError, ParamError } from '../../physics/errors';
import type { AnyDepthRequest } from './anyDepthProtocol';
import { createAnyDepthCompute } from './anyDepthService';

const REQ: AnyDepthRequest = {
  gen: 1,
  activation: 'tanh2-nolin',
  gamma: 1,
  delta: 0.1,
  readout: 'ones',
  weights: 'gaussian',
  depth: 3,
  compare: true,
  alphaOverLMax: 4,
  n: 40,
};

describe('any-depth compute (deep tab, L ≥ 3)', () => {
  const deps = { getAnyDepthModel, ParamError, ActivationError };

  it('returns the shown depth first, the compared depths, thresholds for L = 1 … 8, and caches', async () => {
    const compute = createAnyDepthCompute(deps, () => false);
    const r = await compute(REQ);
    if (!r.ok) throw new Error('expected a result');
    expect(r.value.curves.map((c) => c.depth)).toEqual([3, 1, 2, 4, 5]);
    expect(r.value.thresholds.map((t) => t.depth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const c3 = r.value.curves[0];
    expect(c3.alphas[c3.alphas.length - 1]).toBeCloseTo(12, 12); // α = L · α/L
    expect(c3.alphaE!).toBeGreaterThan(c3.alphaSp!);
    // Below α_sp: no specialised point; beyond α_e the equilibrium is specialised.
    expect(c3.specEps[0]).toBeNull();
    expect(c3.equilibriumSpec[c3.alphas.length - 1]).toBe(true);
    expect(c3.specQ[c3.alphas.length - 1]).toHaveLength(3);
    const again = await compute({ ...REQ, gen: 2 });
    expect(again.ok && again.value.gen).toBe(2);
  });

  it('classifies a refused activation, and ends quietly when superseded', async () => {
    const bad = await createAnyDepthCompute(deps, () => false)({ ...REQ, activation: 'tanh2-unit' });
    expect(!bad.ok && !bad.stale && bad.error.kind).toBe('activation');
    const stale = await createAnyDepthCompute(deps, () => true)(REQ);
    expect(!stale.ok && stale.stale).toBe(true);
  });
});
