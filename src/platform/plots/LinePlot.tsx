// The one line plot of every tab: lines (solid, dashed, bold, thin, with gaps), bands, shaded spans, rules with
// texts, points with error bars, linear or log axes, a legend of the series drawn (in the SVG), and the export menu
// (SVG, PNG, CSV of every series drawn or the family's own table plus the overlays, JSON). Geometry in
// lineGeometry.ts; this component only writes SVG. Other marks (simulation points, histograms) come in through
// `overlay`.
import type { ReactNode } from 'react';
import { Axes } from './Axes';
import { Legend, RowLegend } from './Legend';
import { ExportMenu, type ExportMenuProps } from './ExportMenu';
import { Marker } from './Marker';
import { svgLabel } from './svgLabel';
import { dashArray, flowLegend, layoutLinePlot, MARGIN, type Mark, type Scale, type Series } from './lineGeometry';
import { markersOf, overlaysOf, withSeries } from './seriesTable';
import { useWidth } from './useWidth';
import './plots.css';

export type { Series } from './lineGeometry';

export interface LinePlotProps {
  testId: string;
  /** Figure caption (title, export menu); `busy` appends "· computing…". */
  caption: ReactNode;
  busy?: boolean;
  xLabel: ReactNode;
  yLabel: ReactNode;
  /** The svg's accessible name (default: the caption when it is a string, else "<y> against <x>"). */
  ariaLabel?: string;
  series: readonly Series[];
  xDomain: [number, number];
  /** Fixed y range; by default [0, largest value with headroom], rounded outwards (required with yLog). */
  yDomain?: [number, number];
  xLog?: boolean;
  yLog?: boolean;
  height?: number;
  /** 'inside': a box in the emptiest corner; 'above'/'below': rows of entries outside the frame (SVG too). */
  legend?: 'inside' | 'above' | 'below' | 'none';
  legendWidth?: number;
  /** data-* attributes of the figure (e2e and export read them). */
  attrs?: Record<string, string | number | undefined>;
  /** Extra CSS class of the figure. */
  className?: string;
  /** More marks drawn with the plot's scales inside its clip. */
  overlay?: (x: Scale, y: Scale) => ReactNode;
  /** Below the plot (hints). */
  children?: ReactNode;
  /**
   * The export menu (default: file name from testId, CSV of every series drawn, parameters from the URL). A
   * family's own `table` replaces the series' columns, the overlays (point sets, `overlay` lines) are added to it;
   * false: no menu (a plot exported by an enclosing figure).
   */
  exportAs?: Partial<ExportMenuProps> | false;
  /** Name of the x column in the CSV (default "x"). */
  xColumn?: string;
}

const LINE_CLASS = { bold: 'equilibrium', regular: 'branch', thin: 'branch thin' } as const;
const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

function MarkView({ m, height }: { m: Mark; height: number }) {
  if ('dots' in m) {
    const l = m.series;
    return (
      <>
        <path
          data-series={l.id}
          d={m.d}
          className={cls(LINE_CLASS[l.weight ?? 'regular'], l.dashed && 'dashed', l.className)}
          stroke={l.colour}
          strokeOpacity={l.opacity}
        />
        {m.dots.map((p, i) => (
          <circle key={i} cx={p[0]} cy={p[1]} r={2.2} fill={l.colour} />
        ))}
      </>
    );
  }
  if ('points' in m) {
    const p = m.series;
    return (
      <>
        {m.points.map((q, i) => (
          <g key={i} data-series={p.id} className={cls('point', p.className)}>
            {q.bar && <line x1={q.cx} x2={q.cx} y1={q.bar[0]} y2={q.bar[1]} stroke={p.colour} strokeWidth={1.3} />}
            <Marker
              shape={p.shape}
              cx={q.cx}
              cy={q.cy}
              r={3.4}
              colour={p.colour}
              open={!!p.ring}
              strokeWidth={p.ring ? 1.5 : 0}
            />
          </g>
        ))}
      </>
    );
  }
  if ('width' in m) {
    const b = m.series;
    return m.width > 0 ? (
      <g data-testid={b.testId} className={cls('span', b.className)}>
        <rect x={m.x} width={m.width} y={0} height={height} fill={b.colour} opacity={0.18} />
        {b.text && (
          <text x={m.x + m.width / 2} y={height - 8} textAnchor="middle" className="span-label">
            {svgLabel(b.text)}
          </text>
        )}
      </g>
    ) : null;
  }
  if ('x1' in m) {
    const r = m.series;
    return (
      <g data-testid={r.testId} className={cls('rule', r.className)}>
        <line
          data-series={r.id}
          x1={m.x1}
          x2={m.x2}
          y1={m.y1}
          y2={m.y2}
          stroke={r.colour}
          strokeDasharray={dashArray(r.dash)}
        />
        {m.text && (
          <text className="halo" x={m.text.x} y={m.text.y} textAnchor={m.text.anchor} fill={r.colour}>
            {svgLabel(r.text)}
          </text>
        )}
        {m.ring && <circle cx={m.ring[0]} cy={m.ring[1]} r={4.5} fill="white" stroke={r.colour} strokeWidth={2} />}
      </g>
    );
  }
  return <path data-series={m.series.id} d={m.d} className={cls('band', m.series.className)} fill={m.series.colour} />;
}

