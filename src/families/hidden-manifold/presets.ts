// Presets of the hidden-manifold tab: the double-descent peak of ridge at n = N, and the SGD comparison of
// structured and i.i.d. inputs (docs/physics/hidden-manifold.md).
import type { Preset } from '../family';

const GROUP = 'Hidden manifold (Goldt et al. 2019; Gerace et al. 2020)';

export const PRESETS: Preset[] = [
  {
    id: 'hmm-double-descent',
    family: 'hidden-manifold',
    group: GROUP,
    title: 'Ridge on the manifold: the interpolation peak at n = N',
    hash: '#model=hidden-manifold&v=1&f=erf&target=tanh2&delta=0.5&lambda=0.0001&noise=0.1&alpha-max=4',
    caption:
      'f = erf, D/N = 0.5, λ = 10⁻⁴: the test error of ridge on x = f(Fᵀc/√D) rises to the interpolation peak at α = n/N = 1 — where the N inputs, not the D latent directions, are matched by samples — and falls after it; larger λ flattens the peak.',
    source: 'arXiv 2002.09339 (Gerace et al., ridge on the hidden manifold); arXiv 1909.11500 (the model)',
  },
  {
    id: 'hmm-sgd',
    family: 'hidden-manifold',
    group: GROUP,
    title: 'Online SGD: structured vs i.i.d. inputs',
    hash: '#model=hidden-manifold&v=1&f=tanh&delta=0.5&noise=0&units=erf&K=2&M=2&eta=0.5&N=100&sgd-alpha=200',
    caption:
      'A K = 2 network trained by online SGD on hidden-manifold data and on i.i.d. Gaussian inputs, the same M = 2 teacher construction: on i.i.d. inputs it specialises and ε_g → 0; on the manifold (teacher on the latent c) it stalls at a non-zero error. Press “simulate”.',
    source: 'arXiv 1909.11500 (Goldt, Mézard, Krzakala, Zdeborová)',
  },
];
