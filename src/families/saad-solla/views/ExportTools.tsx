// What the Saad–Solla tab's export menus (SVG, PNG, CSV, JSON; carried by its LinePlots) write for its two plots:
// the ODE rows and, when a finite-N simulation is shown, its rows (source "simulation", the run's seed index).
import type { DataTable } from '../../../platform/plots/export';
import { pageBase } from '../../../platform/plots/export';
import type { ExportMenuProps } from '../../../platform/plots/ExportMenu';
import { saadSollaCodec } from '../params';
import { useSaadSolla } from '../store';

const TITLES = { 'ss-eps': 'ε_g(α) plot', 'ss-overlaps': 'overlap plot' } as const;

type Row = { alpha: number; eps: number; R: number[]; Q: number[] };

/** Columns source, seed, α and ε_g or the overlaps R_in, Q_ik (row-major, 1-based names). */
function table(plot: keyof typeof TITLES): DataTable | null {
  const { result, simulation, params } = useSaadSolla.getState();
  if (!result) return null;
  const { K, M } = params;
  const names = (p: string, rows: number, cols: number) =>
    Array.from({ length: rows * cols }, (_, j) => `${p}${Math.floor(j / cols) + 1}${(j % cols) + 1}`);
  const cells = (p: Row) => (plot === 'ss-eps' ? [p.eps] : [...p.R, ...p.Q]);
  const rows = result.points.map((p) => ['ode', null, p.alpha, ...cells(p)]);
  simulation?.runs.forEach((run, seed) =>
    run.forEach((p) => rows.push([`simulation N=${simulation.N}`, seed, p.alpha, ...cells(p)])),
  );
  const values = plot === 'ss-eps' ? ['epsG'] : [...names('R', K, M), ...names('Q', K, K)];
  return { columns: ['source', 'seed', 'alpha', ...values], rows };
}

function context() {
  const p = useSaadSolla.getState().params;
  const { alphaMax, ...rest } = p;
  return {
    model: 'saad-solla',
    params: { ...rest, 'alpha-max': alphaMax },
    url: pageBase() + saadSollaCodec.encode(p),
  };
}

export function saadSollaExport(plot: keyof typeof TITLES): Partial<ExportMenuProps> {
  const extraJson = () => {
    const { result, simulation } = useSaadSolla.getState();
    return {
      epsPlateau: result?.plateau.epsPlateau ?? null,
      alphaEscape: result?.alphaEscape ?? null,
      ...(simulation
        ? { simulation: { N: simulation.N, seeds: simulation.seeds, plateauLength: simulation.lengths } }
        : {}),
    };
  };
  return { plot, title: TITLES[plot], context, table: () => table(plot), extraJson, fileKeys: ['K', 'M', 'eta'] };
}
