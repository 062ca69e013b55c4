// Scales, paths and tick formats shared by the SVG plots (d3 computes, React renders).
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { format } from 'd3-format';
import type { Polyline, XY } from './branches';

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Scales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  innerWidth: number;
  innerHeight: number;
}

export function makeScales(frame: Frame, xDomain: [number, number], yDomain: [number, number]): Scales {
  const innerWidth = Math.max(10, frame.width - frame.margin.left - frame.margin.right);
  const innerHeight = Math.max(10, frame.height - frame.margin.top - frame.margin.bottom);
  return {
    x: scaleLinear().domain(xDomain).range([0, innerWidth]),
    y: scaleLinear().domain(yDomain).range([innerHeight, 0]).nice(6),
    innerWidth,
    innerHeight,
  };
}

/** Upper end of a y axis that starts at 0: the largest finite value with 6 % headroom (1 if there is none). */
export function yMaxOf(values: Iterable<number>, floor = 0): number {
  let m = floor;
  for (const v of values) if (Number.isFinite(v) && v > m) m = v;
  return m > 0 ? m * 1.06 : 1;
}

/** Every finite y of some polylines inside an x window. */
export function* ysIn(lines: readonly Polyline[], x0: number, x1: number): Generator<number> {
  for (const l of lines) for (const pt of l) if (pt && pt[0] >= x0 && pt[0] <= x1) yield pt[1];
}

/** SVG path data of a polyline with gaps; points outside the y range are kept (the plot clips). */
export function pathOf(poly: Polyline, s: Pick<Scales, 'x' | 'y'>): string {
  const gen = line<XY | null>()
    .defined((d): boolean => d !== null && Number.isFinite(d[0]) && Number.isFinite(d[1]))
    .x((d) => s.x((d as XY)[0]))
    .y((d) => s.y((d as XY)[1]));
  return gen(poly) ?? '';
}

const fmtTick = format('~g');
export function tickFormat(v: number): string {
  return fmtTick(v);
}

/** Numbers in the readout panel: 6 significant digits, scientific outside [1e-3, 1e4). */
export function formatValue(v: number | null | undefined, digits = 6): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
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
 * order of preference) that covers the fewest data points (pixel coordinates).
 */
export function legendBox(pointsPx: Iterable<readonly [number, number]>, innerWidth: number, innerHeight: number, width: number, height: number, pad = 6): Box {
  const corners: Box[] = [
    { x: innerWidth - pad - width, y: pad, width, height },
    { x: innerWidth - pad - width, y: innerHeight - pad - height, width, height },
    { x: pad, y: pad, width, height },
    { x: pad, y: innerHeight - pad - height, width, height },
  ];
  const hits = corners.map(() => 0);
  const margin = 3;
  for (const [px, py] of pointsPx) {
    corners.forEach((c, i) => {
      if (px >= c.x - margin && px <= c.x + c.width + margin && py >= c.y - margin && py <= c.y + c.height + margin) hits[i]++;
    });
  }
  let best = 0;
  for (let i = 1; i < corners.length; i++) if (hits[i] < hits[best]) best = i;
  return corners[best];
}

/** Pixel positions along some polylines, segments sampled every `step` px (for legendBox: jumps count too). */
export function* pixelsOf(lines: readonly Polyline[], s: Pick<Scales, 'x' | 'y'>, step = 6): Generator<[number, number]> {
  for (const l of lines) {
    let prev: [number, number] | null = null;
    for (const pt of l) {
      if (!pt || !Number.isFinite(pt[1])) {
        prev = null;
        continue;
      }
      const cur: [number, number] = [s.x(pt[0]), s.y(pt[1])];
      if (prev) {
        const n = Math.min(200, Math.floor(Math.hypot(cur[0] - prev[0], cur[1] - prev[1]) / step));
        for (let k = 1; k <= n; k++) yield [prev[0] + ((cur[0] - prev[0]) * k) / (n + 1), prev[1] + ((cur[1] - prev[1]) * k) / (n + 1)];
      }
      yield cur;
      prev = cur;
    }
  }
}
