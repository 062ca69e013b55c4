// The deep family (L = 2 hidden layers: the replica theory of arXiv 2510.24616, Result 3; L = 3 … 8: its nested
// any-depth theory under μ0 = μ1 = μ2 = 0, E σ² = 1). Its CLI is the MLP's `mlp --depth L` and `simulate --depth 2`.
import { lazyView, type Family } from '../family';
import { startDeep } from './controller';
import { DEEP_TABLE } from './params';
import { DEEP_PRESETS } from './presets';

export const family: Family = {
  id: 'deep',
  label: 'Deep MLP (L ≥ 2)',
  blurb:
    'Two hidden layers, y = v·σ⁽²⁾(W⁽²⁾σ⁽¹⁾(W⁽¹⁾x/√d)/√k₁)/√k₂ + √Δ z, n = αd²: which layer and which neurons specialise first, from the replica theory of arXiv 2510.24616 (Result 3); deeper targets (L = 3 … 8) from its nested theory.',
  footnote:
    'Data overlays: Minh-Toan/extensive-width-NN @ df09239 and Minh-Toan/statphys-deep-NN @ c45c86f (GAMP-RIE; arXiv 2501.18530, 2510.24616). ε is the noise-free MSE of the posterior mean, as for one hidden layer.',
  params: DEEP_TABLE,
  start: () => startDeep(),
  View: lazyView(
    () => import('./views/DeepExplorer'),
    (m) => m.DeepExplorer,
  ),
  presets: DEEP_PRESETS,
  bench: () => import('./bench'),
};
