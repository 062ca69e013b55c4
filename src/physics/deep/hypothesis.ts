// Hypothesis H2 of the L = 2 theory (arXiv 2510.24616, Result 3): μ0 = μ2 = 0 in both layers, so that no
// quadratic matrix order parameter appears. Outside it the theory's numbers are not supported: refuse.
import { ParamError } from '../errors';
import type { Activation } from '../activations';

export const H2_TOL = 1e-8;

/** Why this activation falls outside H2 (null when it is inside). */
export function hypothesisViolation(act: Activation, layer: 1 | 2): string | null {
  const [mu0, , mu2] = act.mu;
  const bad: string[] = [];
  if (Math.abs(mu0) > H2_TOL) bad.push(`μ0 = ${mu0.toPrecision(4)}`);
  if (Math.abs(mu2) > H2_TOL) bad.push(`μ2 = ${mu2.toPrecision(4)}`);
  if (!bad.length) return null;
  return `layer ${layer} activation ${act.name} has ${bad.join(' and ')}: the L = 2 theory (arXiv 2510.24616) needs μ0 = μ2 = 0 in both layers (odd activations such as tanh2-unit, tanh, erf, h3 qualify)`;
}

/** How far E σ⁽¹⁾² may lie from 1 (the quadrature of g⁽¹⁾(1) is good to ~1e−10). */
export const UNIT_VARIANCE_TOL = 1e-6;

/**
 * Checks both layers. The second layer's pre-activations are Gaussian with variance E σ⁽¹⁾² = μ1⁽¹⁾² + g⁽¹⁾(1)
 * (CLT over k1), while its Hermite coefficients μ⁽²⁾ and g⁽²⁾ are those of a standard Gaussian input: the equations
 * hold only for E σ⁽¹⁾² = 1 (docs/physics/mlp-deep.md §1). Elsewhere K_d = … + g⁽²⁾(E σ⁽¹⁾²) is not the target's
 * variance (sin(8x): E σ² = ½ gave ε ≈ 6e−15 at every α), so the first layer must have unit variance; the last
 * layer may have any.
 */
export function checkHypothesis(act1: Activation, act2: Activation): void {
  const why = hypothesisViolation(act1, 1) ?? hypothesisViolation(act2, 2);
  if (why) throw new ParamError(why);
  const v1 = act1.mu[1] ** 2 + act1.g1;
  if (Math.abs(v1 - 1) > UNIT_VARIANCE_TOL) {
    throw new ParamError(
      `layer 1 activation ${act1.name} has E σ² = ${v1.toPrecision(4)} ≠ 1: the L = 2 theory needs unit-variance hidden layers (the second layer's input must be standard Gaussian); divide σ by ${Math.sqrt(v1).toPrecision(6)} (e.g. tanh2-unit)`,
    );
  }
}
