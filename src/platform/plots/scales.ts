// Number formats, the default y range and the legend corner shared by the SVG plots.
import { format } from 'd3-format';

/** Upper end of a y axis that starts at 0: the largest finite value with 6 % headroom (1 if there is none). */
export function yMaxOf(values: Iterable<number>, floor = 0): number {
  let m = floor;
  for (const v of values) if (Number.isFinite(v) && v > m) m = v;
  return m > 0 ? m * 1.06 : 1;
}

const fmtTick = format('~g');
export function tickFormat(v: number): string {
  return fmtTick(v);
}

/** Below this a shown number is float64 noise of an O(1) computation (≈ 500 ulp), written "≈ 0", not 1.67e−16. */
export const NOISE_FLOOR = 1e-13;

/** Numbers in the readout panel: 6 significant digits, scientific outside [1e-3, 1e4), ≈ 0 below NOISE_FLOOR. */
export function formatValue(v: number | null | undefined, digits = 6): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && a < NOISE_FLOOR) return '≈ 0';
  if (a !== 0 && (a < 1e-3 || a >= 1e4)) return v.toExponential(digits - 1).replaceAll('-', '−');
  return Number(v.toPrecision(digits)).toString().replaceAll('-', '−');
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where to put a legend box inside the plot: the corner (top-right, bottom-right, top-left, bottom-left, in that
 * order of preference) that covers the fewest data points (pixel coordinates); `covers`: how many it covers.
 */
export function legendBox(
  pointsPx: ArrayLike<number>, // x0, y0, x1, y1, … (flat: it holds every few pixels of every curve)
  innerWidth: number,
  innerHeight: number,
  width: number,
  height: number,
  pad = 6,
): Box & { covers: number } {
  const corners: Box[] = [
    { x: innerWidth - pad - width, y: pad, width, height },
    { x: innerWidth - pad - width, y: innerHeight - pad - height, width, height },
    { x: pad, y: pad, width, height },
    { x: pad, y: innerHeight - pad - height, width, height },
  ];
  const hits = corners.map(() => 0);
  const margin = 3;
  for (let t = 0; t < pointsPx.length; t += 2) {
    const px = pointsPx[t];
    const py = pointsPx[t + 1];
    corners.forEach((c, i) => {
      if (px >= c.x - margin && px <= c.x + c.width + margin && py >= c.y - margin && py <= c.y + c.height + margin)
        hits[i]++;
    });
  }
  let best = 0;
  for (let i = 1; i < corners.length; i++) if (hits[i] < hits[best]) best = i;
  return { ...corners[best], covers: hits[best] };
}
