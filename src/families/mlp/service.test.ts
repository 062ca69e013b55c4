import { describe, expect, it } from 'vitest';
import type { BranchSolution, ShallowParams, ShallowPoint } from '../../physics/types';
import { createTheoryService, type PhysicsDeps } from './service';
import { type CurveChunk } from './protocol';

class FakeParamError extends Error {}
class FakeActivationError extends Error {}

const params: ShallowParams = { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'gaussian' };

function branch(kind: 'universal' | 'specialised', eps: number): BranchSolution {
  return {
    kind,
    eps,
    f: -eps,
    R2: 1 - eps,
    R2hat: 1,
    tau: 0,
    Q: [kind === 'universal' ? 0 : 0.9],
    Qhat: [0],
    converged: true,
    iterations: 3,
    residual: 1e-12,
  };
}

/** What profileAt was given: the point it profiles (known) or the warm start it would solve from. */
const profileLog: Array<{ known: ShallowPoint | null; warm: ShallowPoint | null }> = [];

function fakeDeps(
  log: { warm: (ShallowPoint | null)[]; solves: number; transitions?: number },
  opts: { throwAt?: number } = {},
): PhysicsDeps {
  return {
    validateShallowParams(p) {
      if (typeof p.gamma !== 'number' || p.gamma <= 0) throw new FakeParamError('gamma must be positive');
      return p as ShallowParams;
    },
    prepareShallowModel(p, shouldStop) {
      if (shouldStop()) throw new Error('table build stopped');
      this.getShallowModel(p);
    },
    getShallowModel() {
      return {
        atoms: { law: 'ones', v: new Float64Array([1]), p: new Float64Array([1]) },
        notes: ['a note'],
        pinnedUniversal: false,
        theoryUnverified: false,
        solvePoint(alpha: number, warm?: ShallowPoint | null): ShallowPoint {
          log.solves++;
          log.warm.push(warm ?? null);
          if (opts.throwAt !== undefined && alpha >= opts.throwAt) throw new Error('boom');
          const u = branch('universal', 1 / (1 + alpha));
          return {
            alpha,
            eps: u.eps,
            epsUni: u.eps,
            equilibrium: 'universal',
            universal: u,
            specialised: null,
            stationary: [],
          };
        },
        transition: (_alphaMax?: number, shouldStop?: () => boolean) => {
          if (shouldStop?.()) throw Object.assign(new Error('stopped'), { name: 'Superseded' });
          log.transitions = (log.transitions ?? 0) + 1;
          return {
            alphaSp: 1.5,
            alphaOnset: 1.5,
            spinodalSpec: 1.2,
            spinodalUni: 2,
            order: 'first-order' as const,
            onset: null,
            jumps: [{ alpha: 1.5, spinodalLow: 1.2, spinodalHigh: 2, qBelow: 0, qAbove: 0.9 }],
            alphaMax: 16,
            converged: true,
          };
        },
      };
    },
    getActivation(name) {
      if (name.startsWith('expr:') && name.includes('?'))
        throw new FakeActivationError(`cannot parse "${name.slice(5)}"`);
      return {
        name,
        label: name,
        formula: 'max(x,0)',
        mu: [0.4, 0.5, 0.4, 0, -0.1, 0, 0.05],
        Esigma2: 0.5,
        g1: 0.0113,
        isQuadratic: false,
      };
    },
    profileAt(_, alpha, known, warm) {
      profileLog.push({ known, warm });
      return { alpha, law: 'ones', continuous: false, density: { v: [1], p: [1] }, branches: [] };
    },
    ParamError: FakeParamError,
    ActivationError: FakeActivationError,
  };
}

const grid = { min: 0.02, max: 8, n: 50 };

