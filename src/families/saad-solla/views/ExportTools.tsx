// The Saad–Solla tab's export buttons (SVG, PNG, CSV, JSON) for its two plots: the ODE rows and, when a finite-N
// simulation is shown, its rows (source "simulation", the run's seed index).
import { useCallback } from 'react';
import type { DataTable } from '../../../platform/plots/export';
import { pageBase } from '../../../platform/plots/export';
import { ExportMenu } from '../../../platform/plots/ExportMenu';
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

export function SaadSollaExport({ plot }: { plot: keyof typeof TITLES }) {
  const context = useCallback(() => {
    const p = useSaadSolla.getState().params;
    const { alphaMax, ...rest } = p;
    return {
      model: 'saad-solla',
      params: { ...rest, 'alpha-max': alphaMax },
      url: pageBase() + saadSollaCodec.encode(p),
    };
  }, []);
  const tableOf = useCallback(() => table(plot), [plot]);
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
  return (
    <ExportMenu
      plot={plot}
      title={TITLES[plot]}
      context={context}
      table={tableOf}
      extraJson={extraJson}
      fileKeys={['K', 'M', 'eta']}
    />
  );
}
