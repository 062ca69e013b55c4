// Phase diagram of the shallow MLP: canvas heatmap (one ImageData write) under an SVG overlay with axes, the
// specialisation line α_sp, the spinodals, the continuous onset and a crosshair at the MLP sliders' (α, γ) or
// (α, Δ). Clicking moves the sliders (the ε(α) view follows). Data: usePhase (streamed rows), useExplorer (sliders).
import { memo, useEffect, useMemo, useState } from 'react';
import { line as d3line } from 'd3-shape';
import { scaleLinear, scaleLog } from 'd3-scale';
import { PHASE_STATE_LABELS, rowAlphas, type PhasePlane } from '../../../physics/mlp/phaseTypes';
import { startPhaseController } from '../phaseController';
import {
  PHASE_ALPHAS,
  PHASE_QUANTITIES,
  PHASE_ROWS,
  QUANTITY_LABELS,
  usePhase,
  type PhaseQuantity,
} from '../phaseStore';
import { useExplorer } from '../store';
import { formatNumber, specFor } from '../params';
import { Axes } from '../../../platform/plots/Axes';
import { ColourBar, Heatmap } from '../../../platform/plots/Heatmap';
import { flowLegend, linearTicks, logAxisTicks, type LegendEntry } from '../../../platform/plots/lineGeometry';
import { COLOURS, stateColours, type Theme } from '../../../platform/plots/palette';
import { useShareUi } from '../../../app/presentation';
import { RowLegend } from '../../../platform/plots/Legend';
import { ExportMenu } from '../../../platform/plots/ExportMenu';
import { pageBase } from '../../../platform/plots/export';
import { mlpContext, phaseTable } from '../export';
import { useWidth } from '../../../platform/plots/useWidth';
import { measureLabel } from '../../../platform/plots/textWidth';
import { tickFormat } from '../../../platform/plots/scales';
import {
  colourMap,
  heatmapPixels,
  keyMove,
  clipLines,
  linePolylines,
  rowValueAt,
  classOf,
  phaseYs,
  yIsLog,
  yRange,
  type PlanePoint,
  visibleLines,
  type XY,
} from '../phaseGeometry';
import './phase.css';

// Beside ε(α) on the first screen (issue 20): the figure with its tools and legend fits a 900 px window.
const HEIGHT = 330;
const MARGIN = { top: 12, right: 86, bottom: 50, left: 66 };
const Y_LABEL: Record<PhasePlane, React.ReactNode> = { gamma: <>width ratio γ = k / d</>, delta: <>label noise Δ</> };
const Y_SYMBOL: Record<PhasePlane, string> = { gamma: 'γ', delta: 'Δ' };
const line = (id: string, label: string, swatch: 'bold' | 'thin', dash?: 'dashed' | 'dotted'): LegendEntry => ({
  id,
  label,
  colour: COLOURS.equilibrium,
  swatch,
  dashed: dash === 'dashed',
  dotted: dash === 'dotted',
});
/** The lines' legend (in the SVG, so an exported diagram explains itself). */
const LINE_ENTRIES: LegendEntry[] = [
  line('alpha-sp', 'α_sp (first-order jump of Q)', 'bold'),
  line('spinodals', 'spinodals', 'thin', 'dashed'),
  line('onset', 'continuous onset of Q ≠ 0', 'thin', 'dotted'),
];
const stateEntries = (theme: Theme): LegendEntry[] =>
  PHASE_STATE_LABELS.slice(0, 3).map((label, i) => ({
    id: `state-${i}`,
    label,
    colour: stateColours(theme)[i],
    swatch: 'tile',
    dashed: false,
  }));

function clampTo(field: 'alpha' | 'gamma' | 'delta', x: number, upper = Infinity): number {
  const s = specFor(field);
  if (s.kind !== 'number') return x;
  return Number(Math.min(upper, s.max, Math.max(s.min, x)).toPrecision(3));
}

