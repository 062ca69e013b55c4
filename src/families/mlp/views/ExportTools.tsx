// The MLP family's plot tools: what the export menu of EpsPlot and OverlapPlot writes (their LinePlot carries the
// menu), and the hover read-out, one element in each caption.
import { useExplorer } from '../store';
import { pageBase } from '../../../platform/plots/export';
import { epsTable, mlpContext, overlapTable } from '../export';
import type { ExportMenuProps } from '../../../platform/plots/ExportMenu';
import { PlotHover, type HoverColumn } from '../../../platform/plots/PlotHover';

const EPS_HOVER: HoverColumn[] = [
  { column: 'alpha', label: 'α' },
  { column: 'eps_opt', label: 'ε_opt' },
  { column: 'eps_universal', label: 'ε univ.' },
  { column: 'eps_specialised', label: 'ε spec.' },
  { column: 'equilibrium', label: 'equilibrium' },
];

type MlpPlot = 'eps' | 'overlaps';

const tableOf = (plot: MlpPlot) => () => {
  const c = useExplorer.getState().curve;
  return c ? (plot === 'eps' ? epsTable(c) : overlapTable(c)) : null;
};

/** The export of an MLP plot: its table (the overlays drawn are added by LinePlot), CLI flags, transition. */
export function mlpExport(plot: MlpPlot): Partial<ExportMenuProps> {
  const extraJson = () => {
    const t = useExplorer.getState().curve?.transition;
    return t
      ? {
          transition: {
            alphaSp: t.alphaSp,
            order: t.order,
            alphaOnset: t.alphaOnset,
            spinodalSpec: t.spinodalSpec,
            spinodalUni: t.spinodalUni,
          },
        }
      : {};
  };
  return {
    plot,
    title: plot === 'eps' ? 'ε(α) plot' : 'overlap plot',
    context: () => mlpContext(useExplorer.getState().params, pageBase()),
    table: tableOf(plot),
    extraJson,
    fileKeys: ['activation', 'gamma', 'delta', 'readout', 'weights'],
  };
}

/** The hover read-out of an MLP plot (the columns of its export table). */
export function MlpHover({ plot }: { plot: MlpPlot }) {
  const header = useExplorer((s) => s.curve?.header);
  const hover: HoverColumn[] =
    plot === 'eps'
      ? EPS_HOVER
      : [
          { column: 'alpha', label: 'α' },
          { column: 'equilibrium', label: 'equilibrium' },
          { column: 'R2_shifted', label: 'R₂ − (ρ₂ − 1)' },
          ...(header
            ? overlapTable({ ...useExplorer.getState().curve!, points: [] })
                .columns.filter((c) => /^Q_v[\d.]+$/.test(c))
                .map((c) => ({ column: c, label: `Q(|v| = ${c.slice(3)})` }))
            : []),
        ];
  return <PlotHover plot={plot} table={tableOf(plot)} columns={hover} />;
}
