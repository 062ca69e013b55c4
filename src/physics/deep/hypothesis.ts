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

/**
 * Checks both layers. The second layer's g⁽²⁾ is evaluated at E σ⁽¹⁾² = μ1⁽¹⁾² + g⁽¹⁾(1), which must lie in [0, 1]
 * (the domain of g; the theory assumes unit-variance hidden layers, which the authors' tanh2-unit has).
 */
export function checkHypothesis(act1: Activation, act2: Activation): void {
  const why = hypothesisViolation(act1, 1) ?? hypothesisViolation(act2, 2);
  if (why) throw new ParamError(why);
  const v1 = act1.mu[1] ** 2 + act1.g1;
  if (v1 > 1 + 1e-9) {
    throw new ParamError(
      `layer 1 activation ${act1.name} has E σ² = ${v1.toPrecision(4)} > 1: g⁽²⁾ is defined on [0, 1]; scale σ⁽¹⁾ to unit variance (e.g. tanh2-unit)`,
    );
  }
}
