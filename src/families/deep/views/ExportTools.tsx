// What the export menus (SVG, PNG, CSV, JSON) of the deep family's three plots write; their LinePlot carries the menu.
import { useDeep } from '../store';
import { deepContext, deepEpsTable, deepOverlapTable, deepProfileTable } from '../export';
import { pageBase } from '../../../platform/plots/export';
import type { ExportMenuProps } from '../../../platform/plots/ExportMenu';

const TITLES = { 'deep-eps': 'ε(α) plot', 'deep-overlaps': 'overlap plot', 'deep-profile': 'Q1(s) profile' } as const;

export function deepExport(plot: keyof typeof TITLES): Partial<ExportMenuProps> {
  const table = () => {
    const { curve, params } = useDeep.getState();
    if (!curve) return null;
    return plot === 'deep-eps'
      ? deepEpsTable(curve)
      : plot === 'deep-overlaps'
        ? deepOverlapTable(curve)
        : deepProfileTable(curve, params.alpha);
  };
  const extraJson = () => {
    const c = useDeep.getState().curve;
    return c ? { epsUniversal: c.header.epsUniversal, Kd: c.header.Kd, notes: c.header.notes } : {};
  };
  return {
    plot,
    title: TITLES[plot],
    context: () => deepContext(useDeep.getState().params, pageBase()),
    table,
    extraJson,
    fileKeys: ['activation', 'gamma', 'gamma2', 'delta', 'readout', 'weights'],
  };
}
