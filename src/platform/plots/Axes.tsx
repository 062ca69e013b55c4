// Axes and grid drawn by React from d3 scales.
import type { ScaleLinear } from 'd3-scale';
import { tickFormat } from './scales';

interface AxesProps {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  width: number;
  height: number;
  xLabel: React.ReactNode;
  yLabel: React.ReactNode;
  xTicks?: number;
  yTicks?: number;
}

export function Axes({ x, y, width, height, xLabel, yLabel, xTicks = 8, yTicks = 6 }: AxesProps) {
  const xs = x.ticks(xTicks);
  const ys = y.ticks(yTicks);
  return (
    <g className="axes">
      <g className="grid">
        {ys.map((t) => (
          <line key={`gy${t}`} x1={0} x2={width} y1={y(t)} y2={y(t)} />
        ))}
        {xs.map((t) => (
          <line key={`gx${t}`} x1={x(t)} x2={x(t)} y1={0} y2={height} />
        ))}
      </g>
      <g className="axis axis-x" transform={`translate(0,${height})`}>
        <line x1={0} x2={width} y1={0} y2={0} />
        {xs.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {tickFormat(t)}
            </text>
          </g>
        ))}
        <text className="axis-label" x={width / 2} y={38} textAnchor="middle">
          {xLabel}
        </text>
      </g>
      <g className="axis axis-y">
        <line x1={0} x2={0} y1={0} y2={height} />
        {ys.map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {tickFormat(t)}
            </text>
          </g>
        ))}
        <text className="axis-label" transform={`translate(-46,${height / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>
      </g>
    </g>
  );
}

export interface LegendItem {
  label: React.ReactNode;
  kind: 'line' | 'dashed' | 'bold' | 'dot' | 'ring' | 'thin';
  colour: string;
}

export const LEGEND_ROW = 17;
export const legendHeight = (rows: number) => rows * LEGEND_ROW + 8;

/** A legend box in plot coordinates, top-left corner at (x, y). */
export function Legend({ items, x, y, width = 190 }: { items: LegendItem[]; x: number; y: number; width?: number }) {
  return (
    <g className="legend" transform={`translate(${x},${y})`}>
      <rect width={width} height={legendHeight(items.length)} rx={4} />
      {items.map((it, i) => (
        <g key={i} transform={`translate(8,${12 + i * LEGEND_ROW})`}>
          {it.kind === 'dot' || it.kind === 'ring' ? (
            <circle cx={11} cy={0} r={3.5} fill={it.kind === 'dot' ? it.colour : 'white'} stroke={it.colour} strokeWidth={1.5} />
          ) : (
            <line
              x1={0}
              x2={22}
              y1={0}
              y2={0}
              stroke={it.colour}
              strokeWidth={it.kind === 'bold' ? 3 : it.kind === 'thin' ? 1 : 1.6}
              strokeDasharray={it.kind === 'dashed' ? '5 3' : undefined}
            />
          )}
          <text x={30} dy="0.32em">
            {it.label}
          </text>
        </g>
      ))}
    </g>
  );
}