export const PhasePlot = memo(function PhasePlot() {
  useEffect(() => startPhaseController(), []);
  const plane = usePhase((s) => s.plane);
  const quantity = usePhase((s) => s.quantity);
  const readoutValue = usePhase((s) => s.readoutValue);
  const diagram = usePhase((s) => s.diagram);
  const workerMessage = usePhase((s) => s.workerMessage);
  const theme = useShareUi((s) => s.theme);
  const alpha = useExplorer((s) => s.params.alpha);
  const yNow = useExplorer((s) => (plane === 'gamma' ? s.params.gamma : s.params.delta));
  const alphaMax = useExplorer((s) => s.params.alphaMax);
  const [boxRef, width] = useWidth<HTMLDivElement>();

  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const yDomain = yRange(plane);
  const xDom = diagram ? diagram.alphaMax : alphaMax;
  const x = scaleLinear().domain([0, xDom]).range([0, innerW]);
  const yLog = yIsLog(plane); // the Δ plane, like the Δ slider
  const y = (yLog ? scaleLog() : scaleLinear()).domain(yDomain).range([innerH, 0]);

  // Rows to draw: the new ones, or the previous diagram's until the first new row arrives.
  const rows = useMemo(
    () => (diagram ? (diagram.received > 0 || !diagram.previousRows ? diagram.rows : diagram.previousRows) : []),
    [diagram],
  );
  const firstRow = rows.find((r) => r !== null) ?? null;
  const classV2 = firstRow?.classV2 ?? [1];
  const cls = classOf(classV2, readoutValue);
  const map = useMemo(() => {
    const vals: number[] = [];
    if (quantity === 'epsOpt' || quantity === 'gap') {
      for (const r of rows)
        if (r) for (const s of r.samples) vals.push(quantity === 'epsOpt' ? s.epsOpt : s.epsUni - s.epsOpt);
    }
    return colourMap(quantity, vals, theme);
  }, [rows, quantity, theme]);

  const pixelW = Math.round(innerW);
  const pixelH = Math.round(innerH);
  const pixels = useMemo(
    () =>
      diagram
        ? heatmapPixels(rows, diagram.ys, pixelW, pixelH, diagram.alphaMax, yDomain, map, quantity, readoutValue, yLog)
        : null,
    [rows, diagram, pixelW, pixelH, map, quantity, readoutValue, yDomain[0], yDomain[1], yLog], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const lines = useMemo(() => linePolylines(rows), [rows]);
  const path = d3line<XY>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const alphaShown = xDom * 1.02; // lines drawn a little past the frame's edge (clipped there)
  const clip = (ls: XY[][]) => clipLines(ls, alphaShown);

  // A click, or Enter on the keyboard's point, moves the sliders there.
  const apply = (p: PlanePoint) => {
    const set = useExplorer.getState().setParam;
    set('alpha', clampTo('alpha', p.alpha, alphaMax));
    set(plane, clampTo(plane, p.y));
  };
  const onClick = (ev: React.MouseEvent<SVGRectElement>) => {
    const rect = ev.currentTarget.getBoundingClientRect();
    apply({ alpha: x.invert(ev.clientX - rect.left), y: y.invert(ev.clientY - rect.top) });
    setKeyPoint(null);
  };
  // The keyboard's point: arrows move it over the diagram's grid (Shift: ten cells), Enter applies, Escape drops it.
  const [keyPoint, setKeyPoint] = useState<PlanePoint | null>(null);
  const onKeyDown = (ev: React.KeyboardEvent<SVGRectElement>) => {
    if (ev.key === 'Enter' && keyPoint) apply(keyPoint);
    if (ev.key === 'Enter' || ev.key === 'Escape') return setKeyPoint(null);
    const alphas = rowAlphas(Math.min(xDom, alphaMax), PHASE_ALPHAS);
    const moved = keyMove(
      keyPoint ?? { alpha, y: yNow },
      ev.key,
      ev.shiftKey,
      alphas,
      diagram?.ys ?? phaseYs(plane, PHASE_ROWS),
    );
    if (!moved) return;
    ev.preventDefault();
    setKeyPoint(moved);
  };

  // The value under the crosshair (readable without colours).
  let here: number | null = null;
  if (diagram) {
    let best: number | null = null;
    diagram.rows.forEach((r, i) => {
      if (r && (best === null || Math.abs(diagram.ys[i] - yNow) < Math.abs(diagram.ys[best] - yNow))) best = i;
    });
    if (best !== null)
      here = rowValueAt(
        (diagram.rows[best] as NonNullable<(typeof diagram.rows)[number]>).samples,
        alpha,
        quantity,
        cls,
      );
  }
  const total = diagram?.ys.length ?? 0;
  const received = diagram?.received ?? 0;
  const done = diagram !== null && diagram.elapsedMs !== null;
  const atomValues = classV2.map((v2) => Math.sqrt(v2));
  // Only the lines drawn are in the legend (none while the first rows come in, no onset where Q always jumps); the
  // figure keeps the height of the full legend, so that nothing below moves as lines appear.
  const shown = visibleLines(lines, alphaShown);
  const lineEntries = LINE_ENTRIES.filter((e) =>
    e.id === 'alpha-sp' ? shown.alphaSp : e.id === 'spinodals' ? shown.spinodals : shown.onset,
  );
  const entriesOf = (ls: LegendEntry[]) => (quantity === 'state' ? [...stateEntries(theme), ...ls] : ls);
  const legend = flowLegend(entriesOf(lineEntries), innerW, measureLabel);
  const legendHeight = flowLegend(entriesOf(LINE_ENTRIES), innerW, measureLabel).height;
  const exportContext = () => {
    const c = mlpContext(useExplorer.getState().params, pageBase());
    return { ...c, params: { ...c.params, plane, colour: quantity } };
  };
  const exportTable = () => {
    const d = usePhase.getState().diagram;
    return d ? phaseTable(d.plane, d.rows) : null;
  };

  return (
    <figure
      className="plot phase-plot"
      data-testid="plot-phase"
      data-plane={plane}
      data-quantity={quantity}
      data-rows={received}
      data-complete={done && received === total ? 'true' : 'false'}
      data-gen={diagram?.gen}
    >
      <figcaption>
        Phase diagram: where specialisation happens
        <span className="busy">
          {' '}
          ·{' '}
          {done
            ? `${total} × ${diagram?.rows[0]?.samples.length ?? 64} points in ${Math.round(diagram?.elapsedMs ?? 0)} ms`
            : `computing… ${received}/${total} rows`}
        </span>
        <ExportMenu
          plot="phase"
          title="phase diagram"
          context={exportContext}
          table={exportTable}
          fileKeys={['activation', 'gamma', 'delta', 'readout', 'weights']}
          extraJson={() => ({ stateLabels: PHASE_STATE_LABELS.slice(0, 3), critical: lines.critical })}
        />
      </figcaption>
      <div className="phase-tools">
        <fieldset>
          <legend>plane</legend>
          {(['gamma', 'delta'] as const).map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="phase-plane"
                value={p}
                checked={plane === p}
                onChange={() => usePhase.getState().setPlane(p)}
                data-testid={`phase-plane-${p}`}
              />
              (α, {p === 'gamma' ? 'γ' : 'Δ'})
            </label>
          ))}
        </fieldset>
        <label>
          colour
          <select
            value={quantity}
            onChange={(e) => usePhase.getState().setQuantity(e.target.value as PhaseQuantity)}
            data-testid="phase-quantity"
          >
            {PHASE_QUANTITIES.map((q) => (
              <option key={q} value={q}>
                {QUANTITY_LABELS[q]}
              </option>
            ))}
          </select>
        </label>
        {quantity === 'overlap' && atomValues.length > 1 && (
          <label>
            |v| =
            <select
              value={atomValues[cls]}
              onChange={(e) => usePhase.getState().setReadoutValue(Number(e.target.value))}
              data-testid="phase-readout-value"
            >
              {atomValues.map((v) => (
                <option key={v} value={v}>
                  {formatNumber(v)}
                </option>
              ))}
            </select>
          </label>
        )}
        {keyPoint && (
          <span className="phase-status" data-testid="phase-key-status" aria-live="polite">
            Enter: α = {formatNumber(Number(keyPoint.alpha.toPrecision(3)))}, {Y_SYMBOL[plane]} ={' '}
            {formatNumber(Number(keyPoint.y.toPrecision(3)))}
          </span>
        )}
        <span className="phase-status" data-testid="phase-here">
          at the crosshair: {QUANTITY_LABELS[quantity]} ={' '}
          {here === null || !Number.isFinite(here)
            ? '…'
            : quantity === 'state'
              ? PHASE_STATE_LABELS[Math.round(here)]
              : tickFormat(Number(here.toPrecision(3)))}
        </span>
      </div>
      {diagram?.error && (
        <p className="phase-error" role="alert">
          {diagram.error.message}
        </p>
      )}
      {workerMessage && (
        <p className="phase-error" role="alert">
          {workerMessage}
        </p>
      )}
      <div ref={boxRef} className="phase-box">
        <Heatmap
          pixels={pixels}
          width={pixelW}
          height={pixelH}
          left={MARGIN.left}
          top={MARGIN.top}
          testId="phase-canvas"
          ariaLabel={`${QUANTITY_LABELS[quantity]} over the (α, ${Y_SYMBOL[plane]}) plane`}
        />
        <svg
          width={width}
          height={HEIGHT + legendHeight}
          role="img"
          aria-label={`Phase diagram in the (α, ${Y_SYMBOL[plane]}) plane, coloured by ${QUANTITY_LABELS[quantity]}`}
        >
          <defs>
            <clipPath id="phase-clip">
              <rect width={innerW} height={innerH} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axes
              xTicks={linearTicks(x, 8)}
              yTicks={yLog ? logAxisTicks(y, yDomain) : linearTicks(y, 6)}
              width={innerW}
              height={innerH}
              xLabel={<>sample ratio α = n / d²</>}
              yLabel={Y_LABEL[plane]}
            />
            <g clipPath="url(#phase-clip)">
              {(['spinodalLow', 'spinodalHigh'] as const).flatMap((k) =>
                clip(lines[k]).map((l, i) => (
                  <g key={`${k}${i}`}>
                    <path className="halo-line thin" d={path(l) ?? ''} />
                    <path data-series={k} className="line-spinodal" d={path(l) ?? ''} />
                  </g>
                )),
              )}
              {clip(lines.onset).map((l, i) => (
                <g key={`on${i}`}>
                  <path className="halo-line thin" d={path(l) ?? ''} />
                  <path data-series="onset" className="line-onset" d={path(l) ?? ''} />
                </g>
              ))}
              {clip(lines.alphaSp).map((l, i) => (
                <g key={`sp${i}`}>
                  <path className="halo-line" d={path(l) ?? ''} />
                  <path data-series="alpha-sp" className="line-sp" d={path(l) ?? ''} />
                </g>
              ))}
              {lines.critical
                .filter((p) => p[0] <= xDom)
                .map((p, i) => (
                  <circle
                    key={`cp${i}`}
                    data-series="critical"
                    className="critical-point"
                    cx={x(p[0])}
                    cy={y(p[1])}
                    r={4}
                  >
                    <title>critical point: the first-order line ends, Q rises continuously beyond</title>
                  </circle>
                ))}
              {alpha <= xDom && (
                <g className="crosshair" data-testid="phase-crosshair">
                  <line x1={x(alpha)} x2={x(alpha)} y1={0} y2={innerH} />
                  <line x1={0} x2={innerW} y1={y(yNow)} y2={y(yNow)} />
                  <circle cx={x(alpha)} cy={y(yNow)} r={4.5} />
                </g>
              )}
              {keyPoint && (
                <g className="key-point" data-testid="phase-key-point">
                  <rect x={x(keyPoint.alpha) - 6} y={y(keyPoint.y) - 6} width={12} height={12} />
                </g>
              )}
            </g>
            <rect
              width={innerW}
              height={innerH}
              fill="transparent"
              onClick={onClick}
              onKeyDown={onKeyDown}
              onBlur={() => setKeyPoint(null)}
              tabIndex={0}
              role="application"
              aria-roledescription="phase diagram"
              aria-label={`Selected point α = ${formatNumber(alpha)}, ${Y_SYMBOL[plane]} = ${formatNumber(yNow)}. Arrow keys move a point over the grid (Shift: ten cells), Enter moves the sliders there, as a click does.`}
              data-testid="phase-click"
            />
            {map.kind === 'continuous' && (
              <ColourBar
                scale={map}
                label={QUANTITY_LABELS[quantity]}
                x={innerW + 14}
                height={innerH}
                testId="phase-legend"
              />
            )}
          </g>
          <RowLegend
            flow={legend}
            x={MARGIN.left}
            y={HEIGHT + 2}
            testId={quantity === 'state' ? 'phase-legend' : 'phase-line-legend'}
          />
        </svg>
      </div>
      <details className="phase-status phase-reading">
        <summary>How to read the lines</summary>
        Solid: specialisation transition α<sub>sp</sub> (the largest first-order jump of Q); dashed: its spinodals
        (lowest α where the higher-Q state exists, highest α where the lower-Q state stays stable); dotted: continuous
        onset of Q ≠ 0. Open circle: a critical point, where the jump closes and Q rises continuously beyond. Click (or
        focus it and use the arrow keys and Enter) to move the sliders.
      </details>
    </figure>
  );
});
