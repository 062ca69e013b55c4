// Presets of the two-layer tab (the page's menu): double descent of ridgeless random features.
import type { Preset } from '../family';
import { twoLayerCodec } from './params';

export const PRESETS: Preset[] = [
  {
    id: 'two-layer-double-descent',
    family: 'two-layer',
    group: 'Kernels, one step, SGD (Loureiro 2025)',
    title: 'Random features: double descent at p = n',
    hash: twoLayerCodec.encode({
      ...twoLayerCodec.defaults(),
      activation: 'relu',
      target: 'linear',
      alpha: 1.5,
      beta: 2,
      lambda: 0,
      noise: 0.1,
    }),
    caption:
      'Ridgeless random features (λ → 0⁺), ReLU features, a linear teacher, σ_ε = 0.1: at α = n/d = 1.5 the test error E(β) diverges where the features match the samples (p = n, β = 1.5) and descends again as β grows, towards the kernel limit β → ∞; E(α) at β = 2 peaks at α = 2 in the same way.',
    source:
      'B. Loureiro, “Statistical physics of learning with two-layer neural networks”, lecture (2025); arXiv 1908.05355 (Mei & Montanari)',
  },
];
