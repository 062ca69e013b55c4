// The teacher–student GLM / perceptron family: state evolution of arXiv 1708.03395.
import { lazyView, type Family } from '../family';
import { GLM_TABLE } from './params';
import { startGlm } from './controller';
import { PRESETS } from './presets';

export const family: Family = {
  id: 'glm',
  label: 'Perceptron / GLM',
  blurb:
    'Teacher–student generalised linear model y = φ(w⁰·x/√n) with m = αn samples: Bayes-optimal error from state evolution, both branches, the hard phase between α_IT and α_AMP (arXiv 1708.03395).',
  footnote:
    'ε: for sign and probit outputs the 0–1 test error of the Bayes vote on the noise-free teacher label; for linear and ReLU outputs the noise-free test MSE of the Bayes-optimal predictor (add Δ for noisy labels).',
  params: GLM_TABLE,
  start: () => startGlm(),
  View: lazyView(
    () => import('./views/GlmExplorer'),
    (m) => m.GlmExplorer,
  ),
  presets: PRESETS,
  cli: { commands: ['glm'], load: () => import('./cli') },
  bench: () => import('./bench'),
};
