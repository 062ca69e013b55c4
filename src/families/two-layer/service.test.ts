// The two-layer worker service without a worker: theory payload, the peak inserted at p = n, streaming and
// cancellation of simulations by generation number.
import { describe, expect, it } from 'vitest';
import { cancel, computeTheory, CURVE_POINTS, simulateEscapeVsD, simulateRF, type RFSimPoint } from './service';

const base = {
  activation: 'relu',
  target: 'linear',
  alpha: 1.5,
  beta: 2,
  lambda: 0,
  noise: 0.1,
  alpha0: 8,
  eta: 1,
  ell: 2,
  d: 30,
};

describe('two-layer service', () => {
  it('theory: curves, the divergence at p = n, KRR ≥ floor, one-step limits', () => {
    const r = computeTheory(base);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const t = r.value;
    expect(t.alphaGrid.x.length).toBe(CURVE_POINTS + 3); // β(1 − 1e−9), β, β(1 + 1e−9) added to the grid
    const k = t.alphaGrid.x.indexOf(2);
    expect(t.alphaGrid.y[k]).toBe(Infinity);
    expect(t.alphaGrid.y[k - 1]).toBeGreaterThan(1e6);
    expect(t.floor).toBeCloseTo(0.01, 12);
    for (const v of t.krrAlpha.y) expect(v).toBeGreaterThan(t.floor);
    expect(t.oneStep.overlap).toBeGreaterThan(0.9);
    const finite = computeTheory({ ...base, lambda: 1e-2 });
    if (!finite.ok) throw new Error(JSON.stringify(finite));
    expect(finite.value.alphaGrid.y.every(Number.isFinite)).toBe(true);
  });
  it('bad parameters come back as a message, not NaN', () => {
    const r = computeTheory({ ...base, activation: 'linear' });
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ ok: false, error: { kind: 'param', message: expect.stringMatching(/non-linear/) } });
  });
  it('RF simulation streams one point per α and stops when cancelled', async () => {
    const pts: RFSimPoint[] = [];
    const done = await simulateRF(base, [0.5, 3], 2, 1, (p) => pts.push(p));
    expect(done.ok && !done.value.cancelled).toBe(true);
    expect(pts.map((p) => p.alpha)).toEqual([0.5, 3]);
    for (const p of pts) expect(Number.isFinite(p.mean) && Number.isFinite(p.se)).toBe(true);
    const late: RFSimPoint[] = [];
    const run = simulateRF(base, [0.5, 1, 3, 4], 3, 2, (p) => late.push(p));
    cancel('rf');
    const r = await run;
    expect(r.ok && r.value.cancelled).toBe(true);
    expect(late.length).toBeLessThan(4);
  });
  it('escape times against d: a newer generation stops the older run', async () => {
    const a = simulateEscapeVsD(1, 0.5, 2, 10, () => {});
    const b = simulateEscapeVsD(1, 0.5, 2, 11, () => {});
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.ok && ra.value.cancelled).toBe(true);
    expect(rb.ok && !rb.value.cancelled).toBe(true);
  });
});
