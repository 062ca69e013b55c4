// An activation from σ and σ' (arXiv 2510.24616; docs/physics/mlp-shallow.md §2): its Hermite coefficients μ_0 … μ_6, E σ²,
// g(1) = E σ² − μ0² − μ1² − μ2²/2, and g, g' from closed forms when given, else from a table built once here
// (gTable.ts) on the cheapest verified 2-D quadrature (quadrature.ts).
import { ActivationError } from '../errors';
import { ACTIVATION_LABELS, type ActivationName } from '../types';
import { buildTable } from './gTable';
import {
  cheapestPlan,
  INV_SQRT_2PI,
  maxRelDiff,
  momentVector,
  moments,
  QUAD_1D,
  QUAD_2D,
  symmetricSet,
  tableIntegrand,
  verifiedPlan,
  type PairPlan,
  type PairSpec,
} from './quadrature';
import type { GaussRuleOptions } from '../numerics/gaussRule';

export interface Activation {
  name: string; // 'relu' … or 'expr:<text>'
  label: string; // for the UI
  formula: string; // human-readable σ(x)
  sigma: (x: number) => number;
  dsigma: (x: number) => number; // σ'
  mu: number[]; // μ_0 … μ_6, μ_ℓ = E[σ(z) He_ℓ(z)]
  Esigma2: number; // E σ(z)²
  g1: number; // g(1) = E σ² − μ0² − μ1² − μ2²/2
  g: (q: number) => number; // q ∈ [0, 1], clamped outside
  gPrime: (q: number) => number; // g'(q)
  isQuadratic: boolean; // g ≡ 0: σ is a polynomial of degree ≤ 2
}

export interface BuildOptions {
  label?: string;
  formula?: string;
  /** out[0] = σ(x), out[1] = σ'(x) in one pass (faster tables). Default: calls sigma and dsigma. */
  evaluateInto?: (x: number, out: Float64Array) => void;
  /** Points where σ or σ' has a kink (panel edges of the quadrature). Default none. */
  breakpoints?: readonly number[];
  /** Closed forms of g and g'; when given, no table is built. */
  closedForm?: { g: (q: number) => number; gPrime: (q: number) => number };
  /** Exact μ_0 … μ_6 and E σ², replacing the quadrature values. */
  mu?: number[];
  Esigma2?: number;
  /** Smallest number of intervals of the table's u grid (a power of 2; doubled until accurate). */
  tableSize?: number;
  /** Unknown σ (user expressions): refine the quadrature until it converges, and reject σ it cannot handle. */
  verify?: boolean;
  /**
   * The 2-D quadrature of the table, chosen offline for built-ins (activations.test.ts checks it);
   * by default the cheapest one that matches a reference rule to 1e−11 is searched for.
   */
  pairQuadrature?: PairSpec;
}

/** How an activation's g was obtained (for tests and benchmarks). */
export interface ActivationDiagnostics {
  source: 'quadratic' | 'closed form' | 'table';
  tableSize: number; // intervals of the u grid (0 without a table)
  quadrature: string; // the 2-D rule of the table
  buildMs: number; // time to build the activation
}
const diagnostics = new WeakMap<Activation, ActivationDiagnostics>();

export function activationDiagnostics(act: Activation): ActivationDiagnostics | undefined {
  return diagnostics.get(act);
}

/**
 * Build an activation from σ and σ'. μ_ℓ, E σ², g(1) by composite Gauss–Legendre quadrature (edges at
 * the breakpoints); g and g' from closed forms when given, else from a table built once here.
 */
