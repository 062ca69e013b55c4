// Presets of the deep family (L = 2): the setting of the authors' two-hidden-layer runs (arXiv 2510.24616,
// Result 3; notebooks Minh-Toan/statphys-deep-NN): σ = tanh(2x)/√(E tanh²(2z)) in both layers, γ1 = γ2 = 0.5,
// Δ = 0.2, Gaussian W. The numbers quoted in the captions are this engine's (`mlp --depth 2`), checked in
// src/app/presets.test.ts.
import type { Preset } from '../family';

const B = 'arXiv 2510.24616 (Result 3, two hidden layers)';
const SOURCE = `${B}; setting of the authors’ notebooks Minh-Toan/statphys-deep-NN`;

const link = (readout: string, alpha: number, quenched = false) =>
  `#model=deep&v=1&depth=2&activation=tanh2-unit&activation2=tanh2-unit&gamma=0.5&gamma2=0.5&delta=0.2&readout=${readout}&weights=gaussian&quenched=${quenched ? 1 : 0}&alpha=${alpha}&alpha-max=8&compare=1&alpha-per-layer=1`;

// The any-depth panels of the paper (deeper targets are harder): its σ (tanh2-nolin) in every layer, γ_l = 1,
// Δ = 0.1, v = 1, Gaussian W, against α/L; the numbers quoted are this engine's (`mlp --depth L --transition`,
// checked in anyDepthModel.test.ts and presets.test.ts).
const ANY = 'arXiv 2510.24616 (deeper targets are harder to learn)';
const ANY_SOURCE = `${ANY}; setting and d = 50 HMC of the authors’ Minh-Toan/statphys-deep-NN`;
const anyLink = (depth: number, compare: boolean) =>
  `#model=deep&v=1&depth=${depth}&activation=tanh2-nolin&activation2=tanh2-unit&gamma=1&gamma2=0.5&delta=0.1&readout=ones&weights=gaussian&quenched=0&alpha=2&alpha-max=4&compare=${compare ? 1 : 0}&alpha-per-layer=1`;

export const DEEP_PRESETS: Preset[] = [
  {
    id: 'deep-paper',
    family: 'deep',
    group: 'Deep MLP (L = 2)',
    title: 'The paper’s setting: the first layer specialises first',
    hash: link('ones', 2),
    caption:
      'Two hidden layers, tanh(2x) with unit variance in both, γ1 = γ2 = 0.5, Δ = 0.2, v = 1, Gaussian W. At α = 2 only first-layer neurons with a large effective readout |s| have specialised (mean Q1 ≈ 0.20, Q2 = Q2:1 = 0, ε ≈ 0.233 below the plateau 0.298); the second layer and the product W⁽²⁾W⁽¹⁾ jump together near α ≈ 2.81. The shallow network with the same σ, γ and Δ specialises at α ≈ 2.03: the deeper target needs more data.',
    source: SOURCE,
  },
  {
    id: 'deep-quenched',
    family: 'deep',
    group: 'Deep MLP (L = 2)',
    title: 'First layer given (quenched, Q1 ≡ 1)',
    hash: link('ones', 1, true),
    caption:
      'The same network with the first layer known to the statistician: the plateau drops from 0.298 to 0.162 and the second layer specialises before α = 1 (ε ≈ 0.081 at α = 1), where the full problem still sits near its plateau. Learning the first layer is what costs the data.',
    source: SOURCE,
  },
  {
    id: 'deep-rad',
    family: 'deep',
    group: 'Deep MLP (L = 2)',
    title: 'Readouts v = ±1',
    hash: link('rad', 3),
    caption:
      'The paper’s setting with Rademacher readouts v = ±1: Q2:1 is reported per readout value (equal for ±1 by symmetry); at α = 2 the equilibrium is the same layer-1 point as for v = 1 and by α = 3 both layers have specialised (ε ≈ 0.160).',
    source: SOURCE,
  },
  {
    id: 'anydepth-compare',
    family: 'deep',
    group: 'Deep MLP (any depth L)',
    title: 'Deeper targets are harder: L = 1 … 5 against α/L (the paper’s L = 1, 2 panels)',
    hash: anyLink(3, true),
    caption:
      'σ = tanh(2x) without its linear part, unit variance, in every layer; γ_l = 1, Δ = 0.1, v = 1. Against α/L the equilibrium jump α_e/L moves right with depth (1.60, 2.49, 3.10, 3.63, 4.11 for L = 1 … 5) while the spinodal α_sp/L barely moves (1.47, 1.66, 1.69, 1.71, 1.72): the metastable window widens. Rings: the authors’ informative HMC at d = 50 for L = 1, 2, 3.',
    source: ANY_SOURCE,
  },
  {
    id: 'anydepth-L3',
    family: 'deep',
    group: 'Deep MLP (any depth L)',
    title: 'Three hidden layers (the paper’s L = 3 panel)',
    hash: anyLink(3, false),
    caption:
      'L = 3 alone with the authors’ d = 50 informative HMC: the specialised branch exists from α_sp ≈ 5.08 (α/L ≈ 1.69) and is the equilibrium from α_e ≈ 9.31 (α/L ≈ 3.10, ε ≈ 0.050). Below α_sp the d = 50 chains stay near the teacher (ε ≈ 0.3 at α/L = 4/3), where the d → ∞ theory has only ε = 1: a finite-size effect.',
    source: ANY_SOURCE,
  },
];
