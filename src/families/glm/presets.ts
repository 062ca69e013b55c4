// The GLM tab's one-click settings (buttons above its controls) and its presets (the page's menu): the classic
// cases of arXiv 1708.03395.
import type { Preset } from '../family';
import { glmCodec, type GlmUiParams } from './params';

export const GLM_SETTINGS: readonly { id: string; label: string; p: Partial<GlmUiParams> }[] = [
  { id: 'binary', label: 'binary perceptron', p: { prior: 'rademacher', channel: 'sign', alphaMax: 3 } },
  { id: 'spherical', label: 'spherical perceptron', p: { prior: 'gaussian', channel: 'sign', alphaMax: 10 } },
  {
    id: 'sparse',
    label: 'sparse linear regression',
    p: { prior: 'gauss-bernoulli', channel: 'linear', delta: 0.01, sparsity: 0.3, alphaMax: 1.5 },
  },
];

/** The GLM tab's entries in the page's presets menu (links, so they can be shared). */
export const PRESETS: Preset[] = [
  {
    id: 'glm-binary-hard',
    family: 'glm',
    group: 'Perceptron / GLM (Barbier et al. 2019)',
    title: 'Binary perceptron: the hard phase',
    hash: glmCodec.encode({ ...glmCodec.defaults(), prior: 'rademacher', channel: 'sign', alphaMax: 3 }),
    caption:
      'Teacher and student weights ±1, y = sign(w⁰·x/√n): beyond α_IT ≈ 1.245 perfect recovery (ε = 0, the informed branch) is the equilibrium, but AMP from the uninformed start stays on the uninformed branch at ε > 0 until α_AMP ≈ 1.493; the hard phase between them is shaded.',
    source: 'arXiv 1708.03395 (Barbier, Krzakala, Macris, Miolane, Zdeborová), the binary perceptron',
  },
];
