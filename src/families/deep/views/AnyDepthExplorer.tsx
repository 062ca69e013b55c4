// The deep tab at depth L ≥ 3: the same controls (one σ and γ for every layer), the any-depth plots, the values of
// α_sp and α_e, and notes (arXiv 2510.24616; docs/physics/mlp-any-depth.md).
import { memo } from 'react';
import { formatValue } from '../../../platform/plots/scales';
import { useDeep } from '../store';
import { DeepControls } from './DeepControls';
import { AnyDepthEpsPlot, AnyDepthOverlapsPlot, AnyDepthThresholdsPlot } from './AnyDepthPlots';
import { KeyValueTable } from '../../../platform/ui/fields';

const Thresholds = memo(function Thresholds() {
  const result = useDeep((s) => s.anyDepth);
  const depth = useDeep((s) => s.params.depth);
  const c = result?.curves.find((x) => x.depth === depth);
  if (!c) return null;
  const rows: [string, string, string][] = [
    ['α_sp (specialised branch appears)', formatValue(c.alphaSp ?? NaN), 'anydepth-alpha-sp'],
    ['α_e (equilibrium jumps)', formatValue(c.alphaE ?? NaN), 'anydepth-alpha-e'],
    ['ε at α_e (specialised)', formatValue(c.epsE ?? NaN), 'anydepth-eps-e'],
    [
      'α_sp/L, α_e/L',
      `${formatValue((c.alphaSp ?? NaN) / depth, 4)}, ${formatValue((c.alphaE ?? NaN) / depth, 4)}`,
      'anydepth-per-layer',
    ],
  ];
  return (
    <section className="panel" aria-label="thresholds" data-testid="anydepth-readout">
      <h2>Thresholds at L = {depth}</h2>
      <KeyValueTable rows={rows} />
    </section>
  );
});

function Notes() {
  return (
    <aside className="notes" data-testid="anydepth-notes">
      <ul>
        <li>
          Theory: the nested replica-symmetric saddle point of arXiv 2510.24616 for L hidden layers, under μ0 = μ1 = μ2
          = 0 and E σ² = 1 in every layer (then no product overlaps survive). Gaussian W; v = 1 or ±1.
        </li>
        <li>
          Two branches only: nothing learnt (ε = 1, always at least metastable) and specialised, where all layers jump
          together. Solid: equilibrium (largest free entropy), with its vertical jump at α_e. Dashed: the specialised
          branch between its spinodal α_sp and α_e, where it is metastable.
        </li>
        <li>
          Against α/L the transition α_e moves right with depth while α_sp barely moves: deeper targets are harder.
        </li>
      </ul>
    </aside>
  );
}

export function AnyDepthExplorer() {
  return (
    <main className="layout deep-layout" data-testid="anydepth-explorer">
      <div className="area-controls">
        <DeepControls />
      </div>
      <div className="area-readout">
        <Thresholds />
      </div>
      <div className="plots">
        <AnyDepthEpsPlot />
        <Notes />
        <AnyDepthOverlapsPlot />
        <AnyDepthThresholdsPlot />
      </div>
    </main>
  );
}
