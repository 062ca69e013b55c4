// Parameters of the GLM / perceptron tab, one row each: the URL key is the flag of the CLI command `glm`
// (`#model=glm&v=1&prior=rademacher&channel=sign&…`); the rows drive the link, the controls and the flags.
import { GLM_CHANNELS, type GlmChannelName } from '../../physics/classic/glmChannels';
import { GLM_PRIORS, type GlmPriorName } from '../../physics/classic/glmPriors';
import { createHashCodec, type HashCodec, type HashSpec } from '../../platform/state/hashCodec';

export interface GlmUiParams {
  prior: GlmPriorName;
  channel: GlmChannelName;
  delta: number;
  bias: number;
  sparsity: number;
  alphaMax: number;
}

export const GLM_TABLE: readonly HashSpec<GlmUiParams>[] = [
  {
    kind: 'enum',
    key: 'prior',
    field: 'prior',
    def: 'rademacher',
    values: GLM_PRIORS,
    label: 'prior',
    help: 'teacher weight prior P0',
  },
  {
    kind: 'enum',
    key: 'channel',
    field: 'channel',
    def: 'sign',
    values: GLM_CHANNELS,
    label: 'channel',
    help: 'output channel',
  },
  // A linear slider to Δ = 1 keeps a fine step; links may carry Δ up to 10.
  {
    kind: 'number',
    key: 'delta',
    field: 'delta',
    def: 0.1,
    min: 0.001,
    max: 10,
    slider: { min: 0.001, max: 1 },
    step: 0.001,
    label: 'Δ',
    help: 'noise variance Δ (0 for sign; default 0.1 for probit, linear, relu)',
  },
  // The slider stops short of the link's ±0.95 on its 0.05 grid.
  {
    kind: 'number',
    key: 'bias',
    field: 'bias',
    def: 0.3,
    min: -0.95,
    max: 0.95,
    slider: { min: -0.9, max: 0.9 },
    step: 0.05,
    label: 'bias',
    help: 'binary-biased prior: E w (P(±1) = (1 ± bias)/2)',
  },
  {
    kind: 'number',
    key: 'sparsity',
    field: 'sparsity',
    def: 0.5,
    min: 0.05,
    max: 1,
    step: 0.05,
    label: 'sparsity',
    help: 'gauss-bernoulli prior: fraction of non-zero weights ρ',
  },
  {
    kind: 'number',
    key: 'alpha-max',
    field: 'alphaMax',
    def: 3,
    min: 0.5,
    max: 50,
    label: 'α range',
    help: 'largest α searched by --thresholds',
  },
];

export const glmCodec: HashCodec<GlmUiParams> = createHashCodec<GlmUiParams>('glm', 1, GLM_TABLE);
