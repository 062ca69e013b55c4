// URL state of the two-layer lecture family: `#model=two-layer&v=1&<CLI flag>=<value>…`.
import { createHashCodec, type HashSpec } from '../../platform/state/hashCodec';
import type { TwoLayerParams } from './service';

export const TWO_LAYER_ACTIVATIONS = ['relu', 'tanh', 'erf'] as const;
export const TWO_LAYER_TARGETS = ['linear', 'tanh2', 'he1he2', 'he2', 'he3'] as const;

/** URL keys = flags of the family's CLI commands (rf, onestep, sgd-escape, simulate-*). */
export const TWO_LAYER_TABLE: readonly HashSpec<TwoLayerParams>[] = [
  {
    kind: 'enum',
    key: 'activation',
    field: 'activation',
    def: 'relu',
    values: TWO_LAYER_ACTIVATIONS,
    label: 'activation',
  },
  { kind: 'enum', key: 'target', field: 'target', def: 'linear', values: TWO_LAYER_TARGETS, label: 'target' },
  { kind: 'number', key: 'alpha', field: 'alpha', def: 1.5, min: 0.05, max: 10, label: 'α = n/d' },
  { kind: 'number', key: 'beta', field: 'beta', def: 2, min: 0.05, max: 6, label: 'β = p/d' },
  { kind: 'number', key: 'lambda', field: 'lambda', def: 0, min: 0, max: 1, label: 'λ' },
  { kind: 'number', key: 'noise', field: 'noise', def: 0.1, min: 0, max: 1, label: 'σ_ε' },
  { kind: 'number', key: 'alpha0', field: 'alpha0', def: 8, min: 0.25, max: 16, step: 0.25, label: 'α0' },
  // η = 0.5: every escape curve of the SGD panel is drawn (ℓ = 2 escapes only for η < 0.75, where its stationary
  // m*² = (2 − η)/(2 + 4η) passes 0.5²); the CLI's sgd-escape default too.
  { kind: 'number', key: 'eta', field: 'eta', def: 0.5, min: 0.05, max: 1.9, step: 0.05, label: 'η̃' },
  { kind: 'number', key: 'ell', field: 'ell', def: 2, min: 1, max: 3, integer: true, label: 'ℓ' },
  { kind: 'number', key: 'd', field: 'd', def: 100, min: 20, max: 300, step: 10, integer: true, label: 'd' },
];

export const twoLayerCodec = createHashCodec<TwoLayerParams>('two-layer', 1, TWO_LAYER_TABLE);
