// The MLP family's export buttons: one element in EpsPlot and one in OverlapPlot.
import { useExplorer } from '../../state/store';
import { epsTable, mlpContext, overlapTable } from '../../share/mlpExport';
import { ExportMenu } from './ExportMenu';

const base = () => window.location.origin + window.location.pathname;

export function MlpExport({ plot }: { plot: 'eps' | 'overlaps' }) {
  const context = () => mlpContext(useExplorer.getState().params, base());
  const table = () => {
    const c = useExplorer.getState().curve;
    return c ? (plot === 'eps' ? epsTable(c) : overlapTable(c)) : null;
  };
  const extraJson = () => {
    const t = useExplorer.getState().curve?.transition;
    return t ? { transition: { alphaSp: t.alphaSp, order: t.order, alphaOnset: t.alphaOnset, spinodalSpec: t.spinodalSpec, spinodalUni: t.spinodalUni } } : {};
  };
  return (
    <ExportMenu
      plot={plot}
      title={plot === 'eps' ? 'ε(α) plot' : 'overlap plot'}
      context={context}
      table={table}
      extraJson={extraJson}
      fileKeys={['activation', 'gamma', 'delta', 'readout', 'weights']}
    />
  );
}
