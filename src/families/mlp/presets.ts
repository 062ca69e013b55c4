// Presets of the MLP family (L = 1): the settings of the papers' shallow-network figures that the RS engine solves.
// Parameters from arXiv 2510.24616 / 2501.18530 and the authors' data (Minh-Toan/extensive-width-NN @ df09239):
// γ = 0.5 throughout; Δ = 0.1 for ReLU and tanh, Δ = 1.25 for the polynomial activations; the hardness study uses
// h23 with Δ = 0.1. Overlays exist where public/data ships the published points (src/families/mlp/reference.ts).
import type { Preset, PresetClaim } from '../family';

/** A claim on a curve at α (engine: epsOpt, epsUni; shipped HMC points: hmcInformative, hmcUninformative). */
const at = (quantity: string, alpha: number, value: number, digits: number): PresetClaim => ({
  quantity,
  alpha,
  value,
  digits,
});

const A = 'arXiv 2501.18530 (shallow networks)';
const B = 'arXiv 2510.24616 (MLP near interpolation)';
const UNIVERSAL_OVERLAY = 'the papers’ universal-branch curve (the universal branch does not depend on P_W)';
const BINARY_OVERLAY =
  'the authors’ binary-W runs at d = 150: Metropolis (MCMC, mean ± sd) and Metropolis + AMP-RIE, with ' +
  UNIVERSAL_OVERLAY;
const HMC_OVERLAY =
  'HMC at d = 150 (informative ● and uninformative ○ starts, Gibbs error / 2) and the papers’ universal-branch curve';

const READOUT_WORDS = {
  ones: 'homogeneous readouts v = 1',
  rad: 'readouts v = ±1',
  gauss: 'Gaussian readouts',
} as const;

const link = (activation: string, delta: number, readout: string, weights: string, alpha: number, alphaMax = 8) =>
  `#model=mlp&v=2&activation=${activation}&gamma=0.5&delta=${delta}&readout=${readout}&weights=${weights}&alpha=${alpha}&alpha-max=${alphaMax}`;

