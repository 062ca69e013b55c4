// The hidden-manifold family: structured inputs on a low-dimensional manifold (Goldt, Mézard, Krzakala, Zdeborová,
// arXiv 1909.11500; Gerace et al., arXiv 2002.09339).
import { lazyView, type Family } from '../family';
import { HMM_TABLE } from './params';
import { startHiddenManifold } from './controller';
import { PRESETS } from './presets';

export const family: Family = {
  id: 'hidden-manifold',
  label: 'Hidden manifold',
  blurb:
    'Inputs x = f(Fᵀc/√D) on a D-dimensional manifold, labels from the latent c: the exact ridge learning curve through the Gaussian equivalence (random features on the latent), and online SGD of a two-layer network on such data against i.i.d. inputs (arXiv 1909.11500, 2002.09339).',
  footnote:
    'E = E(y − ŵ·x/√N)²: the ridge test error on a fresh point, label noise included; logistic: P(sign ŷ ≠ y); SGD: ε_g = ½E(y − ŷ)².',
  params: HMM_TABLE,
  start: () => startHiddenManifold(),
  View: lazyView(
    () => import('./views/HiddenManifoldExplorer'),
    (m) => m.HiddenManifoldExplorer,
  ),
  presets: PRESETS,
  cli: { commands: ['hidden-manifold'], load: () => import('./cli') },
  bench: () => import('./bench'),
};
