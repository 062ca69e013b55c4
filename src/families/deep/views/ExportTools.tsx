// The deep family's plot tools: export buttons (SVG, PNG, CSV, JSON) for its three plots.
import { useCallback } from 'react';
import { useDeep } from '../store';
import { deepContext, deepEpsTable, deepOverlapTable, deepProfileTable } from '../export';
import { pageBase } from '../../../platform/plots/export';
import { ExportMenu } from '../../../platform/plots/ExportMenu';

const TITLES = { 'deep-eps': 'ε(α) plot', 'deep-overlaps': 'overlap plot', 'deep-profile': 'Q1(s) profile' } as const;

export function DeepExport({ plot }: { plot: keyof typeof TITLES }) {
  const context = useCallback(() => deepContext(useDeep.getState().params, pageBase()), []);
  const table = useCallback(() => {
    const { curve, params } = useDeep.getState();
    if (!curve) return null;
    return plot === 'deep-eps'
      ? deepEpsTable(curve)
      : plot === 'deep-overlaps'
        ? deepOverlapTable(curve)
        : deepProfileTable(curve, params.alpha);
  }, [plot]);
  const extraJson = () => {
    const c = useDeep.getState().curve;
    return c ? { epsUniversal: c.header.epsUniversal, Kd: c.header.Kd, notes: c.header.notes } : {};
  };
  return (
    <ExportMenu
      plot={plot}
      title={TITLES[plot]}
      context={context}
      table={table}
      extraJson={extraJson}
      fileKeys={['activation', 'gamma', 'gamma2', 'delta', 'readout', 'weights']}
    />
  );
}
