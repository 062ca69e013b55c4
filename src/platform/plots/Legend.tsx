// Legends of LinePlot, both in the SVG so that an exported figure keeps them: a box inside the plot (placed by
// lineGeometry.ts where it covers no data) or rows of entries above or below the frame (many entries, or data
// everywhere). Entries come from lineGeometry.ts: only series drawn in the frame.
import { COLOURS } from './palette';
import { Marker } from './Marker';
import { svgLabel } from './svgLabel';
import { legendHeight, LEGEND_ROW, type LegendEntry, type LegendFlow } from './lineGeometry';

const STROKE = { bold: 3, regular: 1.8, thin: 1.1 } as const;

/** The sample of one entry, 22 px wide, centred on y = 0. */
function Swatch({ e }: { e: LegendEntry }) {
  if (e.swatch === 'dot' || e.swatch === 'ring')
    return <Marker shape={e.shape} cx={11} cy={0} r={3.5} colour={e.colour} open={e.swatch === 'ring'} />;
  if (e.swatch === 'fill') return <rect x={0} y={-5} width={22} height={10} fill={e.colour} opacity={0.6} />;
  if (e.swatch === 'tile')
    return <rect x={5} y={-6} width={12} height={12} fill={e.colour} stroke={COLOURS.lightGrey} strokeWidth={1} />;
  return (
    <line
      x1={0}
      x2={22}
      y1={0}
      y2={0}
      stroke={e.colour}
      strokeWidth={STROKE[e.swatch]}
      strokeDasharray={e.dotted ? '1.5 3' : e.dashed ? '5 3' : undefined}
    />
  );
}

/** A legend box in plot coordinates, top-left corner at (x, y). */
export function Legend({
  entries,
  x,
  y,
  width,
}: {
  entries: readonly LegendEntry[];
  x: number;
  y: number;
  width: number;
}) {
  return (
    <g className="legend" transform={`translate(${x},${y})`}>
      <rect width={width} height={legendHeight(entries.length)} rx={4} />
      {entries.map((e, i) => (
        <g key={e.id} transform={`translate(8,${12 + i * LEGEND_ROW})`}>
          <Swatch e={e} />
          <text x={30} dy="0.32em">
            {svgLabel(e.label)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Rows of entries (lineGeometry.flowLegend), top-left corner at (x, y); nothing without entries (an empty labelled
 * group is an ARIA error). */
export function RowLegend({ flow, x, y, testId }: { flow: LegendFlow; x: number; y: number; testId: string }) {
  if (flow.items.length === 0) return null;
  return (
    <g className="legend legend-rows" data-testid={testId} transform={`translate(${x},${y})`} aria-label="legend">
      {flow.items.map(({ entry, x: ex, y: ey }) => (
        <g key={entry.id} transform={`translate(${ex},${ey})`}>
          <Swatch e={entry} />
          <text x={28} dy="0.32em">
            {svgLabel(entry.label)}
          </text>
        </g>
      ))}
    </g>
  );
}
