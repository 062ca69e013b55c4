// The teacher–student MLP family (L = 1): the RS theory of arXiv 2510.24616, its phase diagram and simulations.
import { lazyView, type Family } from '../family';
import { startController } from './controller';
import { URL_TABLE } from './params';
import { MLP_PRESETS } from './presets';

export const family: Family = {
  id: 'mlp',
  label: 'Teacher–student MLP',
  blurb:
    'y = v·σ(Wx/√d)/√k + √Δ z with k = γd hidden units and n = αd² samples: the Bayes-optimal error from the replica-symmetric theory (arXiv 2510.24616), solved live in your browser.',
  footnote:
    'Data overlays: Minh-Toan/extensive-width-NN @ df09239 and Minh-Toan/statphys-deep-NN @ c45c86f (GAMP-RIE; arXiv 2501.18530, 2510.24616). ε is the noise-free MSE of the posterior mean (HMC points: Gibbs error / 2).',
  params: URL_TABLE,
  start: () => startController(),
  keepAlive: true,
  View: lazyView(
    () => import('./views/MlpExplorer'),
    (m) => m.MlpExplorer,
  ),
  presets: MLP_PRESETS,
  explain: () => import('./views/Explain').then((m) => ({ default: m.MlpExplain })),
  cli: { commands: ['mlp', 'rie', 'phase', 'simulate', 'hardness'], load: () => import('./cli') },
  bench: () => import('./bench'),
};
