// The overlap profile Q(v) at the selected α (issue 15 §1): one curve per branch over the readout density, solved on
// request for that α only (controller.ts requestProfile). Continuous laws: 161 v from the converged continuum;
// discrete laws: the atoms.
import { memo, useMemo } from 'react';
import { useExplorer } from '../store';
import { LinePlot } from '../../../platform/plots/LinePlot';
import { formatValue } from '../../../platform/plots/scales';
import { pageBase } from '../../../platform/plots/export';
import { profileRange } from '../../../physics/mlp/profileTypes';
import { mlpContext } from '../export';
import { profileSeries, profileTable } from '../profileSeries';

const HEIGHT = 260;

export const ProfilePlot = memo(function ProfilePlot() {
  const curveKey = useExplorer((s) => s.curve?.key);
  const alpha = useExplorer((s) => s.params.alpha);
  const profile = useExplorer((s) => s.profile);
  // The last profile of these parameters (the previous α while the selected one is being solved).
  const shown = profile && profile.key === curveKey ? profile : null;
  const series = useMemo(() => (shown ? profileSeries(shown.value) : []), [shown]);
  const law = shown?.value.law;
  const top = law ? (shown.value.continuous ? profileRange(law) : Math.max(...shown.value.density.v.map(Math.abs))) : 1;
  const pad = shown && !shown.value.continuous ? 0.15 * top : 0;
  return (
    <LinePlot
      testId="plot-profile"
      caption={
        <>
          Overlap profile <i>Q</i>(<i>v</i>) at <i>α</i> = {formatValue(shown ? shown.alpha : alpha, 4)}
          <span className="caption-hint">
            {' · '}
            {!shown || shown.value.continuous
              ? 'solid: equilibrium, dashed: metastable branch; shaded: where the readouts lie'
              : 'at the readout atoms; filled: equilibrium, open: metastable branch'}
          </span>
        </>
      }
      busy={!shown || shown.alpha !== alpha}
      ariaLabel="Overlap profile Q(v) against the readout value v at the selected α"
      xLabel="readout value v"
      yLabel="overlap Q(v)"
      series={series}
      xDomain={[-top - pad, top + pad]}
      yDomain={[-0.03, 1]} // Q ≡ 0 drawn just above the axis, as in the overlap plot
      height={HEIGHT}
      legend="above"
      xColumn="v"
      attrs={{ 'data-branches': shown?.value.branches.length, 'data-alpha': shown?.alpha }}
      exportAs={{
        plot: 'profile',
        title: 'Q(v) plot',
        context: () => mlpContext(useExplorer.getState().params, pageBase()),
        table: () => {
          const p = useExplorer.getState().profile;
          return p ? profileTable(p.value) : null;
        },
        extraJson: () => {
          const p = useExplorer.getState().profile?.value;
          // Per branch: where Q(v) starts (v_low: the fold or the Maxwell cut; the values are in the CSV).
          const branches = p?.branches.map((b) => ({
            branch: b.name,
            equilibrium: b.equilibrium,
            f: b.f,
            vLow: p.continuous && Number.isFinite(b.uLow) ? Math.sqrt(b.uLow) : null,
          }));
          return { alpha: p?.alpha ?? null, branches: branches ?? [] };
        },
        fileKeys: ['activation', 'gamma', 'delta', 'readout', 'weights', 'alpha'],
      }}
    />
  );
});
