// A small SVG plot for the two-layer family: linear or log axes, polylines (with gaps where a value is not
// finite), a shaded band, points with error bars, vertical and horizontal marker lines, a legend.
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { ReactNode } from 'react';
import { tickFormat } from '../../../platform/plots/scales';
import { useWidth } from '../../../platform/plots/useWidth';

export type XY = [number, number];
export interface Series {
  points: XY[];
  colour: string;
  label?: string;
  dashed?: boolean;
  width?: number;
  id?: string;
}
export interface ErrorPoint {
  x: number;
  y: number;
  se: number;
}
export interface Marker {
  value: number;
  label?: string;
  colour: string;
  dashed?: boolean;
}
export interface PlotProps {
  testId: string;
  title: ReactNode;
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  yLog?: boolean;
  xDomain: [number, number];
  yDomain: [number, number];
  series: Series[];
  band?: { x: number[]; lo: number[]; hi: number[]; colour: string; label?: string };
  points?: { data: ErrorPoint[]; colour: string; label: string };
  vlines?: Marker[];
  hlines?: Marker[];
  height?: number;
  attrs?: Record<string, string>;
  /** Extra marks drawn with the plot's scales (inner coordinates). */
  children?: (s: { x: (v: number) => number; y: (v: number) => number }) => ReactNode;
}

const M = { top: 12, right: 16, bottom: 46, left: 60 };

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** Log-axis ticks: 1, 2, 5 × 10ᵏ when the domain spans under two decades, else the powers of ten. */
function logTicks([a, b]: [number, number]): number[] {
  const k0 = Math.floor(Math.log10(a));
  const k1 = Math.ceil(Math.log10(b));
  const mult = k1 - k0 <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let k = k0; k <= k1; k++) for (const m of mult) {
    const v = m * 10 ** k;
    if (v >= a * (1 - 1e-9) && v <= b * (1 + 1e-9)) out.push(Number(v.toPrecision(3)));
  }
  return out;
}
function logLabel(v: number): string {
  if (v >= 0.01 && v < 1e4) return tickFormat(v);
  const k = Math.round(Math.log10(v));
  const m = v / 10 ** k;
  const pow = '10' + String(k).split('').map((c) => SUP[c]).join('');
  return Math.abs(m - 1) < 1e-9 ? pow : `${tickFormat(Number(m.toPrecision(2)))}·${pow}`;
}

