// The model families the explorer shows, one tab each. A family is a component that owns its controls, plots,
// state store and URL keys (`model=<id>` + its own keys, bound with state/hashCodec.bindHash). Add one entry here.
import type { ComponentType } from 'react';
import { MlpExplorer } from './MlpExplorer';
import { TwoLayerExplorer } from './twoLayer/TwoLayerExplorer';

export interface Family {
  id: string;
  label: string;
  /** One line under the title while the family is shown. */
  blurb: string;
  Component: ComponentType;
}

export const FAMILIES: readonly Family[] = [
  {
    id: 'mlp',
    label: 'Teacher–student MLP',
    blurb:
      'y = v·σ(Wx/√d)/√k + √Δ z with k = γd hidden units and n = αd² samples: the Bayes-optimal error from the replica-symmetric theory (arXiv 2510.24616), solved live in your browser.',
    Component: MlpExplorer,
  },
  {
    id: 'two-layer',
    label: 'Kernels, one step, SGD',
    blurb:
      'Two-layer networks after Loureiro’s 2025 lecture: random features and kernels stop at the linear floor when n ∝ d, one giant gradient step learns one direction, and online SGD escapes in d, d log d or d² samples depending on the information exponent.',
    Component: TwoLayerExplorer,
  },
];
