// What the hidden-manifold tab's export menus (SVG, PNG, CSV, JSON; carried by its LinePlots) write: the ridge
// curves' rows, the logistic curve's, and the SGD runs' rows (data kind, run, α = steps/N, ε_g).
import type { DataTable } from '../../../platform/plots/export';
import { pageBase } from '../../../platform/plots/export';
import type { ExportMenuProps } from '../../../platform/plots/ExportMenu';
import { HMM_TABLE, hmmCodec } from '../params';
import { useHiddenManifold } from '../store';

const TITLES = {
  'hmm-ridge': 'ridge learning curve',
  'hmm-logistic': 'logistic regression classification error',
  'hmm-sgd': 'online SGD test error',
} as const;
export type HmmPlot = keyof typeof TITLES;

function table(plot: HmmPlot): DataTable | null {
  const { result, simulation, ridgeSim, logistic } = useHiddenManifold.getState();
  if (plot === 'hmm-logistic') {
    if (!logistic || !('points' in logistic)) return null;
    return {
      columns: ['alpha', 'classError', 'converged'],
      rows: logistic.points.map((p) => [p.alpha, p.classError, p.converged]),
    };
  }
  if (plot === 'hmm-ridge') {
    if (!result) return null;
    const rows: (string | number | null)[][] = result.points.map((p, i) => [
      'theory',
      p.alpha,
      p.testError,
      result.interpolation[i]?.testError ?? null,
      null,
    ]);
    for (const p of ridgeSim?.points ?? []) rows.push([`simulation N=${ridgeSim!.N}`, p.alpha, p.mean, null, p.se]);
    return { columns: ['source', 'alpha', 'testError', 'testErrorLambda0', 'se'], rows };
  }
  if (!simulation) return null;
  const rows: (string | number)[][] = [];
  for (const kind of ['hmm', 'iid'] as const)
    simulation.runs[kind].forEach((run, r) => run.forEach((p) => rows.push([kind, r, p.alpha, p.testError])));
  return { columns: ['data', 'run', 'alpha', 'epsG'], rows };
}

function context() {
  const p = useHiddenManifold.getState().params;
  const params = Object.fromEntries(HMM_TABLE.map((row) => [row.key, p[row.field]]));
  return { model: 'hidden-manifold', params, url: pageBase() + hmmCodec.encode(p) };
}

function extraJson() {
  const { result, simulation } = useHiddenManifold.getState();
  return {
    nullError: result?.nullError ?? null,
    ...(simulation ? { simulation: { N: simulation.N, seeds: simulation.seeds, diverged: simulation.diverged } } : {}),
  };
}

/** The export menu of one plot (LinePlot's `exportAs`). */
export function hmmExport(plot: HmmPlot): Partial<ExportMenuProps> {
  return { plot, title: TITLES[plot], context, table: () => table(plot), extraJson, fileKeys: ['f', 'delta'] };
}
