// The floating status chip of presentation mode (issue 20): the simulation panel is hidden there, so when space
// starts a run its algorithm, α, d and step counter float over the figure. A panel's store is followed while the
// panel is mounted (SimController.keep); the chip shows the newest run on screen.
import { create } from 'zustand';
import type { Algorithm } from '../../sim/config';
import type { RunSlice, RunStatus, SimFormCommon } from './runSlice';

export interface SimChip {
  status: RunStatus;
  algo: Algorithm;
  alpha: number;
  d: number;
  step: number;
  steps: number;
}

export const useSimChip = create<{ chip: SimChip | null }>()(() => ({ chip: null }));

interface RunStore<Form extends SimFormCommon> {
  getState(): RunSlice<unknown, Form>;
  subscribe(listener: (s: RunSlice<unknown, Form>, prev: RunSlice<unknown, Form>) => void): () => void;
}

/** The chip of a panel's state: its first run on screen, or null when none. */
export function chipOf<Form extends SimFormCommon>(s: RunSlice<unknown, Form>): SimChip | null {
  const run = s.runs[0];
  if (!run || s.status === 'idle') return null;
  return {
    status: s.status,
    algo: run.algo,
    alpha: run.alpha,
    d: run.d,
    step: run.last?.step ?? 0,
    steps: s.form.steps,
  };
}

/** Mirrors the panel's runs into the chip; returns the unsubscribe (which clears a chip it set). */
export function followChip<Form extends SimFormCommon>(store: RunStore<Form>): () => void {
  let mine = false;
  const unsub = store.subscribe((s, prev) => {
    if (s.runs === prev.runs && s.status === prev.status) return;
    const chip = chipOf(s);
    if (chip || mine) useSimChip.setState({ chip });
    mine = chip !== null;
  });
  return () => {
    unsub();
    if (mine) useSimChip.setState({ chip: null });
  };
}