export function Plot(props: PlotProps) {
  const [ref, width] = useWidth<HTMLDivElement>(560);
  const height = props.height ?? 300;
  const iw = Math.max(10, width - M.left - M.right);
  const ih = Math.max(10, height - M.top - M.bottom);
  const x = (props.xLog ? scaleLog() : scaleLinear()).domain(props.xDomain).range([0, iw]).clamp(false);
  const y = (props.yLog ? scaleLog() : scaleLinear()).domain(props.yDomain).range([ih, 0]);
  const [y0, y1] = props.yDomain;
  const inY = (v: number) => Number.isFinite(v) && (!props.yLog || v > 0);
  // Values beyond the top are drawn at the top edge so that a divergence visibly leaves the frame.
  const clampY = (v: number) => (v > y1 * 4 ? y1 * 4 : v < y0 && props.yLog ? y0 : v);
  const path = line<XY>()
    .defined((d) => inY(d[1]) && Number.isFinite(d[0]))
    .x((d) => x(d[0]))
    .y((d) => y(clampY(d[1])));
  const xt = props.xLog ? logTicks(props.xDomain) : x.ticks(8);
  const yt = props.yLog ? logTicks(props.yDomain) : y.ticks(6);
  const fmtX = props.xLog ? logLabel : tickFormat;
  const fmtY = props.yLog ? logLabel : tickFormat;
  const legend = [
    ...props.series.filter((s) => s.label).map((s) => ({ label: s.label!, colour: s.colour, dashed: s.dashed, dot: false })),
    ...(props.points ? [{ label: props.points.label, colour: props.points.colour, dashed: false, dot: true }] : []),
    ...(props.band?.label ? [{ label: props.band.label, colour: props.band.colour, dashed: false, dot: false, band: true }] : []),
  ];
  const clipId = `clip-${props.testId}`;
  return (
    <figure className="plot tl-plot" data-testid={props.testId} {...props.attrs}>
      <figcaption>{props.title}</figcaption>
      <div ref={ref} className="tl-plot-body">
        <svg width={width} height={height} role="img" aria-label={typeof props.title === 'string' ? props.title : props.testId}>
          <defs>
            <clipPath id={clipId}>
              <rect x={0} y={-2} width={iw} height={ih + 4} />
            </clipPath>
          </defs>
          <g transform={`translate(${M.left},${M.top})`}>
            <g className="grid">
              {yt.map((t) => (
                <line key={`gy${t}`} x1={0} x2={iw} y1={y(t)} y2={y(t)} />
              ))}
              {xt.map((t) => (
                <line key={`gx${t}`} x1={x(t)} x2={x(t)} y1={0} y2={ih} />
              ))}
            </g>
            <g clipPath={`url(#${clipId})`}>
              {props.band && (
                <path
                  className="tl-band"
                  fill={props.band.colour}
                  d={
                    line<number>()
                      .x((i) => x(props.band!.x[i]))
                      .y((i) => y(Math.max(props.band!.lo[i], props.yLog ? y0 : -Infinity)))(props.band.x.map((_, i) => i))! +
                    'L' +
                    line<number>()
                      .x((i) => x(props.band!.x[i]))
                      .y((i) => y(props.band!.hi[i]))([...props.band.x.keys()].reverse())!.slice(1) +
                    'Z'
                  }
                />
              )}
              {props.hlines?.map((h, i) => (
                <line key={`h${i}`} className="tl-marker" x1={0} x2={iw} y1={y(h.value)} y2={y(h.value)} stroke={h.colour} strokeDasharray={h.dashed ? '6 4' : undefined} />
              ))}
              {props.vlines?.map((v, i) => (
                <line key={`v${i}`} className="tl-marker" x1={x(v.value)} x2={x(v.value)} y1={0} y2={ih} stroke={v.colour} strokeDasharray={v.dashed ? '6 4' : undefined} />
              ))}
              {props.series.map((s, i) => (
                <path key={i} d={path(s.points) ?? ''} fill="none" stroke={s.colour} strokeWidth={s.width ?? 2} strokeDasharray={s.dashed ? '6 4' : undefined} data-series={s.id} />
              ))}
              {props.points?.data.map((p, i) =>
                inY(p.y) ? (
                  <g key={i} className="tl-point" data-x={p.x} data-y={p.y}>
                    {Number.isFinite(p.se) && <line x1={x(p.x)} x2={x(p.x)} y1={y(clampY(p.y + p.se))} y2={y(clampY(Math.max(p.y - p.se, props.yLog ? y0 : -Infinity)))} stroke={props.points!.colour} strokeWidth={1.5} />}
                    <circle cx={x(p.x)} cy={y(clampY(p.y))} r={3.5} fill={props.points!.colour} />
                  </g>
                ) : null,
              )}
              {props.children && <g>{props.children({ x: (v) => x(v), y: (v) => y(v) })}</g>}
            </g>
            {props.vlines?.map((v, i) =>
              v.label ? (
                <text key={`vt${i}`} className="tl-marker-label" x={x(v.value) + 4} y={12} fill={v.colour}>
                  {v.label}
                </text>
              ) : null,
            )}
            {props.hlines?.map((h, i) =>
              h.label ? (
                <text key={`ht${i}`} className="tl-marker-label" x={iw - 4} y={y(h.value) - 4} textAnchor="end" fill={h.colour}>
                  {h.label}
                </text>
              ) : null,
            )}
            <g className="axis" transform={`translate(0,${ih})`}>
              <line x1={0} x2={iw} />
              {xt.map((t) => (
                <g key={t} transform={`translate(${x(t)},0)`}>
                  <line y2={5} />
                  <text y={18} textAnchor="middle">
                    {fmtX(t)}
                  </text>
                </g>
              ))}
              <text className="axis-label" x={iw / 2} y={38} textAnchor="middle">
                {props.xLabel}
              </text>
            </g>
            <g className="axis">
              <line y1={0} y2={ih} />
              {yt.map((t) => (
                <g key={t} transform={`translate(0,${y(t)})`}>
                  <line x2={-5} />
                  <text x={-8} dy="0.32em" textAnchor="end">
                    {fmtY(t)}
                  </text>
                </g>
              ))}
              <text className="axis-label" transform={`translate(-46,${ih / 2}) rotate(-90)`} textAnchor="middle">
                {props.yLabel}
              </text>
            </g>
          </g>
        </svg>
      </div>
      {legend.length > 0 && (
        <ul className="tl-legend">
          {legend.map((l, i) => (
            <li key={i}>
              <svg width={24} height={10} aria-hidden="true">
                {l.dot ? <circle cx={12} cy={5} r={3.5} fill={l.colour} /> : 'band' in l ? <rect width={24} height={10} fill={l.colour} /> : <line x1={0} x2={24} y1={5} y2={5} stroke={l.colour} strokeWidth={2} strokeDasharray={l.dashed ? '6 4' : undefined} />}
              </svg>
              {l.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
