// The share-link rows every simulation panel has (issue 21: a finished run's settings in the link): seed and steps,
// keyed `<prefix>-seed`, `<prefix>-steps`, with the ranges the panel's fields hold (views/SimPanelFrame.tsx).
import type { HashSpec } from '../state/hashCodec';
import type { SimFormCommon } from './runSlice';

export const SIM_SEED_RANGE = { min: 0, max: 1e9 } as const;
export const SIM_STEPS_RANGE = { min: 1, max: 100000 } as const;

/** An integer row of a simulation form field. */
export function simIntRow<F extends SimFormCommon>(
  key: string,
  field: keyof F & string,
  def: number,
  range: { min: number; max: number },
  label: string,
): HashSpec<F> {
  return { kind: 'number', key, field, def, ...range, integer: true, label };
}

export function seedStepsRows<F extends SimFormCommon>(prefix: string, defaults: F): HashSpec<F>[] {
  return [
    simIntRow<F>(`${prefix}-seed`, 'seed', defaults.seed, SIM_SEED_RANGE, 'seed'),
    simIntRow<F>(`${prefix}-steps`, 'steps', defaults.steps, SIM_STEPS_RANGE, 'steps'),
  ];
}
