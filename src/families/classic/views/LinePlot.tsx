// A small SVG line plot for the classic models: linear or log axes, solid/dashed series, a shaded α band,
// vertical threshold marks and points with error bars. d3 computes scales and paths, React renders.
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { tickFormat } from '../../../platform/plots/scales';
import { useWidth } from '../../../platform/plots/useWidth';

export type Pt = [number, number] | null;

export interface Series {
  id: string;
  pts: Pt[];
  colour: string;
  dashed?: boolean;
  width?: number;
  label?: string;
}

export interface Band {
  id: string;
  x0: number;
  x1: number;
  colour: string;
  label: string;
}

export interface Mark {
  id: string;
  x: number;
  label: string;
}

export interface ErrPoint {
  x: number;
  y: number;
  err: number;
}

interface Props {
  testId: string;
  title: React.ReactNode;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  xLog?: boolean;
  yLog?: boolean;
  series: Series[];
  bands?: Band[];
  marks?: Mark[];
  points?: { id: string; colour: string; label: string; data: ErrPoint[] }[];
  busy?: boolean;
  height?: number;
  /** Legend corner (default top right). */
  legendAt?: 'top' | 'bottom';
}

const MARGIN = { top: 12, right: 16, bottom: 46, left: 62 };

export function LinePlot({ testId, title, xLabel, yLabel, xDomain, yDomain, xLog, yLog, series, bands = [], marks = [], points = [], busy, height = 300, legendAt = 'top' }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>(560);
  const iw = Math.max(10, width - MARGIN.left - MARGIN.right);
  const ih = height - MARGIN.top - MARGIN.bottom;
  const x = (xLog ? scaleLog() : scaleLinear()).domain(xDomain).range([0, iw]);
  const y = (yLog ? scaleLog() : scaleLinear()).domain(yDomain).range([ih, 0]);
  const ok = (v: number, log?: boolean) => Number.isFinite(v) && (!log || v > 0);
  const path = (pts: Pt[]) =>
    line<Pt>()
      .defined((d) => d !== null && ok(d[0], xLog) && ok(d[1], yLog))
      .x((d) => x(d![0]))
      .y((d) => y(d![1]))(pts) ?? '';
  const xt = x.ticks(xLog ? 6 : 8);
  const yt = y.ticks(6);
  const fmt = (v: number, log?: boolean) => (log && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) > 1e-9 ? '' : tickFormat(v));
  const legend = [...series.filter((s) => s.label), ...points.map((p) => ({ id: p.id, label: p.label, colour: p.colour, dashed: false, dot: true }))];
  const clip = `clip-${testId}`;
  return (
    <figure className="plot classic-plot" data-testid={testId} data-series-count={series.filter((s) => s.pts.some((p) => p)).length}>
      <figcaption>
        {title}
        {busy && <span className="busy"> · computing…</span>}
      </figcaption>
      <div ref={ref} className="plot-box">
        <svg width={width} height={height} role="img" aria-label={`${yLabel} against ${xLabel}`}>
          <defs>
            <clipPath id={clip}>
              <rect width={iw} height={ih} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {bands.map((b) => (
              <g key={b.id} data-testid={`band-${b.id}`}>
                <rect x={x(Math.max(b.x0, xDomain[0]))} width={Math.max(0, x(Math.min(b.x1, xDomain[1])) - x(Math.max(b.x0, xDomain[0])))} y={0} height={ih} fill={b.colour} opacity={0.18} />
                <text x={(x(Math.max(b.x0, xDomain[0])) + x(Math.min(b.x1, xDomain[1]))) / 2} y={ih - 8} textAnchor="middle" className="band-label">
                  {b.label}
                </text>
              </g>
            ))}
            <g className="grid">
              {yt.map((t) => (
                <line key={`y${t}`} x1={0} x2={iw} y1={y(t)} y2={y(t)} />
              ))}
            </g>
            <g className="axis" transform={`translate(0,${ih})`}>
              <line x1={0} x2={iw} stroke="#6b7280" />
              {xt.map((t) => (
                <g key={t} transform={`translate(${x(t)},0)`}>
                  <line y2={5} stroke="#6b7280" />
                  <text y={18} textAnchor="middle">
                    {fmt(t, xLog)}
                  </text>
                </g>
              ))}
              <text className="axis-label" x={iw / 2} y={38} textAnchor="middle">
                {xLabel}
              </text>
            </g>
            <g className="axis">
              <line y1={0} y2={ih} stroke="#6b7280" />
              {yt.map((t) => (
                <g key={t} transform={`translate(0,${y(t)})`}>
                  <line x2={-5} stroke="#6b7280" />
                  <text x={-8} dy="0.32em" textAnchor="end">
                    {fmt(t, yLog)}
                  </text>
                </g>
              ))}
              <text className="axis-label" transform={`translate(-48,${ih / 2}) rotate(-90)`} textAnchor="middle">
                {yLabel}
              </text>
            </g>
            <g clipPath={`url(#${clip})`}>
              {series.map((s) => (
                <path key={s.id} data-series={s.id} d={path(s.pts)} fill="none" stroke={s.colour} strokeWidth={s.width ?? 1.8} strokeDasharray={s.dashed ? '6 4' : undefined} />
              ))}
              {points.map((p) =>
                p.data.map((d, i) => (
                  <g key={`${p.id}${i}`} data-series={p.id}>
                    <line x1={x(d.x)} x2={x(d.x)} y1={y(d.y - d.err)} y2={y(d.y + d.err)} stroke={p.colour} />
                    <circle cx={x(d.x)} cy={y(d.y)} r={3.5} fill={p.colour} />
                  </g>
                )),
              )}
            </g>
            {marks.map((m, i) => (
              <g key={m.id} data-testid={`mark-${m.id}`}>
                <line x1={x(m.x)} x2={x(m.x)} y1={0} y2={ih} stroke="#6b7280" strokeDasharray="2 3" />
                <text className="halo" x={x(m.x) + 4} y={14 + 14 * i}>
                  {m.label}
                </text>
              </g>
            ))}
            {legend.length > 0 && (
              <g className="legend" transform={`translate(${iw - 200},${legendAt === 'top' ? 6 : ih - legend.length * 16 - 16})`}>
                <rect width={196} height={legend.length * 16 + 8} rx={4} fill="white" opacity={0.9} stroke="#e5e7eb" />
                {legend.map((l, i) => (
                  <g key={l.id} transform={`translate(8,${13 + i * 16})`}>
                    {'dot' in l ? (
                      <circle cx={11} r={3.5} fill={l.colour} />
                    ) : (
                      <line x2={22} stroke={l.colour} strokeWidth={2} strokeDasharray={l.dashed ? '5 3' : undefined} />
                    )}
                    <text x={30} dy="0.32em">
                      {l.label}
                    </text>
                  </g>
                ))}
              </g>
            )}
          </g>
        </svg>
      </div>
    </figure>
  );
}
