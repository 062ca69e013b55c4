// The data behind the deep family's plots (arXiv 2510.24616, Result 3), as tables for CSV export: one row per α
// for ε(α) (every branch, with f and convergence) and for the layer-wise overlaps; one row per |s| class for the
// first-layer profile Q1(s) at the selected α. Columns: Q21_v… = Q2:1 of readout value v (paper's Q_{2:1}(v)).
import type { DeepBranch } from '../../physics/deep/deepSolver';
import type { DeepCurve } from './store';
import { nearestDeepPoint } from './store';
import type { DeepUiParams } from './params';
import { deepCodec } from './params';
import type { DataTable, ExportContext } from '../../platform/plots/export';

const BRANCHES: DeepBranch[] = ['universal', 'layer1', 'product', 'specialised'];

export function deepEpsTable(curve: DeepCurve): DataTable {
  return {
    columns: [
      'alpha',
      'eps_opt',
      'equilibrium',
      'f_opt',
      ...BRANCHES.flatMap((b) => [`eps_${b}`, `f_${b}`, `converged_${b}`]),
    ],
    rows: curve.points.map((p) => [
      p.alpha,
      p.eq.eps,
      p.equilibrium,
      p.eq.f,
      ...BRANCHES.flatMap((b) => [p.branches[b].eps, p.branches[b].f, p.branches[b].converged]),
    ]),
  };
}

/**
 * One column per readout value (as the CLI keys Q21), each reading its class (Q2:1 sees v only through v²); none
 * for a single value, or for the many atoms of a continuous law (the mean column is always there).
 */
function readoutColumns(curve: DeepCurve): { name: string; cls: number }[] {
  const { v, classOfAtom } = curve.header;
  if (v.length <= 1 || v.length > 8) return [];
  return v.map((x, j) => ({ name: `Q21_v${Number(x.toPrecision(3))}`, cls: classOfAtom[j] }));
}

export function deepOverlapTable(curve: DeepCurve): DataTable {
  const byV = readoutColumns(curve);
  return {
    columns: ['alpha', 'equilibrium', 'Q1_mean', 'Q2_mean', 'Q21_mean', ...byV.map((c) => c.name)],
    rows: curve.points.map((p) => [
      p.alpha,
      p.equilibrium,
      p.eq.Q1mean,
      p.eq.Q2mean,
      p.eq.Q21mean,
      ...byV.map((c) => p.eq.Q21[c.cls]),
    ]),
  };
}

/** Q1(s) at the grid point nearest the selected α: the equilibrium and every other converged branch. */
export function deepProfileTable(curve: DeepCurve, alpha: number): DataTable | null {
  const pt = nearestDeepPoint(curve.points, alpha);
  if (!pt) return null;
  return {
    columns: ['s_abs', 'Q1_opt', ...BRANCHES.map((b) => `Q1_${b}`)],
    rows: curve.header.s.map((s, i) => [
      s,
      pt.eq.Q1[i],
      ...BRANCHES.map((b) => (pt.branches[b].converged ? pt.branches[b].Q1[i] : null)),
    ]),
  };
}

/** Parameters under the CLI's flag names (`mlp --depth 2 …`) and the share link. */
export function deepContext(params: DeepUiParams, base: string): ExportContext {
  return {
    model: 'deep',
    params: {
      depth: 2,
      activation: params.activation,
      activation2: params.activation2,
      gamma: params.gamma,
      gamma2: params.gamma2,
      delta: params.delta,
      readout: params.readout,
      weights: params.weights,
      quenched: params.quenched,
      alpha: params.alpha,
      'alpha-max': params.alphaMax,
    },
    url: base + deepCodec.encode(params),
  };
}
