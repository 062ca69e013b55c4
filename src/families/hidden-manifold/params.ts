// Parameters of the hidden-manifold tab: URL keys = flags of the CLI command `hidden-manifold`.
import { createHashCodec, type HashCodec, type HashSpec } from '../../platform/state/hashCodec';

export const HMM_ACTIVATIONS = ['erf', 'tanh', 'relu'] as const;
export const HMM_TARGETS = ['tanh2', 'linear', 'he1he2'] as const;
export const HMM_UNITS = ['erf', 'relu'] as const;

export interface HmmUiParams {
  activation: string; // f of x = f(Fᵀc/√D)
  target: string; // g of the ridge labels y = g(θ·c/√D)
  delta: number; // D/N
  lambda: number;
  noise: number;
  alphaMax: number; // end of the ridge curve (α = n/N)
  units: string; // the SGD networks' hidden units
  K: number;
  M: number;
  eta: number;
  N: number;
  sgdAlpha: number; // end of the SGD runs (steps/N)
  seed: number;
}

export const HMM_TABLE: readonly HashSpec<HmmUiParams>[] = [
  { kind: 'enum', key: 'f', field: 'activation', def: 'erf', values: HMM_ACTIVATIONS, label: 'f (manifold)' },
  { kind: 'enum', key: 'target', field: 'target', def: 'tanh2', values: HMM_TARGETS, label: 'target g' },
  {
    kind: 'number',
    key: 'delta',
    field: 'delta',
    def: 0.5,
    min: 0.05,
    max: 4,
    valid: { min: 0.02, max: 50 }, // the ridge theory's range; the SGD runs take up to 4
    step: 0.05,
    label: 'D/N',
    help: 'latent dimension over input dimension δ = D/N',
  },
  {
    kind: 'number',
    key: 'lambda',
    field: 'lambda',
    def: 0.001,
    min: 0,
    max: 10,
    valid: { min: 0, max: 1e9 },
    slider: { min: 0, max: 1 },
    step: 0.001,
    label: 'λ',
  },
  { kind: 'number', key: 'noise', field: 'noise', def: 0.1, min: 0, max: 2, label: 'σ_ε', help: 'label noise' },
  {
    kind: 'number',
    key: 'alpha-max',
    field: 'alphaMax',
    def: 4,
    min: 1.5,
    max: 20,
    label: 'α range',
    help: 'end of the ridge learning curve (α = n/N)',
  },
  { kind: 'enum', key: 'units', field: 'units', def: 'erf', values: HMM_UNITS, label: 'hidden units' },
  {
    kind: 'number',
    key: 'K',
    field: 'K',
    def: 2,
    min: 1,
    max: 6,
    valid: { min: 1, max: 8 },
    integer: true,
    label: 'K',
  },
  {
    kind: 'number',
    key: 'M',
    field: 'M',
    def: 2,
    min: 1,
    max: 6,
    valid: { min: 1, max: 8 },
    integer: true,
    label: 'M',
  },
  { kind: 'number', key: 'eta', field: 'eta', def: 0.5, min: 0.05, max: 2, step: 0.05, label: 'η' },
  {
    kind: 'number',
    key: 'N',
    field: 'N',
    def: 100,
    min: 50,
    max: 400,
    valid: { min: 20, max: 2000 },
    step: 10,
    integer: true,
    label: 'N',
    help: 'input dimension of the SGD simulation',
  },
  {
    kind: 'number',
    key: 'sgd-alpha',
    field: 'sgdAlpha',
    def: 200,
    min: 10,
    max: 1000,
    valid: { min: 1, max: 1e4 },
    step: 10,
    label: 'SGD steps/N',
    help: 'end of the SGD runs (α = steps/N)',
  },
  { kind: 'number', key: 'seed', field: 'seed', def: 1, min: 0, max: 1e9, integer: true, label: 'seed' },
];

export const hmmCodec: HashCodec<HmmUiParams> = createHashCodec<HmmUiParams>('hidden-manifold', 1, HMM_TABLE);
