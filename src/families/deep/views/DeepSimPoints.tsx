// Finished simulation runs (mean ± s.d. over seeds) on the deep ε(α) plot: those with the tab's parameters and
// the depth of the theory on show (runs at another depth L belong to that depth's curve), as point series.
import { useMemo } from 'react';
import type { Series } from '../../../platform/plots/lineGeometry';
import { deepPhysicsKey, useDeepSim } from '../simStore';
import { useDeep } from '../store';
import { simPoints } from '../../../platform/sim/simPoints';
import { simPointSeries } from '../../../platform/sim/views/SimPointsLayer';

export function useDeepSimSeries(): Series[] {
  const finished = useDeepSim((s) => s.finished);
  const params = useDeep((s) => s.params);
  const key = deepPhysicsKey(params, params.depth);
  return useMemo(() => simPointSeries(simPoints(finished, key), 'deep-sim-points'), [finished, key]);
}
