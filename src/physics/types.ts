// Shared types of the physics engine (pure data; no DOM). Conventions: docs/physics/mlp-shallow.md.

/** Built-in activation names (CLI names). A user expression is passed as `expr:<expression in x>`. */
export const ACTIVATION_NAMES = [
  'relu',
  'elu',
  'tanh',
  'tanh2',
  'tanh2-unit',
  'tanh2-nolin',
  'erf',
  'sigmoid',
  'softplus',
  'leakyrelu',
  'linear',
  'h2',
  'h3',
  'h23',
] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** Display labels of the built-ins (the registry builds each under its label; the page's menu shows them at once). */
export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  relu: 'ReLU',
  elu: 'ELU',
  tanh: 'tanh',
  tanh2: 'tanh(2x)',
  'tanh2-unit': 'tanh(2x), unit variance',
  'tanh2-nolin': 'tanh(2x) − μ1x, unit variance',
  erf: 'erf',
  sigmoid: 'sigmoid',
  softplus: 'softplus',
  leakyrelu: 'leaky ReLU',
  linear: 'linear',
  h2: 'x²/√2',
  h3: 'He₃/√6',
  h23: 'He₂/√2 + He₃/6',
};

/** Readout laws P_v, all with E v² = 1. */
export const READOUT_LAWS = ['ones', 'rad', 'unif', 'gauss', '4point'] as const;
export type ReadoutLaw = (typeof READOUT_LAWS)[number];

/** Inner-weight priors P_W. */
export const WEIGHT_PRIORS = ['gaussian', 'rademacher'] as const;
export type WeightPrior = (typeof WEIGHT_PRIORS)[number];

/**
 * Branches by name (docs/physics/mlp-shallow.md §6a): `specialised` is the stable Q ≠ 0 point of largest Q (the
 * authors' large-Q branch where it exists); `large-Q` the branch that saturates at Q → 1, `small-Q` the one born at
 * Q = 0 where the universal branch loses stability (each null where it does not exist).
 */
export const BRANCH_CHOICES = ['equilibrium', 'universal', 'specialised', 'small-Q', 'large-Q'] as const;
export type BranchChoice = (typeof BRANCH_CHOICES)[number];

/** Parameters of the shallow (L = 1) model that do not vary along an ε(α) curve. */
export interface ShallowParams {
  activation: string; // a name of ACTIVATION_NAMES or 'expr:…'
  gamma: number; // γ = k/d
  delta: number; // Δ, label-noise variance
  readout: ReadoutLaw;
  weights: WeightPrior;
}

/** Convergence report carried by every numerical result instead of throwing or returning NaN. */
export interface Convergence {
  converged: boolean;
  iterations: number;
  residual: number;
}

/** One stationary point of the RS free entropy at a given α. */
export interface BranchSolution extends Convergence {
  kind: 'universal' | 'specialised';
  eps: number; // ε = K_d − K*, Bayes error (no factor ½)
  f: number; // f_RS, free entropy per sample
  R2: number; // overlap of the quadratic part S2
  R2hat: number; // R̂2
  tau: number; // τ, m_S(τ) = E_v[v² Q(v)²]
  /** Q(v) on the readout atoms (same order as atoms). */
  Q: number[];
  Qhat: number[];
  /**
   * Continuous P_v: E v²Q² of the continuum, the branch's coordinate (Q at the atoms steps where the moving cutoff
   * passes one, and is 0 at every atom where only |v| beyond the last one specialise).
   */
  M?: number;
}

/** Everything the plots need at one α. */
export interface ShallowPoint {
  alpha: number;
  /** Equilibrium (largest f) unless the model's symmetry pins Q ≡ 0; see `note`. */
  eps: number;
  epsUni: number;
  equilibrium: 'universal' | 'specialised';
  universal: BranchSolution;
  /** Best specialised (Q ≠ 0) stationary point found (largest f), null where none exists. */
  specialised: BranchSolution | null;
  /** All distinct Q ≠ 0 stationary points found (warm starts for the neighbouring α). */
  stationary: BranchSolution[];
}

/** Readout atoms used by the saddle-point equations (continuous laws are discretised). */
export interface ReadoutAtoms {
  law: ReadoutLaw;
  v: Float64Array;
  p: Float64Array; // probabilities, sum 1, with Σ p v² = 1 exactly
}
