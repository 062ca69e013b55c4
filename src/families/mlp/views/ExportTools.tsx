// The MLP family's plot tools: export buttons and the hover read-out, one element in EpsPlot and in OverlapPlot.
import { useCallback } from 'react';
import { useExplorer } from '../store';
import { pageBase } from '../../../platform/plots/export';
import { epsTable, mlpContext, overlapTable } from '../export';
import { ExportMenu } from '../../../platform/plots/ExportMenu';
import { PlotHover, type HoverColumn } from '../../../platform/plots/PlotHover';

const EPS_HOVER: HoverColumn[] = [
  { column: 'alpha', label: 'α' },
  { column: 'eps_opt', label: 'ε_opt' },
  { column: 'eps_universal', label: 'ε univ.' },
  { column: 'eps_specialised', label: 'ε spec.' },
  { column: 'equilibrium', label: 'equilibrium' },
];

export function MlpExport({ plot }: { plot: 'eps' | 'overlaps' }) {
  const context = useCallback(() => mlpContext(useExplorer.getState().params, pageBase()), []);
  const table = useCallback(() => {
    const c = useExplorer.getState().curve;
    return c ? (plot === 'eps' ? epsTable(c) : overlapTable(c)) : null;
  }, [plot]);
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
  return (
    <>
      <ExportMenu
        plot={plot}
        title={plot === 'eps' ? 'ε(α) plot' : 'overlap plot'}
        context={context}
        table={table}
        extraJson={extraJson}
        fileKeys={['activation', 'gamma', 'delta', 'readout', 'weights']}
      />
      <PlotHover plot={plot} table={table} columns={hover} />
    </>
  );
}
