// A simulation panel's form and finished runs survive a reload; leaving during a run asks first (issue 21, point 7).
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { SimProgress } from '../../sim/simulation';
import { keepSim } from './keep';
import { runSlice, type FinishedRun, type RunSlice, type SimFormCommon } from './runSlice';
import { parseSweep } from './simWorkerClient';

const FORM: SimFormCommon = { d: 40, seed: 1, steps: 200, speed: 0, sweepAlphas: '1,2', sweepSeeds: '1,2,3' };
const RUN: FinishedRun = { key: 'relu|0.5', algo: 'hmc', init: 'informative', alpha: 2, d: 40, seed: 3, eps: 0.02 };
const newStore = () => createStore<RunSlice<SimProgress, SimFormCommon>>()(runSlice(FORM, (p) => p));

function memoryStorage(init: Record<string, string> = {}) {
  const data = new Map(Object.entries(init));
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('keepSim', () => {
  it('saves the form and finished runs, and a fresh page (new store) gets them back', () => {
    const storage = memoryStorage();
    const first = newStore();
    const stop = keepSim(first, 'sim', storage, new EventTarget());
    first.getState().setForm('d', 64);
    first.getState().addFinished(RUN);
    stop();
    const reloaded = newStore();
    keepSim(reloaded, 'sim', storage, new EventTarget());
    expect(reloaded.getState().form.d).toBe(64);
    expect(reloaded.getState().finished).toEqual([RUN]);
    // Another panel's key stays apart.
    const other = newStore();
    keepSim(other, 'deep-sim', storage, new EventTarget());
    expect(other.getState().finished).toEqual([]);
  });

  it('drops what does not check out: wrong types, non-finite numbers, malformed runs, corrupt JSON', () => {
    const bad = { ...RUN, eps: 'NaN' };
    const storage = memoryStorage({
      'sim:sim': JSON.stringify({ form: { d: 'big', steps: 50, extra: 1 }, finished: [RUN, bad, null] }),
    });
    const s = newStore();
    keepSim(s, 'sim', storage, new EventTarget());
    expect(s.getState().form).toEqual({ ...FORM, steps: 50 });
    expect(s.getState().finished).toEqual([RUN]);
    const corrupt = newStore();
    expect(() => keepSim(corrupt, 'sim', memoryStorage({ 'sim:sim': '{' }), new EventTarget())).not.toThrow();
    expect(corrupt.getState().form).toEqual(FORM);
  });

  it('asks before leaving while a run or a sweep goes, not otherwise', () => {
    const s = newStore();
    const page = new EventTarget();
    const stop = keepSim(s, 'sim', memoryStorage(), page);
    const leave = () => {
      const e = new Event('beforeunload', { cancelable: true });
      page.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    s.getState().setStatus('running');
    expect(leave()).toBe(true);
    s.getState().setStatus('done');
    s.getState().setSweep({ running: true, done: 1, total: 4 });
    expect(leave()).toBe(true);
    stop();
    expect(leave()).toBe(false);
  });
});

describe('parseSweep seeds', () => {
  it('refuses a seed given twice (the same run twice, se = 0) and seeds outside the integers 0 … 2³² − 1', () => {
    expect(parseSweep('1,2', '1,2,1')).toMatch(/given twice/);
    expect(parseSweep('1', '1.5')).toMatch(/integers/);
    expect(parseSweep('1', '4294967296')).toMatch(/integers/);
    expect(parseSweep('1,2', '0:3:1')).toEqual({ alphas: [1, 2], seeds: [0, 1, 2, 3] });
  });
});
