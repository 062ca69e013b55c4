// Finished simulation runs on the ε(α) plot: mean over seeds with ±1 s.d. bars, in the algorithm's colour
// (HMC circles, ADAM squares, GAMP-RIE diamonds). Drawn inside an ε(α) plot's clipped group with its scales:
// SimPointsLayer for the MLP tab, SimPointMarks for any list of points (the deep tab's overlay).
import type { Scale } from '../../plots/lineGeometry';
import { useMemo } from 'react';
import { shallowParamsOf, useExplorer } from '../../../families/mlp/store';
import { physicsKey, useSim } from '../../../families/mlp/simStore';
import { simPoints, type SimPoint } from '../simPoints';
import { simColour } from './simColours';

export function SimPointsLayer({ x, y }: { x: Scale; y: Scale }) {
  const finished = useSim((s) => s.finished);
  const params = useExplorer((s) => s.params);
  const key = physicsKey(shallowParamsOf(params));
  const points = useMemo(() => simPoints(finished, key), [finished, key]);
  return <SimPointMarks points={points} x={x} y={y} testId="sim-points" />;
}

export function SimPointMarks({ points, x, y, testId }: { points: SimPoint[]; x: Scale; y: Scale; testId: string }) {
  if (points.length === 0) return null;
  return (
    <g className="sim-points" data-testid={testId} data-count={points.length}>
      {points.map((p) => {
        const c = simColour(p.algo, p.init);
        const dx = p.algo === 'hmc' ? (p.init === 'informative' ? 3 : -3) : p.algo === 'adam' ? -6 : 6;
        const cx = x(p.alpha) + dx;
        const cy = y(p.mean);
        const filled = p.init === 'informative' || p.algo === 'gamp';
        return (
          <g key={`${p.algo}-${p.init}-${p.alpha}-${p.d}`} data-series={`sim-${p.algo}-${p.init}`}>
            <title>{`${p.algo.toUpperCase()} ${p.algo === 'gamp' ? '' : p.init} α = ${p.alpha}, d = ${p.d}: ε = ${p.mean.toPrecision(4)} ± ${p.std.toPrecision(2)} (${p.count} seed${p.count > 1 ? 's' : ''})`}</title>
            {p.std > 0 && (
              <line x1={cx} x2={cx} y1={y(p.mean - p.std)} y2={y(p.mean + p.std)} stroke={c} strokeWidth={1.3} />
            )}
            {p.algo === 'hmc' ? (
              <circle cx={cx} cy={cy} r={4} fill={filled ? c : 'white'} stroke={c} strokeWidth={1.6} />
            ) : p.algo === 'adam' ? (
              <rect
                x={cx - 3.5}
                y={cy - 3.5}
                width={7}
                height={7}
                fill={filled ? c : 'white'}
                stroke={c}
                strokeWidth={1.6}
              />
            ) : (
              <path d={`M${cx},${cy - 5}L${cx + 5},${cy}L${cx},${cy + 5}L${cx - 5},${cy}Z`} fill={c} stroke={c} />
            )}
          </g>
        );
      })}
    </g>
  );
}