export const MLP_PRESETS: Preset[] = [
  {
    id: 'relu-ones',
    family: 'mlp',
    group: 'Shallow MLP: theory vs HMC',
    title: 'ReLU, v = 1, Gaussian W',
    hash: link('relu', 0.1, 'ones', 'gaussian', 5),
    caption:
      'ReLU, Δ = 0.1, γ = 0.5, homogeneous readouts, Gaussian inner weights. HMC started from the teacher (informative) follows ε_opt and leaves the universal branch near α ≈ 4–5; HMC from a random start stays on the universal branch: at α = 5 the informative points sit at {hmcInf5} (ε_opt = {epsOpt5}), the uninformative ones at {hmcUnf5} (ε_uni = {epsUni5}). The gap between the two is the hard phase.',
    claims: {
      hmcInf5: at('hmcInformative', 5, 0.0133, 4),
      epsOpt5: at('epsOpt', 5, 0.0138, 4),
      hmcUnf5: at('hmcUninformative', 5, 0.0183, 4),
      epsUni5: at('epsUni', 5, 0.0188, 4),
    },
    source: `${B} and ${A}; data: Minh-Toan/extensive-width-NN`,
    overlay: HMC_OVERLAY,
  },
  {
    id: 'h23-ones',
    family: 'mlp',
    group: 'Shallow MLP: theory vs HMC',
    title: 'h23 = He₂/√2 + He₃/6, v = 1, Gaussian W',
    hash: link('h23', 1.25, 'ones', 'gaussian', 3),
    caption:
      'σ = He₂/√2 + He₃/6, Δ = 1.25, γ = 0.5, homogeneous readouts, Gaussian inner weights. The quadratic part is learnt on the universal branch, the cubic part (g(x) = x³/6) only through specialisation, which is continuous here (Q ≠ 0 from α ≈ {alphaSp}). HMC at d = 150 finds it from either start: at α = 3 the informative and the random-start (uninformative) points sit together, {hmcInf3} and {hmcUnf3}, a finite-size step above ε_opt = {epsOpt3} and far below the universal branch ε_uni = {epsUni3}.',
    claims: {
      alphaSp: { quantity: 'alphaSp', value: 0.64, digits: 2 },
      hmcInf3: at('hmcInformative', 3, 0.256, 3),
      hmcUnf3: at('hmcUninformative', 3, 0.258, 3),
      epsOpt3: at('epsOpt', 3, 0.243, 3),
      epsUni3: at('epsUni', 3, 0.318, 3),
    },
    source: `${B} and ${A}; data: Minh-Toan/extensive-width-NN`,
    overlay: HMC_OVERLAY,
  },
  {
    id: 'relu-rad',
    family: 'mlp',
    group: 'Readout laws',
    title: 'ReLU, v = ±1, Gaussian W',
    hash: link('relu', 0.1, 'rad', 'gaussian', 5),
    caption:
      'ReLU, Δ = 0.1, γ = 0.5 with Rademacher readouts v = ±1: centred readouts remove the mean part of S₂ (ρ₂ = 1), so the universal error and the specialisation point move compared with v = 1.',
    source: `${B} (readout laws) and ${A}`,
  },
  {
    id: 'h23-rad',
    family: 'mlp',
    group: 'Readout laws',
    title: 'h23, v = ±1, Gaussian W',
    hash: link('h23', 1.25, 'rad', 'gaussian', 3),
    caption:
      'σ = He₂/√2 + He₃/6, Δ = 1.25, γ = 0.5 with Rademacher readouts v = ±1 and Gaussian inner weights: Q grows continuously from α ≈ 0.76, and HMC from either start follows ε_opt at d = 150.',
    source: `${B} and ${A}; data: Minh-Toan/extensive-width-NN`,
    overlay: HMC_OVERLAY,
  },
  {
    id: 'tanh-gauss',
    family: 'mlp',
    group: 'Readout laws',
    title: 'tanh(2x), Gaussian readouts: neurons specialise one |v| at a time',
    hash: link('tanh2', 0.1, 'gauss', 'gaussian', 4, 12),
    caption:
      'σ = tanh(2x), Δ = 0.1, γ = 0.5, v ~ N(0, 1): each Q(v) specialises at its own α, larger |v| first (overlap and profile plots: the cutoff in |v| falls as α grows), so ε_opt leaves the universal value smoothly from small α instead of in one jump.',
    source: B,
  },
  {
    id: 'relu-binary',
    family: 'mlp',
    group: 'Weight priors',
    title: 'ReLU, v = 1, Rademacher (binary) W',
    hash: link('relu', 0.1, 'ones', 'rademacher', 2),
    caption:
      'ReLU, Δ = 0.1, γ = 0.5, homogeneous readouts with binary inner weights W = ±1: the specialisation transition is first order, ε_opt jumps at α_sp (the older Gaussian-ansatz theory of arXiv 2501.18530 v1 put it near α ≈ 1.74).',
    source: A,
    overlay: BINARY_OVERLAY,
  },
  {
    id: 'h23-binary',
    family: 'mlp',
    group: 'Weight priors',
    title: 'h23, v = 1, Rademacher (binary) W',
    hash: link('h23', 1.25, 'ones', 'rademacher', 2),
    caption:
      'σ = He₂/√2 + He₃/6, Δ = 1.25, γ = 0.5, homogeneous readouts, binary inner weights: a first-order jump of Q at α_sp.',
    source: A,
    overlay: BINARY_OVERLAY,
  },
  {
    id: 'h2-quadratic',
    family: 'mlp',
    group: 'Weight priors',
    title: 'Quadratic σ = x²/√2: no specialisation',
    hash: link('h2', 1.25, 'ones', 'gaussian', 2),
    caption:
      'σ = He₂/√2 has no Hermite component beyond order 2 (g ≡ 0): with Gaussian W the posterior is rotation invariant, Q ≡ 0 and ε_opt is the universal branch, the closed form of arXiv 2408.03733.',
    source: `${A} (and arXiv 2408.03733)`,
  },
  ...(
    [
      ['ones', 0.0997, 0.2839],
      ['rad', 0.0948, 0.2989],
      ['gauss', 0.0638, 0.2634],
    ] as const
  ).map(([readout, epsOpt, epsUni]): Preset => ({
    id: `hardness-${readout}`,
    family: 'mlp',
    group: 'Hardness comparison (h23, Δ = 0.1)',
    title: `h23, Δ = 0.1, ${readout === 'ones' ? 'v = 1' : readout === 'rad' ? 'v = ±1' : 'v ~ N(0, 1)'}`,
    hash: link('h23', 0.1, readout, 'gaussian', 1),
    caption: `The setting of the authors’ hardness study (h23, Δ = 0.1, γ = 0.5, α = 1, ${READOUT_WORDS[readout]}): at α = 1 ε_opt = {epsOpt} lies on the specialised branch while randomly initialised samplers sit on the universal (metastable) branch, ε_uni = {epsUni}; the time they need to specialise grows with d. Compare the gap ε_uni − ε_opt across the three readout laws. The timing data themselves are not shipped.`,
    claims: { epsOpt: at('epsOpt', 1, epsOpt, 4), epsUni: at('epsUni', 1, epsUni, 4) },
    source: `${A}; Minh-Toan/extensive-width-NN continuous_W/hardness`,
  })),
  {
    id: 'time-to-specialise',
    family: 'mlp',
    group: 'Time to specialise',
    title: 'Time to specialise vs d (tanh(2x), Δ = 10⁻⁴, ADAM)',
    hash: link('tanh2', 0.0001, 'ones', 'gaussian', 3),
    caption:
      'σ = tanh(2x), Δ = 10⁻⁴, γ = 0.5, v = 1, Gaussian W, α = 3 (paper B’s ADAM timing setting at a browser-sized α): the specialised branch, ε_opt = {epsOpt3}, is the equilibrium from α_sp ≈ {alphaSp}, while the universal branch, ε_uni = {epsUni3}, stays metastable at every α. Press “Run sweep” in the Time to specialise panel (its defaults: ADAM, d = 10, 14, 20, 28, six seeds): from a small random start ADAM first settles on the universal plateau (test MSE ≈ ε_uni) and only later escapes below ε̄; the median number of steps grows with d, and the panel fits the growth.',
    claims: {
      epsOpt3: at('epsOpt', 3, 0.00002, 6),
      alphaSp: { quantity: 'alphaSp', value: 0.57, digits: 2 },
      epsUni3: at('epsUni', 3, 0.1031, 4),
    },
    source: `${B} (ADAM_time_2LNN: tanh(2x), Δ = 1e−4, α = 5, d = 80–220); measured here: docs/physics/simulations.md §8`,
  },
  {
    id: 'time-to-specialise-hmc',
    family: 'mlp',
    group: 'Time to specialise',
    title: 'Time to specialise vs d (ReLU, 4-point v, HMC)',
    hash: link('relu', 0.1, '4point', 'gaussian', 3),
    caption:
      'ReLU, Δ = 0.1, γ = 0.5, readouts v = ±1/√5 or ±3/√5 (equal shares), Gaussian W, α = 3: paper B’s HMC timing setting. ε_opt = {epsOpt3} on the specialised branch, ε_uni = {epsUni3}. In the Time to specialise panel choose the algorithm HMC and d values 10,14,20,28,40,56 (8 seeds, budget 400), then “Run sweep”: random-start HMC rests near ε_uni for longer the larger d, from about ten trajectories at d = 10 to about a hundred at d = 56.',
    claims: {
      epsOpt3: at('epsOpt', 3, 0.015, 4),
      epsUni3: at('epsUni', 3, 0.0226, 4),
    },
    source: `${B} (HMC_time_2LNN: ReLU, 4-point readouts, Δ = 0.1, α = 3, d = 100–400); measured here: docs/physics/simulations.md §8`,
  },
];