/**
 * Marks in order, consecutive series of one group wrapped in `<g data-series={group}>`, which carries the test id
 * of its first series and the number of their points (data-count: e2e reads how many runs are drawn).
 */
function MarkList({ marks, height }: { marks: readonly Mark[]; height: number }) {
  const out: ReactNode[] = [];
  for (let i = 0; i < marks.length;) {
    const group = marks[i].series.group;
    let j = i + 1;
    while (group !== undefined && j < marks.length && marks[j].series.group === group) j++;
    const views = marks.slice(i, j).map((m) => <MarkView key={m.series.id} m={m} height={height} />);
    out.push(
      group === undefined ? (
        views
      ) : (
        <g
          key={group}
          data-series={group}
          data-testid={marks[i].series.testId}
          data-count={marks.slice(i, j).reduce((n, m) => n + ('points' in m ? m.points.length : 0), 0)}
        >
          {views}
        </g>
      ),
    );
    i = j;
  }
  return <>{out}</>;
}

export function LinePlot(p: LinePlotProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = p.height ?? 300;
  const legendMode = p.legend ?? 'inside';
  const lay = layoutLinePlot({
    width,
    height,
    xDomain: p.xDomain,
    yDomain: p.yDomain,
    xLog: p.xLog,
    yLog: p.yLog,
    series: p.series,
    legendBox: legendMode === 'inside' ? { width: p.legendWidth } : undefined,
  });
  const clip = `${p.testId}-clip`;
  const isRule = (m: Mark) => m.series.mark === 'rule';
  const aria =
    p.ariaLabel ??
    (typeof p.caption === 'string'
      ? p.caption
      : typeof p.xLabel === 'string' && typeof p.yLabel === 'string'
        ? `${p.yLabel} against ${p.xLabel}`
        : p.testId);
  // An inside legend that would cover data in every corner goes above the frame (lineGeometry: legendOutside).
  const rowsAt = lay.legendOutside ? 'above' : legendMode;
  const flow = rowsAt === 'above' || rowsAt === 'below' ? flowLegend(lay.legend, width - MARGIN.left) : null;
  const above = rowsAt === 'above' && flow ? flow.height : 0;
  const rows =
    flow && flow.height > 0 ? (
      <RowLegend flow={flow} x={MARGIN.left} y={rowsAt === 'above' ? 2 : height + 2} testId={`${p.testId}-legend`} />
    ) : null;
  const ex = p.exportAs === false ? null : (p.exportAs ?? {});
  const xColumn = p.xColumn ?? 'x';
  const own = ex?.table;
  return (
    <figure
      className={cls('plot', p.className)}
      data-testid={p.testId}
      data-legend-issues={lay.legendIssues.length ? lay.legendIssues.join(' | ') : undefined}
      {...p.attrs}
    >
      <figcaption>
        {p.caption}
        {p.busy && <span className="busy"> · computing…</span>}
        {ex && (
          <ExportMenu
            plot={p.testId.replace(/^plot-/, '')}
            title={aria}
            {...ex}
            table={() => {
              const t = own ? own() : null;
              return own ? t && withSeries(overlaysOf(p.series), xColumn, t) : withSeries(p.series, xColumn);
            }}
            extraJson={() => ({ markers: markersOf(p.series), ...ex.extraJson?.() })}
          />
        )}
      </figcaption>
      <div ref={ref} className="plot-box">
        <svg width={width} height={height + (flow?.height ?? 0)} role="img" aria-label={aria}>
          <defs>
            <clipPath id={clip}>
              <rect x={-2} y={-4} width={lay.innerWidth + 4} height={lay.innerHeight + 8} />
            </clipPath>
          </defs>
          {rows}
          <g transform={`translate(${MARGIN.left},${MARGIN.top + above})`}>
            <Axes
              xTicks={lay.xTicks}
              yTicks={lay.yTicks}
              width={lay.innerWidth}
              height={lay.innerHeight}
              xLabel={p.xLabel}
              yLabel={p.yLabel}
            />
            <g clipPath={`url(#${clip})`}>
              <MarkList marks={lay.marks.filter((m) => !isRule(m))} height={lay.innerHeight} />
              {p.overlay?.(lay.x, lay.y)}
            </g>
            <MarkList marks={lay.marks.filter(isRule)} height={lay.innerHeight} />
            {lay.box && <Legend entries={lay.legend} x={lay.box.x} y={lay.box.y} width={lay.box.width} />}
          </g>
        </svg>
      </div>
      {p.children}
    </figure>
  );
}
