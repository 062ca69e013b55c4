// A small line plot for the deep family (d3 scales, React SVG): named series, legend in the emptiest corner,
// an optional vertical marker at the selected α.
import type { ScaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import type { Polyline } from '../../../platform/plots/branches';
import { COLOURS } from '../../../platform/plots/palette';
import { legendBox, makeScales, pathOf, pixelsOf, yMaxOf, ysIn, type Frame } from '../../../platform/plots/scales';
import { Axes, Legend, legendHeight, type LegendItem } from '../../../platform/plots/Axes';
import { useWidth } from '../../../platform/plots/useWidth';

export interface Series {
  id: string;
  label: ReactNode;
  colour: string;
  kind: 'bold' | 'line' | 'dashed';
  data: Polyline;
  /** Draw points as dots too (sparse profiles). */
  dots?: boolean;
}

interface Props {
  testId: string;
  caption: ReactNode;
  xLabel: ReactNode;
  yLabel: ReactNode;
  series: Series[];
  xDomain: [number, number];
  /** Fixed y range; by default [0, max with headroom]. */
  yDomain?: [number, number];
  marker?: number | null;
  height?: number;
  legendWidth?: number;
  attrs?: Record<string, string | number | undefined>;
  /** Legend as a row above the plot instead of a box inside it (many entries, data everywhere). */
  legendAbove?: boolean;
  /** Extra marks drawn with the plot's scales inside its clip (simulation points). */
  overlay?: (x: ScaleLinear<number, number>, y: ScaleLinear<number, number>) => ReactNode;
}

const MARGIN = { top: 12, right: 18, bottom: 50, left: 62 };

export function LinePlot({ testId, caption, xLabel, yLabel, series, xDomain, yDomain, marker, height = 300, legendWidth = 200, attrs, legendAbove, overlay }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const frame: Frame = { width, height, margin: MARGIN };
  const lines = series.map((s) => s.data);
  const y = yDomain ?? [0, yMaxOf(ysIn(lines, xDomain[0], xDomain[1]))];
  const sc = makeScales(frame, xDomain, y);
  const visible = series.filter((s) => s.data.some((p) => p !== null));
  const legend: LegendItem[] = visible.map((s) => ({ label: s.label, kind: s.kind, colour: s.colour }));
  const box = legendBox(pixelsOf(lines, sc), sc.innerWidth, sc.innerHeight, legendWidth, legendHeight(legend.length));
  const clip = `${testId}-clip`;
  return (
    <figure className="plot" data-testid={testId} {...attrs}>
      <figcaption>{caption}</figcaption>
      {legendAbove && (
        <ul className="html-legend" data-testid={`${testId}-legend`}>
          {visible.map((s) => (
            <li key={s.id}>
              <svg width={22} height={8} aria-hidden="true" className="legend-swatch">
                <line x1={0} x2={22} y1={4} y2={4} stroke={s.colour} strokeWidth={s.kind === 'bold' ? 3 : 1.6} strokeDasharray={s.kind === 'dashed' ? '5 3' : undefined} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div ref={ref} className="plot-box">
        <svg width={width} height={height} role="img" aria-label={typeof caption === 'string' ? caption : testId}>
          <defs>
            <clipPath id={clip}>
              <rect width={sc.innerWidth} height={sc.innerHeight} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes x={sc.x} y={sc.y} width={sc.innerWidth} height={sc.innerHeight} xLabel={xLabel} yLabel={yLabel} />
            <g clipPath={`url(#${clip})`}>
              {series.map((s) => (
                <g key={s.id}>
                  <path
                    data-series={s.id}
                    data-points={s.data.filter((p) => p !== null).length}
                    d={pathOf(s.data, sc)}
                    className={s.kind === 'bold' ? 'equilibrium' : s.kind === 'dashed' ? 'branch dashed' : 'branch'}
                    stroke={s.colour}
                  />
                  {s.dots &&
                    s.data.map((p, i) => (p ? <circle key={i} cx={sc.x(p[0])} cy={sc.y(p[1])} r={2.2} fill={s.colour} /> : null))}
                </g>
              ))}
              {overlay?.(sc.x, sc.y)}
            </g>
            {marker !== null && marker !== undefined && marker <= xDomain[1] && (
              <line className="selection" data-testid={`${testId}-marker`} x1={sc.x(marker)} x2={sc.x(marker)} y1={0} y2={sc.innerHeight} stroke={COLOURS.selection} />
            )}
            {!legendAbove && legend.length > 0 && <Legend items={legend} x={box.x} y={box.y} width={legendWidth} />}
          </g>
        </svg>
      </div>
    </figure>
  );
}
