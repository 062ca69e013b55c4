// The two-layer lecture family (Loureiro 2025): kernels and random features, one giant step, online SGD.
import { lazyView, type Family } from '../family';
import { TWO_LAYER_TABLE } from './params';
import { startTwoLayer } from './controller';
import { PRESETS } from './presets';

export const family: Family = {
  id: 'two-layer',
  label: 'Kernels, one step, SGD',
  blurb:
    'Two-layer networks after Loureiro’s 2025 lecture: random features and kernels stop at the linear floor when n ∝ d, one giant gradient step learns one direction, and online SGD escapes in d, d log d or d² samples depending on the information exponent.',
  references: 'B. Loureiro, “Statistical physics of learning with two-layer neural networks”, lecture (2025)',
  footnote: 'E: the test error E(y − ŷ)² on a fresh sample, label noise σ_ε² included.',
  params: TWO_LAYER_TABLE,
  start: () => startTwoLayer(),
  View: lazyView(
    () => import('./views/TwoLayerExplorer'),
    (m) => m.TwoLayerExplorer,
  ),
  presets: PRESETS,
  cli: {
    commands: ['rf', 'krr', 'onestep', 'sgd-escape', 'simulate-rf', 'simulate-onestep', 'simulate-sgd'],
    load: () => import('./cli'),
  },
  bench: () => import('./bench'),
};
