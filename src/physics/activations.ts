// Activations σ with their Hermite coefficients μ_ℓ, E σ² and the higher-order part g(q) = Σ_{ℓ≥3} μ_ℓ² q^ℓ/ℓ!
// with g'(q) (arXiv 2510.24616; docs/physics/mlp-shallow.md §2). The parts, one concern a file:
//   activation/quadrature.ts  μ_ℓ and the 1-D / 2-D Gaussian quadratures of σ, the choice of the 2-D rule
//   activation/gTable.ts      g and g' tabulated and interpolated by quintic Hermite
//   activation/build.ts       an Activation from σ and σ'
//   activation/registry.ts    the built-ins, user expressions 'expr:…', getActivation (cached)
export {
  activationDiagnostics,
  buildActivation,
  type Activation,
  type ActivationDiagnostics,
  type BuildOptions,
} from './activation/build';
export type { PairSpec } from './activation/quadrature';
export { activationFromExpression, getActivation } from './activation/registry';
