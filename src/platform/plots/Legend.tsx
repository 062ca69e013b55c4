// Legends of LinePlot: a box inside the plot (SVG, placed by lineGeometry.ts) or a row of entries above or below
// it (HTML, for many entries or data everywhere). Entries come from lineGeometry.ts: only series drawn in the frame.
import { legendHeight, LEGEND_ROW, type LegendEntry } from './lineGeometry';

const STROKE = { bold: 3, regular: 1.8, thin: 1.1 } as const;

/** The sample of one entry, 22 px wide, centred on y = 0. */
function Swatch({ e }: { e: LegendEntry }) {
  if (e.swatch === 'dot' || e.swatch === 'ring')
    return (
      <circle
        cx={11}
        cy={0}
        r={3.5}
        fill={e.swatch === 'dot' ? e.colour : 'white'}
        stroke={e.colour}
        strokeWidth={1.5}
      />
    );
  if (e.swatch === 'fill') return <rect x={0} y={-5} width={22} height={10} fill={e.colour} opacity={0.6} />;
  return (
    <line
      x1={0}
      x2={22}
      y1={0}
      y2={0}
      stroke={e.colour}
      strokeWidth={STROKE[e.swatch]}
      strokeDasharray={e.dashed ? '5 3' : undefined}
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
            {e.label}
          </text>
        </g>
      ))}
    </g>
  );
}

export function HtmlLegend({ entries, testId }: { entries: readonly LegendEntry[]; testId: string }) {
  return (
    <ul className="html-legend" data-testid={testId} aria-label="legend">
      {entries.map((e) => (
        <li key={e.id}>
          <svg width={22} height={10} aria-hidden="true" className="legend-swatch">
            <g transform="translate(0,5)">
              <Swatch e={e} />
            </g>
          </svg>{' '}
          {e.label}
        </li>
      ))}
    </ul>
  );
}
