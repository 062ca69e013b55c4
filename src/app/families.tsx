// The model families the explorer shows, one tab each. A family is a component that owns its controls, plots,
// state store and URL keys (`model=<id>` + its own keys, bound with state/hashCodec.bindHash). Add one entry here.
import type { ComponentType } from 'react';
import { MlpExplorer } from '../families/mlp/views/MlpExplorer';
import { DeepExplorer } from '../families/deep/views/DeepExplorer';
import { GlmExplorer } from '../families/glm/views/GlmExplorer';
import { CommitteeExplorer } from '../families/committee/views/CommitteeExplorer';
import { SaadSollaExplorer } from '../families/saad-solla/views/SaadSollaExplorer';
import { TwoLayerExplorer } from '../families/two-layer/views/TwoLayerExplorer';

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
  { id: 'glm', label: 'Perceptron / GLM', blurb: 'Teacher–student generalised linear model y = φ(w⁰·x/√n) with m = αn samples: Bayes-optimal error from state evolution, both branches, the hard phase between α_IT and α_AMP (arXiv 1708.03395).', Component: GlmExplorer },
  { id: 'committee', label: 'Committee machine', blurb: 'Two-layer committee machine with K = 2 hidden units and sign–sign output: specialisation of the hidden units and, for binary weights, a computational gap (arXiv 1806.05451).', Component: CommitteeExplorer },
  { id: 'saad-solla', label: 'Saad–Solla online SGD', blurb: 'Online SGD of a soft committee machine as N → ∞: the Saad–Solla ODEs for the overlaps, the symmetric plateau and its escape (PRL 74, 4337, 1995).', Component: SaadSollaExplorer },
  {
    id: 'two-layer',
    label: 'Kernels, one step, SGD',
    blurb:
      'Two-layer networks after Loureiro’s 2025 lecture: random features and kernels stop at the linear floor when n ∝ d, one giant gradient step learns one direction, and online SGD escapes in d, d log d or d² samples depending on the information exponent.',
    Component: TwoLayerExplorer,
  },
];
