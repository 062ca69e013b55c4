// The GLM tab's one-click settings (buttons above its controls): the classic cases of arXiv 1708.03395.
import type { GlmUiParams } from './params';

export const GLM_SETTINGS: readonly { id: string; label: string; p: Partial<GlmUiParams> }[] = [
  { id: 'binary', label: 'binary perceptron', p: { prior: 'rademacher', channel: 'sign', alphaMax: 3 } },
  { id: 'spherical', label: 'spherical perceptron', p: { prior: 'gaussian', channel: 'sign', alphaMax: 10 } },
  {
    id: 'sparse',
    label: 'sparse linear regression',
    p: { prior: 'gauss-bernoulli', channel: 'linear', delta: 0.01, sparsity: 0.3, alphaMax: 1.5 },
  },
];
