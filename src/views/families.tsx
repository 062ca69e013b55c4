// The model families the explorer shows, one tab each. A family is a component that owns its controls, plots,
// state store and URL keys (`model=<id>` + its own keys, bound with state/hashCodec.bindHash). Add one entry here.
import type { ComponentType } from 'react';
import { MlpExplorer } from './MlpExplorer';
import { DeepExplorer } from './deep/DeepExplorer';

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
    id: 'deep',
    label: 'Deep MLP (L = 2)',
    blurb:
      'Two hidden layers, y = v·σ⁽²⁾(W⁽²⁾σ⁽¹⁾(W⁽¹⁾x/√d)/√k₁)/√k₂ + √Δ z, n = αd²: which layer and which neurons specialise first, from the replica theory of arXiv 2510.24616 (Result 3).',
    Component: DeepExplorer,
  },
];
