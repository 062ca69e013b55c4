// Finished simulation runs (mean ± s.d. over seeds) on the deep ε(α) plot: those with the tab's parameters and
// the depth of the theory on show (runs at another depth L belong to that depth's curve).
import type { Scale } from '../../../platform/plots/lineGeometry';
import { useMemo } from 'react';
import { deepPhysicsKey, useDeepSim } from '../simStore';
import { useDeep } from '../store';
import { simPoints } from '../../../platform/sim/simPoints';
import { SimPointMarks } from '../../../platform/sim/views/SimPointsLayer';

export function DeepSimPointsLayer({ x, y }: { x: Scale; y: Scale }) {
  const finished = useDeepSim((s) => s.finished);
  const params = useDeep((s) => s.params);
  const key = deepPhysicsKey(params, params.depth);
  const points = useMemo(() => simPoints(finished, key), [finished, key]);
  return <SimPointMarks points={points} x={x} y={y} testId="deep-sim-points" />;
}
