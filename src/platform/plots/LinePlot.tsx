// The one line plot of every tab: lines (solid, dashed, bold, thin, with gaps), bands, shaded spans, rules with
// texts, points with error bars, linear or log axes, a legend of the series drawn (in the SVG), and the export menu
// (SVG, PNG, CSV of every series drawn or the family's own table plus the overlays, JSON). Geometry in
// lineGeometry.ts; this component only writes SVG. Other marks (simulation points, histograms) come in through
// `overlay`.
import { useMemo, type PointerEvent, type ReactNode } from 'react';
import { Axes } from './Axes';
import { Legend, RowLegend } from './Legend';
import { ExportMenu, type ExportMenuProps } from './ExportMenu';
import { Marker } from './Marker';
import { svgLabel } from './svgLabel';
import { dashArray, flowLegend, layoutLinePlot, MARGIN, type Mark, type Scale, type Series } from './lineGeometry';
import { markersOf, overlaysOf, readoutOf, rowValues, withSeries } from './seriesTable';
import { nearestRow } from './axesInvert';
import { formatValue } from './scales';
import { PlotHover } from './PlotHover';
import { Progress } from './Progress';
import type { Busy } from './busy';
import type { PlotCursor } from '../state/cursor';
import { useWidth } from './useWidth';
import { measureLabel } from './textWidth';
import './plots.css';

export type { Series } from './lineGeometry';

export interface LinePlotProps {
  testId: string;
  /** Figure caption (title, export menu); `busy` appends "· computing…" (with a count where known) after 0.3 s. */
  caption: ReactNode;
  busy?: Busy;
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
  /** A hover box with the labelled series' values at the nearest x (the symbol of x: the cursor's, else "x"). */
  hover?: boolean;
  /** An x cursor (platform/state/cursor.ts): click or drag sets it; drawn with rings, read out under the plot. */
  cursor?: PlotCursor;
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

/** The cursor's rule, its rings on the series' values at the nearest row, and the pointer area that sets it. */
function CursorLayer({
  cursor,
  readout,
  x,
  y,
  width,
  height,
  xDomain,
  colours,
}: {
  cursor: PlotCursor;
  readout: Readout;
  x: Scale;
  y: Scale;
  width: number;
  height: number;
  xDomain: [number, number];
  colours: Map<string, string>;
}) {
  const set = (e: PointerEvent<SVGRectElement>) => {
    const v = x.invert(e.clientX - e.currentTarget.getBoundingClientRect().left);
    cursor.onChange(Math.min(xDomain[1], Math.max(xDomain[0], v)));
  };
  const row = readout.row;
  return (
    <>
      {row && (
        <g className="plot-cursor" data-testid="cursor-mark">
          <line x1={x(row.x)} x2={x(row.x)} y1={0} y2={height} />
          {row.rings.map(([column, v]) => (
            <circle key={column} cx={x(row.x)} cy={y(v)} r={3.5} stroke={colours.get(column)} />
          ))}
        </g>
      )}
      <rect
        className="cursor-area"
        width={width}
        height={height}
        fill="transparent"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          set(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) set(e);
        }}
      />
    </>
  );
}

interface Readout {
  table: ReturnType<typeof readoutOf>['table'];
  columns: ReturnType<typeof readoutOf>['columns'];
  /** The row nearest to the cursor: its x, the drawn values (rings) and the labelled text. */
  row: { x: number; rings: [string, number][]; text: [string, string][] } | null;
}

function useReadout(p: LinePlotProps, xColumn: string): Readout | null {
  const wanted = !!p.hover || !!p.cursor;
  const symbol = p.cursor?.symbol ?? 'x';
  const base = useMemo(
    () => (wanted ? readoutOf(p.series, xColumn, symbol) : null),
    [wanted, p.series, xColumn, symbol],
  );
  if (!base) return null;
  const at = p.cursor?.at;
  const xs = base.table.rows.map((r) => Number(r[0]));
  const i = at === undefined ? -1 : nearestRow(xs, at);
  if (i < 0) return { ...base, row: null };
  const cells = base.table.rows[i];
  const rings: [string, number][] = [];
  for (const c of base.columns.slice(1)) {
    const v = cells[base.table.columns.indexOf(c.column)];
    if (typeof v === 'number' && Number.isFinite(v)) rings.push([c.column, v]);
  }
  return { ...base, row: { x: xs[i], rings, text: rowValues(base.table, base.columns.slice(1), i) } };
}

export function LinePlot(p: LinePlotProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const readout = useReadout(p, p.xColumn ?? 'x');
  const height = p.height ?? 300;
  const legendMode = p.legend ?? 'inside';
  // The layout (and its legend check) only when what is drawn changed, not on every render of the view around it.
  const [x0, x1] = p.xDomain;
  const [y0, y1] = p.yDomain ?? [undefined, undefined];
  const lay = useMemo(
    () =>
      layoutLinePlot({
        width,
        height,
        xDomain: [x0, x1],
        yDomain: y0 === undefined || y1 === undefined ? undefined : [y0, y1],
        xLog: p.xLog,
        yLog: p.yLog,
        series: p.series,
        legendBox: legendMode === 'inside' ? { width: p.legendWidth } : undefined,
        measure: measureLabel,
      }),
    [width, height, x0, x1, y0, y1, p.xLog, p.yLog, p.series, legendMode, p.legendWidth],
  );
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
  const flow =
    rowsAt === 'above' || rowsAt === 'below' ? flowLegend(lay.legend, width - MARGIN.left, measureLabel) : null;
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
        <Progress busy={p.busy} testId={`${p.testId}-progress`} />
        {readout && p.hover && (
          <PlotHover plot={p.testId.replace(/^plot-/, '')} table={() => readout.table} columns={readout.columns} />
        )}
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
            {p.cursor && readout && (
              <CursorLayer
                cursor={p.cursor}
                readout={readout}
                x={lay.x}
                y={lay.y}
                width={lay.innerWidth}
                height={lay.innerHeight}
                xDomain={p.xDomain}
                colours={new Map(p.series.map((s) => [s.id, s.colour]))}
              />
            )}
            {lay.box && <Legend entries={lay.legend} x={lay.box.x} y={lay.box.y} width={lay.box.width} />}
          </g>
        </svg>
      </div>
      {p.cursor && readout && (
        <p className="plot-cursor-readout" data-testid={`${p.testId}-cursor`} aria-live="polite">
          {readout.row ? (
            <>
              {p.cursor.symbol} = <b>{formatValue(readout.row.x, 4)}</b>
              {readout.row.text.map(([k, v]) => (
                <span key={k}>
                  {' · '}
                  {k} <b>{v}</b>
                </span>
              ))}
            </>
          ) : (
            `Click or drag on the plot to read the curves at one ${p.cursor.symbol}.`
          )}
        </p>
      )}
      {p.children}
    </figure>
  );
}
