// The spiked matrix–tensor family: spherical prior, order-p tensor (arXiv 1812.09066, 1902.00139, 1907.08226).
import { lazyView, type Family } from '../family';
import { MATRIX_TENSOR_TABLE } from './params';
import { startMatrixTensor } from './controller';
import { MATRIX_TENSOR_PRESETS } from './presets';

export const family: Family = {
  id: 'matrix-tensor',
  label: 'Spiked matrix–tensor',
  blurb:
    'Spiked matrix–tensor model: Bayes-AMP state evolution, the information-theoretic and algorithmic thresholds, and where Langevin (T = 1), gradient flow and the loss landscape become easy (arXiv 1812.09066, 1902.00139).',
  footnote:
    'm = x̂·x*/N: the overlap of the estimate with the planted spike; on a Bayes-optimal branch (Nishimori: x̂·x̂/N = m) the error per component is ε = 1 − m.',
  params: MATRIX_TENSOR_TABLE,
  start: () => startMatrixTensor(),
  View: lazyView(
    () => import('./views/MatrixTensorExplorer'),
    (m) => m.MatrixTensorExplorer,
  ),
  presets: MATRIX_TENSOR_PRESETS,
  cli: { commands: ['matrix-tensor'], load: () => import('./cli') },
  bench: () => import('./bench'),
};
