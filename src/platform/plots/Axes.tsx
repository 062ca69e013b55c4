// Axes and grid drawn by React from precomputed ticks (lineGeometry.ts: linear or log). The x ticks carry their
// value as text at their position: PlotHover reads the scale back from them (axesInvert.ts).
import type { ReactNode } from 'react';
import type { Tick } from './lineGeometry';
import { svgLabel } from './svgLabel';

interface AxesProps {
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  width: number;
  height: number;
  xLabel: ReactNode;
  yLabel: ReactNode;
}

export function Axes({ xTicks, yTicks, width, height, xLabel, yLabel }: AxesProps) {
  return (
    <g className="axes">
      <g className="grid">
        {yTicks.map((t) => (
          <line key={`gy${t.value}`} x1={0} x2={width} y1={t.px} y2={t.px} />
        ))}
        {xTicks.map((t) => (
          <line key={`gx${t.value}`} x1={t.px} x2={t.px} y1={0} y2={height} />
        ))}
      </g>
      <g className="axis axis-x" transform={`translate(0,${height})`}>
        <line x1={0} x2={width} y1={0} y2={0} />
        {xTicks.map((t) => (
          <g key={t.value} transform={`translate(${t.px},0)`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        <text className="axis-label" x={width / 2} y={38} textAnchor="middle">
          {svgLabel(xLabel)}
        </text>
      </g>
      <g className="axis axis-y">
        <line x1={0} x2={0} y1={0} y2={height} />
        {yTicks.map((t) => (
          <g key={t.value} transform={`translate(0,${t.px})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        <text className="axis-label" transform={`translate(-48,${height / 2}) rotate(-90)`} textAnchor="middle">
          {svgLabel(yLabel)}
        </text>
      </g>
    </g>
  );
}