export function buildActivation(
  name: string,
  sigma: (x: number) => number,
  dsigma: (x: number) => number,
  opts: BuildOptions = {},
): Activation {
  const startMs = performance.now();
  const ev =
    opts.evaluateInto ??
    ((x: number, out: Float64Array): void => {
      out[0] = sigma(x);
      out[1] = dsigma(x);
    });
  const breakpoints = opts.breakpoints ?? [];
  let quad1: GaussRuleOptions = { ...QUAD_1D, breakpoints };
  const quad2: GaussRuleOptions = { ...QUAD_2D, breakpoints };
  let m = moments(ev, quad1);

  if (opts.verify) {
    // Halve the panels until the moments agree to 1e−11: steep σ (tanh(10x)) need finer panels, and σ
    // with a non-integrable singularity never converge.
    let converged = false;
    for (let level = 0; level < 4 && !converged; level++) {
      const finer = { ...quad1, panelWidth: (quad1.panelWidth as number) / 2 };
      const mf = moments(ev, finer);
      converged = maxRelDiff(momentVector(m), momentVector(mf)) < 1e-11;
      if (!converged) {
        quad1 = finer;
        m = mf;
      }
    }
    if (!converged)
      throw new ActivationError(`${name}: E σ(z)² or E σ'(z)² does not converge (σ is singular or too steep)`);
    // E σ² must be captured on [−12, 12]: reject σ growing like e^{c x²}.
    let tail = 0;
    for (const x of [-12, -11, 11, 12])
      tail = Math.max(tail, (sigma(x) ** 2 + dsigma(x) ** 2) * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
    if (!(tail <= 1e-12 * (m.Esigma2 + m.Edsigma2))) {
      throw new ActivationError(
        `${name}: σ grows too fast for E σ(z)² to be computed (σ(z)² φ(z) is not small at |z| = 12)`,
      );
    }
    // Stein: E z σ = E σ' and E He2 σ = E z σ' hold iff σ has no jumps; Price's theorem (g') needs that.
    const scale = Math.max(1, Math.sqrt(m.Esigma2), Math.sqrt(m.Edsigma2));
    if (Math.abs(m.mu[1] - m.Edsigma) > 1e-8 * scale || Math.abs(m.mu[2] - m.Ezdsigma) > 1e-8 * scale) {
      throw new ActivationError(
        `${name}: σ must be continuous (it jumps); g'(q) = E[σ'(z)σ'(z')] − μ1² − μ2²q needs a continuous σ`,
      );
    }
  }

  const mu = opts.mu ?? m.mu;
  const Esigma2 = opts.Esigma2 ?? m.Esigma2;
  const g1 = Esigma2 - mu[0] ** 2 - mu[1] ** 2 - 0.5 * mu[2] ** 2;
  const gPrime1 = m.Edsigma2 - mu[1] ** 2 - mu[2] ** 2;
  // g(1) = Σ_{ℓ≥3} μ_ℓ²/ℓ! ≥ 0 vanishes only if all μ_ℓ (ℓ ≥ 3) do: σ is a polynomial of degree ≤ 2.
  const isQuadratic = Math.abs(g1) < 1e-12 * Math.max(1, Esigma2);

  let g: (q: number) => number;
  let gPrime: (q: number) => number;
  let info: Omit<ActivationDiagnostics, 'buildMs'> = { source: 'quadratic', tableSize: 0, quadrature: '' };
  if (isQuadratic) {
    g = () => 0;
    gPrime = () => 0;
  } else if (opts.closedForm) {
    ({ g, gPrime } = opts.closedForm);
    info = { source: 'closed form', tableSize: 0, quadrature: '' };
  } else {
    const table = tableIntegrand(sigma, ev, mu);
    const half = table.symmetric && symmetricSet(breakpoints);
    let plan: PairPlan = { spec: { kind: 'composite', opts: quad2 }, half };
    if (opts.pairQuadrature) {
      const spec = opts.pairQuadrature;
      plan = { spec: spec.kind === 'composite' ? { kind: 'composite', opts: { ...quad2, ...spec.opts } } : spec, half };
    } else {
      if (opts.verify) plan = verifiedPlan(name, table.ev, plan);
      plan = cheapestPlan(table.ev, plan, breakpoints.length === 0);
    }
    // Jumps of σ' at the breakpoints fix the slope of g' in u at q = 1 (see buildTable).
    let slopeJumpTerm = 0;
    for (const c of breakpoints) {
      const eps = 1e-7 * (1 + Math.abs(c));
      const jump = dsigma(c + eps) - dsigma(c - eps);
      slopeJumpTerm += (jump * jump * INV_SQRT_2PI * Math.exp(-0.5 * c * c)) / Math.sqrt(Math.PI);
    }
    const t = buildTable(name, table.ev, table.mu, g1, gPrime1, slopeJumpTerm, plan, opts.tableSize);
    ({ g, gPrime } = t);
    const spec = plan.spec;
    const rule =
      spec.kind === 'hermite'
        ? `Gauss–Hermite ${spec.n}²`
        : `Gauss–Legendre panels ${spec.opts.panelWidth} × ${spec.opts.points} pts on [−${spec.opts.L}, ${spec.opts.L}]`;
    info = { source: 'table', tableSize: t.size ?? 0, quadrature: rule + (plan.half ? ', folded' : '') };
  }
  const act: Activation = {
    name,
    // A built-in's one display label (types.ts: the page's menu shows them before any activation is built).
    label: opts.label ?? (Object.hasOwn(ACTIVATION_LABELS, name) ? ACTIVATION_LABELS[name as ActivationName] : name),
    formula: opts.formula ?? name,
    sigma,
    dsigma,
    mu: mu.slice(),
    Esigma2,
    g1: isQuadratic ? 0 : g1,
    g,
    gPrime,
    isQuadratic,
  };
  diagnostics.set(act, { ...info, buildMs: performance.now() - startMs });
  return act;
}
