// One point's symbol, in the plot and in its legend: circles for published and computed points, other shapes for
// the user's own simulation runs (triangles: HMC, squares: ADAM, diamonds: GAMP-RIE), filled or open.
import type { PointShape } from './lineGeometry';

export function Marker({
  shape = 'circle',
  cx,
  cy,
  r,
  colour,
  open,
  strokeWidth = 1.5,
}: {
  shape?: PointShape;
  cx: number;
  cy: number;
  r: number;
  colour: string;
  open: boolean;
  strokeWidth?: number;
}) {
  const paint = { fill: open ? 'white' : colour, stroke: colour, strokeWidth };
  if (shape === 'circle') return <circle cx={cx} cy={cy} r={r} {...paint} />;
  if (shape === 'square') return <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} {...paint} />;
  const s = r * 1.3;
  const d =
    shape === 'triangle'
      ? `M${cx},${cy - s}L${cx + s * 0.95},${cy + s * 0.65}L${cx - s * 0.95},${cy + s * 0.65}Z`
      : `M${cx},${cy - s}L${cx + s},${cy}L${cx},${cy + s}L${cx - s},${cy}Z`;
  return <path d={d} {...paint} />;
}
