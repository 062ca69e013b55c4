// URL state of the deep (L = 2) family: `#model=deep&v=1&…` with the CLI's flag names as keys (`mlp --depth 2`).
import { DEEP_DEFAULTS, DEEP_READOUTS, type DeepParams } from '../../physics/deep/deepParams';
import { WEIGHT_PRIORS } from '../../physics/types';
import { createHashCodec, type HashSpec } from '../../platform/state/hashCodec';
import { seedStepsRows } from '../../platform/sim/linkRows';
import { NISHIMORI_MODES } from '../mlp/simStore';
import {
  DEEP_SIM_ALGOS,
  DEEP_SIM_DEPTHS,
  DEEP_SIM_DS,
  DEEP_SIM_FORM,
  DEEP_SIM_STARTS,
  type DeepSimForm,
} from './simStore';

/** α range choices of the x axis (right end). */
export const DEEP_ALPHA_MAX = [4, 6, 8, 12, 16] as const;

export interface DeepUiParams extends DeepParams {
  depth: number; // 2: the L = 2 theory; 3 … 8: the any-depth one (docs/physics/mlp-any-depth.md)
  alpha: number; // selected α (profile plot, readout)
  alphaMax: number; // α range at depth 2, α/L range at depth ≥ 3
  compare: boolean; // depth ≥ 3: overlay L = 1 … 5
  alphaPerLayer: boolean; // depth ≥ 3: x axis α/L (the paper's) instead of α
}

export const DEEP_UI_DEFAULTS: DeepUiParams = {
  ...DEEP_DEFAULTS,
  depth: 2,
  alpha: 2,
  alphaMax: 8,
  compare: true,
  alphaPerLayer: true,
};

/** URL keys = flags of `mlp --depth 2`; the ranges are validateDeepParams' own. */
export const DEEP_TABLE: readonly HashSpec<DeepUiParams>[] = [
  { kind: 'number', key: 'depth', field: 'depth', def: 2, min: 2, max: 8, integer: true, label: 'depth' },
  {
    kind: 'string',
    key: 'activation',
    field: 'activation',
    def: DEEP_DEFAULTS.activation,
    maxLength: 205,
    label: 'activation',
  },
  {
    kind: 'string',
    key: 'activation2',
    field: 'activation2',
    def: DEEP_DEFAULTS.activation2,
    maxLength: 205,
    label: 'second-layer activation',
  },
  { kind: 'number', key: 'gamma', field: 'gamma', def: DEEP_DEFAULTS.gamma, min: 0.05, max: 4, label: 'γ1' },
  { kind: 'number', key: 'gamma2', field: 'gamma2', def: DEEP_DEFAULTS.gamma2, min: 0.05, max: 4, label: 'γ2' },
  { kind: 'number', key: 'delta', field: 'delta', def: DEEP_DEFAULTS.delta, min: 1e-4, max: 100, label: 'Δ' },
  {
    kind: 'enum',
    key: 'readout',
    field: 'readout',
    def: DEEP_DEFAULTS.readout,
    values: DEEP_READOUTS,
    label: 'readout law',
  },
  {
    kind: 'enum',
    key: 'weights',
    field: 'weights',
    def: DEEP_DEFAULTS.weights,
    values: WEIGHT_PRIORS,
    label: 'weight prior',
  },
  { kind: 'boolean', key: 'quenched', field: 'quenched', def: false, label: 'quenched first layer' },
  { kind: 'number', key: 'alpha', field: 'alpha', def: 2, min: 0.01, max: 16, label: 'α' },
  { kind: 'number', key: 'alpha-max', field: 'alphaMax', def: 8, min: 4, max: 16, label: 'α range' },
  { kind: 'boolean', key: 'compare', field: 'compare', def: true, label: 'compare depths 1 … 5 (L ≥ 3)' },
  { kind: 'boolean', key: 'alpha-per-layer', field: 'alphaPerLayer', def: true, label: 'x axis α/L (L ≥ 3)' },
];

/** The simulation panel's settings in the link (platform/state/viewLink.ts), with the choices its menus offer. */
export const DEEP_SIM_VIEW_TABLE: readonly HashSpec<DeepSimForm>[] = [
  {
    kind: 'number',
    key: 'deep-sim-depth',
    field: 'depth',
    def: DEEP_SIM_FORM.depth,
    min: 1,
    max: Math.max(...DEEP_SIM_DEPTHS),
    choices: DEEP_SIM_DEPTHS,
    integer: true,
    label: 'hidden layers L',
  },
  {
    kind: 'enum',
    key: 'deep-sim-algo',
    field: 'algo',
    def: DEEP_SIM_FORM.algo,
    values: DEEP_SIM_ALGOS,
    label: 'algorithm',
  },
  {
    kind: 'enum',
    key: 'deep-sim-start',
    field: 'start',
    def: DEEP_SIM_FORM.start,
    values: DEEP_SIM_STARTS,
    label: 'start',
  },
  {
    kind: 'enum',
    key: 'deep-sim-nishimori',
    field: 'nishimori',
    def: DEEP_SIM_FORM.nishimori,
    values: NISHIMORI_MODES,
    label: 'Nishimori check',
  },
  {
    kind: 'number',
    key: 'deep-sim-d',
    field: 'd',
    def: DEEP_SIM_FORM.d,
    min: Math.min(...DEEP_SIM_DS),
    max: Math.max(...DEEP_SIM_DS),
    choices: DEEP_SIM_DS,
    integer: true,
    label: 'd',
  },
  ...seedStepsRows('deep-sim', DEEP_SIM_FORM),
];

export const deepCodec = createHashCodec<DeepUiParams>(
  'deep',
  1,
  DEEP_TABLE,
  (p) => {
    const errs: string[] = [];
    if (!(DEEP_ALPHA_MAX as readonly number[]).includes(p.alphaMax)) {
      errs.push(`URL parameter "alpha-max" = ${p.alphaMax} is not one of ${DEEP_ALPHA_MAX.join(', ')}; using 8.`);
      p.alphaMax = 8;
    }
    const top = p.depth >= 3 ? p.depth * p.alphaMax : p.alphaMax;
    if (p.alpha > top) p.alpha = top;
    return errs;
  },
  { viewKeys: DEEP_SIM_VIEW_TABLE.map((r) => r.key) },
);