describe('theory service', () => {
  it('streams a coarse pass over the whole range first, then fills in, with warm starts from the neighbouring α', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const svc = createTheoryService(fakeDeps(log), { chunkMs: 0, coarseStep: 8 });
    const chunks: CurveChunk[] = [];
    const r = await svc.computeCurve({ gen: 1, params, grid }, (c) => chunks.push(c));
    expect(r).toMatchObject({ ok: true, value: { gen: 1, n: 50, cached: false } });
    const alphas = chunks[0].header!.alphas;
    expect(alphas).toHaveLength(50);
    expect(chunks[0].header?.notes).toEqual(['a note']);
    expect(chunks.slice(1).every((c) => c.header === undefined)).toBe(true);
    expect(chunks.at(-1)?.done).toBe(true);
    expect(chunks.filter((c) => c.done)).toHaveLength(1);
    // Coarse pass: indices 0, 8, …, 48 and 49; the chunk that completes it says so.
    const spanIdx = chunks.findIndex((c) => c.spansRange);
    const coarse = chunks.slice(0, spanIdx + 1).flatMap((c) => c.indices);
    expect(coarse).toEqual([0, 8, 16, 24, 32, 40, 48, 49]);
    expect(chunks.slice(0, spanIdx + 1).every((c) => c.phase === 'coarse')).toBe(true);
    // Every grid point exactly once, with its own α.
    const all = chunks.flatMap((c) => c.indices);
    expect([...all].sort((a, b) => a - b)).toEqual(alphas.map((_, i) => i));
    chunks.forEach((c) => c.points.forEach((p, j) => expect(p.alpha).toBe(alphas[c.indices[j]])));
    // Warm starts: coarse points from the previous coarse point, fine points from their left neighbour.
    expect(log.warm[0]).toBeNull();
    for (let k = 1; k < 8; k++) expect(log.warm[k]?.alpha).toBe(alphas[coarse[k - 1]]);
    for (let k = 8; k < 50; k++) expect(log.warm[k]?.alpha).toBe(alphas[all[k] - 1]);
  });

  it('answers a repeated request from the LRU cache in one chunk', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const svc = createTheoryService(fakeDeps(log));
    await svc.computeCurve({ gen: 1, params, grid }, () => {});
    const chunks: CurveChunk[] = [];
    const r = await svc.computeCurve({ gen: 2, params, grid }, (c) => chunks.push(c));
    expect(r).toMatchObject({ ok: true, value: { cached: true, gen: 2 } });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ gen: 2, done: true, spansRange: true, cached: true });
    expect(chunks[0].indices).toEqual(chunks[0].points.map((_, i) => i));
    expect(chunks[0].points).toHaveLength(50);
    expect(log.solves).toBe(50);
  });

  it('drops a curve superseded by a newer generation (message fallback)', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const svc = createTheoryService(fakeDeps(log), { chunkMs: 0 });
    const first = svc.computeCurve({ gen: 1, params, grid }, () => {});
    const second = svc.computeCurve({ gen: 2, params: { ...params, delta: 0.2 }, grid }, () => {});
    expect(await first).toEqual({ ok: false, stale: true });
    expect(await second).toMatchObject({ ok: true });
    expect(log.solves).toBeLessThan(100);
  });

  it('builds no model for a curve already superseded in shared memory when its turn comes', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const deps = fakeDeps(log);
    const built: number[] = [];
    const svc = createTheoryService({
      ...deps,
      getShallowModel: (p) => {
        built.push(p.delta);
        return deps.getShallowModel(p);
      },
    });
    const gens = new Int32Array(new SharedArrayBuffer(8));
    svc.attachGenerations(gens.buffer as SharedArrayBuffer);
    gens[0] = 2; // the page sent generation 2 right after 1, in the same event
    expect(await svc.computeCurve({ gen: 1, params: { ...params, delta: 0.3 }, grid }, () => {})).toEqual({
      ok: false,
      stale: true,
    });
    expect(await svc.computeCurve({ gen: 2, params, grid }, () => {})).toMatchObject({ ok: true });
    expect(built).toEqual([params.delta]);
  });

  it('drops stale work seen through shared generation counters between α points', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const svc = createTheoryService(fakeDeps(log), { chunkMs: 1e9 });
    const gens = new Int32Array(new SharedArrayBuffer(8));
    svc.attachGenerations(gens.buffer as SharedArrayBuffer);
    const deps = fakeDeps(log);
    // A newer request published in shared memory while the first curve runs (the 10th solve bumps it).
    const model = deps.getShallowModel(params);
    const svc2 = createTheoryService({
      ...deps,
      getShallowModel: () => ({
        ...model,
        solvePoint: (a, w) => {
          if (log.solves === 10) Atomics.store(gens, 0, 5);
          return model.solvePoint(a, w);
        },
      }),
    });
    svc2.attachGenerations(gens.buffer as SharedArrayBuffer);
    expect(await svc2.computeCurve({ gen: 4, params, grid }, () => {})).toEqual({ ok: false, stale: true });
    expect(log.solves).toBe(11);
    expect(await svc.computeTransition(4, params, 8)).toEqual({ ok: false, stale: true });
    expect(await svc.computeTransition(5, params, 8)).toMatchObject({ ok: true, value: { alphaSp: 1.5 } });
  });

  it('a transition scan superseded while it runs stops there, answers stale and caches nothing', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0, transitions: 0 };
    const deps = fakeDeps(log);
    const model = deps.getShallowModel(params);
    const gens = new Int32Array(new SharedArrayBuffer(8));
    let bump = true;
    const svc = createTheoryService({
      ...deps,
      getShallowModel: () => ({
        ...model,
        transition: (alphaMax?: number, shouldStop?: () => boolean) => {
          if (bump) Atomics.store(gens, 0, 9); // a newer curve is asked for while this scan runs
          return model.transition(alphaMax, shouldStop);
        },
      }),
    });
    svc.attachGenerations(gens.buffer as SharedArrayBuffer);
    expect(await svc.computeTransition(8, params, 8)).toEqual({ ok: false, stale: true });
    expect(log.transitions).toBe(0);
    bump = false;
    expect(await svc.computeTransition(9, params, 8)).toMatchObject({ ok: true, value: { alphaSp: 1.5 } });
    expect(log.transitions).toBe(1);
  });

  it('reports parameter, activation and solver errors as values with readable messages', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const svc = createTheoryService(fakeDeps(log, { throwAt: 3 }));
    expect(await svc.computeCurve({ gen: 1, params: { ...params, gamma: -1 }, grid }, () => {})).toEqual({
      ok: false,
      error: { kind: 'param', message: 'gamma must be positive' },
    });
    const r = await svc.computeCurve({ gen: 2, params, grid }, () => {});
    expect(r.ok).toBe(false);
    if (!r.ok && !r.stale) {
      expect(r.error.kind).toBe('solver');
      expect(r.error.message).toMatch(/boom \(at α = 3\.\d+\)/);
    }
    expect(await svc.describeActivation('expr:x?')).toEqual({
      ok: false,
      error: { kind: 'activation', message: 'cannot parse "x?"' },
    });
    expect(await svc.describeActivation('relu')).toMatchObject({
      ok: true,
      value: { mu: [0.4, 0.5, 0.4, 0, -0.1, 0, 0.05], g1: 0.0113 },
    });
  });

  it('solves a single α with the given warm start, ignoring superseded point requests', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const svc = createTheoryService(fakeDeps(log));
    svc.supersede('point', 3);
    expect(await svc.solveAt(2, params, 1, null)).toEqual({ ok: false, stale: true });
    const r = await svc.solveAt(3, params, 1, null);
    expect(r).toMatchObject({ ok: true, value: { alpha: 1, eps: 0.5 } });
  });

  it('builds the models of the next γ steps ahead, in order, and stops when a newer curve is requested', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const deps = fakeDeps(log);
    const built: number[] = [];
    const svc = createTheoryService({
      ...deps,
      prepareShallowModel: (p, shouldStop) => {
        built.push(p.gamma);
        deps.prepareShallowModel(p, shouldStop);
      },
      getShallowModel: (p) => {
        built.push(p.gamma);
        return deps.getShallowModel(p);
      },
    });
    const next = [0.52, 0.5].map((gamma) => ({ ...params, gamma }));
    expect(await svc.prefetchModels(1, [...next, { ...params, gamma: -1 }])).toEqual({ ok: true, value: 2 });
    expect(built).toEqual([0.52, 0.5]);
    // A curve request of a later generation arrives before the prefetch gets its turn: nothing is built.
    const stale = svc.prefetchModels(1, next);
    const curve = svc.computeCurve({ gen: 2, params, grid }, () => {});
    expect(await stale).toEqual({ ok: false, stale: true });
    expect(await curve).toMatchObject({ ok: true });
    expect(built).toEqual([0.52, 0.5, 0.5]); // the curve's own model only
  });

  it('a model built ahead stops inside its table build once a newer curve is published, and answers stale', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const deps = fakeDeps(log);
    const gens = new Int32Array(new SharedArrayBuffer(8));
    let polled = 0;
    const svc = createTheoryService({
      ...deps,
      prepareShallowModel: (p, shouldStop) => {
        gens[0] = 3; // the user moved on while this table was being built
        polled++;
        deps.prepareShallowModel(p, shouldStop);
      },
    });
    svc.attachGenerations(gens.buffer as SharedArrayBuffer);
    const next = [0.52, 0.54].map((gamma) => ({ ...params, gamma }));
    expect(await svc.prefetchModels(2, next)).toEqual({ ok: false, stale: true });
    expect(polled).toBe(1); // the second model was not started
  });

  it('profiles the point of the cached curve or of the last solveAt at that α, else solves from the warm start', async () => {
    const log = { warm: [] as (ShallowPoint | null)[], solves: 0 };
    const svc = createTheoryService(fakeDeps(log), { chunkMs: 0 });
    const points: ShallowPoint[] = [];
    await svc.computeCurve({ gen: 1, params, grid }, (c) => points.push(...c.points));
    const onGrid = points[10];
    profileLog.length = 0;
    expect(await svc.computeProfile(1, params, onGrid.alpha, grid, null)).toMatchObject({ ok: true });
    const solved = await svc.solveAt(1, params, 4.1, onGrid);
    expect(await svc.computeProfile(2, params, 4.1, grid, onGrid)).toMatchObject({ ok: true });
    expect(await svc.computeProfile(3, params, 4.2, grid, onGrid)).toMatchObject({ ok: true });
    expect(profileLog).toEqual([
      { known: onGrid, warm: null },
      { known: solved.ok ? solved.value : 'none', warm: onGrid },
      { known: null, warm: onGrid },
    ]);
    expect(profileLog[0].known).toBe(onGrid); // the very object: its continua are the model's (profile.ts)
    svc.supersede('profile', 5);
    expect(await svc.computeProfile(4, params, 4, grid, null)).toEqual({ ok: false, stale: true });
  });
});
