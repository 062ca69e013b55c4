// The activations admitted by the any-depth theory (arXiv 2510.24616; docs/physics/mlp-any-depth.md) and their
// exact g tables: hypothesis "H3" (μ0 = μ1 = μ2 = 0, E σ² = 1 within 1e−8) checked on the activation's Gaussian
// moments, the refusal naming the offending coefficient. Built-ins: tanh2-nolin (the authors' σ), h3 = He3/√6
// (g = q³ in closed form); any other name or expr:… is admitted when it satisfies the hypothesis and is smooth.
import { getActivation } from '../../activations';
import { ActivationError } from '../../errors';
import { compileExpression } from '../../expression/validate';
import { Memo } from '../../numerics/cache';
import { buildLayerG, momentsTrapezoid, type LayerG, type Sigma4 } from './gTrapezoid';

export const H3_TOL = 1e-8;

export interface LayerActivation extends LayerG {
  name: string;
}

/** μ0, μ1, μ2, E σ² against the hypothesis: why σ is refused (null when admitted). */
export function hypothesisReason(
  name: string,
  m: { mu0: number; mu1: number; mu2: number; Esigma2: number },
): string | null {
  const bad: string[] = [];
  if (Math.abs(m.mu0) > H3_TOL) bad.push(`μ0 = ${m.mu0.toPrecision(4)}`);
  if (Math.abs(m.mu1) > H3_TOL) bad.push(`μ1 = ${m.mu1.toPrecision(4)}`);
  if (Math.abs(m.mu2) > H3_TOL) bad.push(`μ2 = ${m.mu2.toPrecision(4)}`);
  if (Math.abs(m.Esigma2 - 1) > H3_TOL) bad.push(`E σ² = ${m.Esigma2.toPrecision(6)}`);
  if (!bad.length) return null;
  return `activation ${name} has ${bad.join(', ')}: depth L ≥ 3 (arXiv 2510.24616) needs μ0 = μ1 = μ2 = 0 and E σ² = 1 in every layer (e.g. tanh2-nolin, h3)`;
}

/** tanh(2x) − μ1 x over s: μ1 = E[z tanh 2z], s² = E tanh²(2z) − μ1², by the same trapezoid rule as the table. */
export const TANH2_NOLIN = (() => {
  const base = momentsTrapezoid((x, out) => {
    out[0] = Math.tanh(2 * x);
    out[1] = out[2] = out[3] = 0;
  });
  const mu1 = base.mu1;
  return { mu1, s: Math.sqrt(base.Esigma2 - mu1 * mu1) };
})();

/** σ = (tanh 2x − μ1 x)/s and its first three derivatives. */
export const tanh2Nolin: Sigma4 = (x, out) => {
  const t = Math.tanh(2 * x);
  const u = 1 - t * t;
  const { mu1, s } = TANH2_NOLIN;
  out[0] = (t - mu1 * x) / s;
  out[1] = (2 * u - mu1) / s;
  out[2] = (-8 * t * u) / s;
  out[3] = (16 * u * (2 * t * t - u)) / s;
};

const he3: LayerG = { g: (q) => clamp01(q) ** 3, gPrime: (q) => 3 * clamp01(q) ** 2, gSecond: (q) => 6 * clamp01(q) };

function clamp01(q: number): number {
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

// σ'' and σ''' of a typed σ by central differences of its exact σ' (errors ~1e−7 relative): they only enter as
// slope and curvature data of the interpolants (scaled by the node spacing), whose values come from the exact σ, σ'.
const FD_STEP = 1e-3;

/** Table intervals for typed σ: half the built-ins' (their evaluation is slower); 5e−12 for a tanh-like σ. */
const GENERIC_INTERVALS = 64;

/** A registry activation or expression: hypothesis on its quadrature moments, then the trapezoid table. */
function generic(name: string): LayerActivation {
  const act = getActivation(name);
  const [mu0, mu1, mu2] = act.mu;
  const why = hypothesisReason(name, { mu0, mu1, mu2, Esigma2: act.Esigma2 });
  if (why) throw new ActivationError(why);
  const compiled = name.startsWith('expr:') ? compileExpression(name.slice(5)) : null;
  if (compiled?.nonSmooth)
    throw new ActivationError(
      `activation ${name} uses a non-smooth function: depth L ≥ 3 tabulates g by a rule that needs a smooth σ`,
    );
  const pair = new Float64Array(2);
  const both =
    compiled?.evaluateInto ??
    ((x: number, out: Float64Array) => {
      out[0] = act.sigma(x);
      out[1] = act.dsigma(x);
    });
  const sigma: Sigma4 = (x, out) => {
    both(x, pair);
    const d = pair[1];
    const dp = act.dsigma(x + FD_STEP);
    const dm = act.dsigma(x - FD_STEP);
    out[0] = pair[0];
    out[1] = d;
    out[2] = (dp - dm) / (2 * FD_STEP);
    out[3] = (dp - 2 * d + dm) / (FD_STEP * FD_STEP);
  };
  return { name, ...buildLayerG(sigma, parity(act.sigma), GENERIC_INTERVALS) };
}

/** Whether σ is odd or even (to rounding) on sample points: the table then sums over u ≥ 0 only. */
function parity(sigma: (x: number) => number): boolean {
  let odd = true;
  let even = true;
  for (let x = 0.137; x < 9; x += 0.41) {
    const a = sigma(x);
    const b = sigma(-x);
    const tol = 1e-13 * (1 + Math.abs(a));
    if (Math.abs(a + b) > tol) odd = false;
    if (Math.abs(a - b) > tol) even = false;
  }
  return odd || even;
}

const layers = new Memo<string, LayerActivation>(16);

/** The g, g', g'' of the activation called `name`, built now (uncached: the benchmark); ActivationError if refused. */
export function buildLayerActivation(name: string): LayerActivation {
  if (name === 'tanh2-nolin') return { name, ...buildLayerG(tanh2Nolin, true) };
  if (name === 'h3') return { name, ...he3 };
  return generic(name);
}

/** The g, g', g'' of the activation called `name` at depth L ≥ 3, cached; ActivationError when it is refused. */
export function getLayerActivation(name: string): LayerActivation {
  return layers.get(name, buildLayerActivation);
}

/** Why `name` cannot be used at depth L ≥ 3 (null when it can): for the views' depth control. */
export function anyDepthRefusal(name: string): string | null {
  try {
    getLayerActivation(name);
    return null;
  } catch (e) {
    if (e instanceof ActivationError) return e.message;
    throw e;
  }
}
