// Presentation mode's chip follows a panel's first run on screen (its step counter) and goes when the run does.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { followChip, useSimChip } from './chip';
import { runSlice, type RunSlice, type SimFormCommon } from './runSlice';
import type { SimProgress } from '../../sim/simulation';

const FORM: SimFormCommon = { d: 20, seed: 1, steps: 50, speed: 0, sweepAlphas: '1', sweepSeeds: '1' };

describe('simulation status chip', () => {
  it('shows the running run with its step, and clears when the panel is reset or unmounted', () => {
    const store = create<RunSlice<number, SimFormCommon>>()(runSlice(FORM, (p: SimProgress) => p.step));
    const stop = followChip(store);
    expect(useSimChip.getState().chip).toBeNull();
    store.getState().startRuns([{ id: 1, algo: 'adam', init: 'informative', alpha: 2, d: 20 }], 'running');
    expect(useSimChip.getState().chip).toEqual({
      status: 'running',
      algo: 'adam',
      alpha: 2,
      d: 20,
      step: 0,
      steps: 50,
    });
    store.getState().appendRows(1, [{ step: 7 } as SimProgress], 10, null);
    expect(useSimChip.getState().chip?.step).toBe(7);
    store.getState().clearRuns();
    expect(useSimChip.getState().chip).toBeNull();
    store.getState().startRuns([{ id: 2, algo: 'hmc', init: 'uninformative', alpha: 3, d: 20 }], 'paused');
    expect(useSimChip.getState().chip?.status).toBe('paused');
    stop();
    expect(useSimChip.getState().chip).toBeNull();
  });
});
