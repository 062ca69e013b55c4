// Geometry of a LinePlot: scales (linear or log), ticks, every series' marks in pixels, the legend entries (checked:
// each one is seen, checkLegend) and where the legend box goes. Pure (no DOM; React only to join two labels), so
// that LinePlot.tsx only writes SVG and this file is tested alone.
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import { createElement, Fragment, type ReactNode } from 'react';
import type { Polyline, XY } from './branches';
import { legendBox, tickFormat, yMaxOf, type Box } from './scales';

interface SeriesBase {
  id: string;
  colour: string;
  /** Legend text; a series without one has no legend entry. */
  label?: ReactNode;
  /** Extra CSS class of the series' elements (e2e selectors, presentation mode). */
  className?: string;
  testId?: string;
  /** Series with the same group are wrapped in one `<g data-series={group}>`. */
  group?: string;
}

/** A polyline with gaps (null or non-finite values break it). */
export interface LineSeries extends SeriesBase {
  mark: 'line';
  data: Polyline;
  weight?: 'bold' | 'regular' | 'thin';
  dashed?: boolean;
  /** Stroke opacity (a faint trace under its own running mean). */
  opacity?: number;
  /** Draw each point as a dot too (sparse profiles). */
  dots?: boolean;
  /** Published data drawn over the computed curves: its own CSV columns beside a family's export table. */
  overlay?: boolean;
}

/** A shaded band between two curves (quantiles). */
export interface AreaSeries extends SeriesBase {
  mark: 'area';
  data: { x: number; lo: number; hi: number }[];
}

/** A shaded x interval over the whole height (a phase between two thresholds), its text at the bottom. */
export interface SpanSeries extends SeriesBase {
  mark: 'span';
  x0: number;
  x1: number;
  text?: string;
}

/** A vertical (axis 'x', at an x value) or horizontal (axis 'y') line across the plot, with an optional text. */
export interface RuleSeries extends SeriesBase {
  mark: 'rule';
  axis: 'x' | 'y';
  at: number;
  dash?: 'dashed' | 'dotted';
  text?: ReactNode;
  /** A ring on a vertical rule at this y (the value at the selected x). */
  ringAt?: number | null;
}

/** A point's symbol: circles for published and computed points, the others for the user's own runs. */
export type PointShape = 'circle' | 'triangle' | 'square' | 'diamond';

/** Points, with ± err bars where err is given. */
export interface PointSeries extends SeriesBase {
  mark: 'points';
  data: { x: number; y: number; err?: number }[];
  /** Open symbols instead of filled ones. */
  ring?: boolean;
  /** Circles by default. */
  shape?: PointShape;
  /** Horizontal offset in pixels (two point sets at the same x side by side). */
  dx?: number;
}

export type Series = LineSeries | AreaSeries | SpanSeries | RuleSeries | PointSeries;

/** A rule at x = at (axis 'x', vertical) or y = at (axis 'y', horizontal). */
export function rule(
  id: string,
  axis: 'x' | 'y',
  at: number,
  colour: string,
  more: Omit<Partial<RuleSeries>, 'mark'> = {},
): RuleSeries {
  return { mark: 'rule', id, axis, at, colour, ...more };
}

/** 'fill': a band's translucent sample; 'tile': an opaque outlined square (a heatmap's category). */
export type LegendSwatch = 'bold' | 'regular' | 'thin' | 'dot' | 'ring' | 'fill' | 'tile';
export interface LegendEntry {
  id: string;
  label: ReactNode;
  colour: string;
  swatch: LegendSwatch;
  dashed: boolean;
  dotted?: boolean;
  /** The symbol of a point set ('dot'/'ring' swatch; circle when absent). */
  shape?: PointShape;
}

export interface Tick {
  value: number;
  px: number;
  label: string;
}

export interface Scale {
  (v: number): number;
  invert(px: number): number;
}

export type Mark =
  | { series: LineSeries; d: string; dots: XY[] }
  | { series: AreaSeries; d: string }
  | { series: SpanSeries; x: number; width: number }
  | {
      series: RuleSeries;
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      text: { x: number; y: number; anchor: 'start' | 'end' } | null;
      ring: XY | null;
    }
  | { series: PointSeries; points: { cx: number; cy: number; bar: [number, number] | null }[] };

export interface LinePlotSpec {
  width: number;
  height: number;
  xDomain: [number, number];
  /** Fixed y range; by default [0, largest value in the x range with 6 % headroom], rounded outwards. */
  yDomain?: [number, number];
  xLog?: boolean;
  yLog?: boolean;
  series: readonly Series[];
  /** A legend box inside the plot: its corner is computed when given (width: by default from the labels). */
  legendBox?: { width?: number };
  /** Measures label text (the page); without it widths are estimated from the character count. */
  measure?: MeasureText;
}

export interface LinePlotLayout {
  innerWidth: number;
  innerHeight: number;
  x: Scale;
  y: Scale;
  xTicks: Tick[];
  yTicks: Tick[];
  marks: Mark[];
  legend: LegendEntry[];
  box: Box | null;
  /** An inside legend would cover data in every corner: the plot draws it in rows above the frame instead. */
  legendOutside: boolean;
  /** Legend entries whose series cannot be seen (checkLegend); empty when every entry shows a mark of its own. */
  legendIssues: string[];
}

export const MARGIN = { top: 12, right: 18, bottom: 48, left: 64 };
export const LEGEND_ROW = 17;
export const legendHeight = (rows: number) => rows * LEGEND_ROW + 8;
const DASH = { dashed: '6 4', dotted: '2 3' } as const;
export const dashArray = (dash: 'dashed' | 'dotted' | undefined | boolean) =>
  dash === true ? DASH.dashed : dash ? DASH[dash] : undefined;

const SUP: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Log-axis ticks: 1, 2, 5 × 10ᵏ when the domain spans under two decades, else the powers of ten. */
export function logTicks([a, b]: [number, number]): number[] {
  const k0 = Math.floor(Math.log10(a));
  const k1 = Math.ceil(Math.log10(b));
  const mult = k1 - k0 <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let k = k0; k <= k1; k++)
    for (const m of mult) {
      const v = m * 10 ** k;
      if (v >= a * (1 - 1e-9) && v <= b * (1 + 1e-9)) out.push(Number(v.toPrecision(3)));
    }
  return out;
}

/** A log-axis label: plain between 0.01 and 10⁴ (unless `powers`), else a power of ten (its mantissa when not 1). */
export function logLabel(v: number, powers = false): string {
  if (!powers && v >= 0.01 && v < 1e4) return tickFormat(v);
  const k = Math.round(Math.log10(v));
  const m = v / 10 ** k;
  const pow =
    '10' +
    String(k)
      .split('')
      .map((c) => SUP[c])
      .join('');
  return Math.abs(m - 1) < 1e-9 ? pow : `${tickFormat(Number(m.toPrecision(2)))}·${pow}`;
}

/** The labels of one log axis in one format: all plain when every tick allows it, else all powers of ten. */
export function logLabels(values: readonly number[]): string[] {
  const powers = values.some((v) => v < 0.01 || v >= 1e4);
  return values.map((v) => logLabel(v, powers));
}

/** Ticks of a linear d3 scale (Axes of plots that are not LinePlots: the phase diagram). */
export function linearTicks(s: { (v: number): number; ticks(n: number): number[] }, count: number): Tick[] {
  return s.ticks(count).map((value) => ({ value, px: s(value), label: tickFormat(value) }));
}

/** Ticks of a log axis over `domain` (powers of ten, with 2 and 5 over short ranges), labelled alike. */
export function logAxisTicks(s: (v: number) => number, domain: [number, number]): Tick[] {
  const values = logTicks(domain);
  const labels = logLabels(values);
  return values.map((value, i) => ({ value, px: s(value), label: labels[i] }));
}

const inDomain = (v: number, log: boolean | undefined) => Number.isFinite(v) && (!log || v > 0);

/** Every finite y a series draws inside the x window (for the default y range). */
function* seriesYs(series: readonly Series[], x0: number, x1: number): Generator<number> {
  const inX = (x: number) => x >= x0 && x <= x1;
  for (const s of series) {
    if (s.mark === 'line') for (const p of s.data) if (p && inX(p[0])) yield p[1];
    if (s.mark === 'points') for (const p of s.data) if (inX(p.x)) yield p.y + (p.err ?? 0);
    if (s.mark === 'area') for (const p of s.data) if (inX(p.x)) yield p.hi;
    if (s.mark === 'rule' && s.axis === 'y') yield s.at;
  }
}

/** Whether a segment between two pixel points crosses the w × h box (Liang–Barsky). */
function segmentInBox(a: XY, b: XY, w: number, h: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  for (const [p, q] of [
    [-dx, a[0]],
    [dx, w - a[0]],
    [-dy, a[1]],
    [dy, h - a[1]],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

const EDGE = 0.5; // pixels of tolerance at the frame (a line lying on the top edge is drawn)

/** Pixels of a series' defined points (the same test the path generator uses). */
function linePixels(s: LineSeries, x: Scale, y: Scale, xLog?: boolean, yLog?: boolean): (XY | null)[] {
  return s.data.map((p) => (p && inDomain(p[0], xLog) && inDomain(p[1], yLog) ? [x(p[0]), y(p[1])] : null));
}

/** Whether a mark shows inside the plot area: only such series get a legend entry. */
function visible(m: Mark, w: number, h: number, px?: (XY | null)[]): boolean {
  const inside = (p: XY) => p[0] >= -EDGE && p[0] <= w + EDGE && p[1] >= -EDGE && p[1] <= h + EDGE;
  if ('points' in m) return m.points.some((p) => inside([p.cx, p.cy]));
  if ('width' in m) return m.width > 0;
  if ('x1' in m) return inside([m.x1, m.y1]) && inside([m.x2, m.y2]);
  if (m.series.mark === 'area') return m.d !== '' && m.series.data.length > 1;
  const pts = px ?? [];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    if (!p) continue;
    if (inside(p)) return true;
    const q = pts[i + 1];
    if (q && segmentInBox(p, q, w, h)) return true;
  }
  return false;
}

function swatchOf(s: Series): LegendSwatch {
  if (s.mark === 'line') return s.weight ?? 'regular';
  if (s.mark === 'points') return s.ring ? 'ring' : 'dot';
  if (s.mark === 'rule') return 'thin';
  return 'fill';
}

/** Characters of a label for width estimates (a ReactNode counts as 24). */
/** Width in px of a label's text at the plots' 11.5 px font, where the page can measure it (textWidth.ts). */
export type MeasureText = (text: string) => number | null;

/** A label's width: measured where possible, else ~6.1 px a character (24 characters for a typeset node). */
const labelWidth = (e: LegendEntry, measure?: MeasureText) =>
  typeof e.label === 'string' ? (measure?.(e.label) ?? 6.1 * e.label.length) : 6.1 * 24;

/** Width of a legend box: the widest label, its swatch and padding. */
function legendWidthOf(entries: readonly LegendEntry[], measure?: MeasureText): number {
  let w = 0;
  for (const e of entries) w = Math.max(w, labelWidth(e, measure));
  return Math.round(40 + w);
}

/** A legend of entries side by side in rows above or below the frame (inside the SVG, so exports carry it). */
export interface LegendFlow {
  items: { entry: LegendEntry; x: number; y: number }[];
  /** Pixels the rows take (0 without entries). */
  height: number;
}

/** Entries left to right, wrapped at `width`; each item's (x, y) is its swatch's left end and vertical centre. */
export function flowLegend(entries: readonly LegendEntry[], width: number, measure?: MeasureText): LegendFlow {
  const items: LegendFlow['items'] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const w = Math.round(28 + labelWidth(entry, measure) + 16);
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    items.push({ entry, x, y: LEGEND_ROW / 2 + row * LEGEND_ROW });
    x += w;
  }
  return { items, height: entries.length ? (row + 1) * LEGEND_ROW + 4 : 0 };
}

/**
 * Pixel samples as one flat list x0, y0, x1, y1, … (the legend check and the placements run on every streamed
 * redraw: generators of [x, y] pairs made them most of a slider move's main-thread time).
 */
type Flat = number[];

/** Appends points every `step` pixels from a to b (at most 200). */
function pushAlong(out: Flat, ax: number, ay: number, bx: number, by: number, step = 6): void {
  const n = Math.min(200, Math.floor(Math.hypot(bx - ax, by - ay) / step));
  const d = n || 1;
  for (let k = 0; k <= n; k++) out.push(ax + ((bx - ax) * k) / d, ay + ((by - ay) * k) / d);
}

/** Appends the pixels of a mark's strokes and dots, every `step` pixels along lines (rules and polylines). */
function pushMarkSamples(out: Flat, m: Mark, px: (XY | null)[] | undefined, step: number): Flat {
  if ('points' in m) for (const p of m.points) out.push(p.cx, p.cy);
  if ('x1' in m) pushAlong(out, m.x1, m.y1, m.x2, m.y2, step);
  if (!px) return out;
  for (let i = 0; i < px.length; i++) {
    const p = px[i];
    const q = px[i + 1];
    if (p && q) pushAlong(out, p[0], p[1], q[0], q[1], step);
    else if (p) out.push(p[0], p[1]);
  }
  return out;
}

/** Pixels a legend box should not cover: the marks, sampled every few pixels along lines and texts. */
function occupied(marks: readonly Mark[], pixels: Map<Mark, (XY | null)[]>): Flat {
  const out: Flat = [];
  for (const m of marks) {
    if ('x1' in m && m.text) {
      const y = m.text.y - 4;
      pushAlong(out, m.text.x, y, m.text.x + (m.text.anchor === 'end' ? -110 : 110), y);
    }
    if (!('x1' in m)) pushMarkSamples(out, m, pixels.get(m), 6);
  }
  return out;
}

const COVER_PX = 2.5; // a stroke sample this close to one drawn on top of it is hidden (two half strokes and AA)
const MIN_SHOWN = 4; // samples 3 px apart: a legend entry needs ~12 px of its own line (or one point) to be seen
const AXIS_PX = 1.5; // a mark within this of the x axis (or the y axis, for vertical rules) is drawn on the axis

/** Whether a series is drawn as the legend entry shows (same label, colour, swatch and dash). */
const shapeOf = (s: Series): PointShape | undefined => (s.mark === 'points' ? (s.shape ?? 'circle') : undefined);
const isEntryOf = (s: Series, e: LegendEntry) =>
  s.label === e.label &&
  s.colour === e.colour &&
  swatchOf(s) === e.swatch &&
  shapeOf(s) === e.shape &&
  ((s.mark === 'line' && !!s.dashed) || (s.mark === 'rule' && s.dash === 'dashed')) === e.dashed;

/** Two labels as one entry of curves drawn on one another: "R22 = R11". */
function joinLabels(top: ReactNode, under: ReactNode): ReactNode {
  if (typeof top === 'string' && typeof under === 'string') return `${top} = ${under}`;
  return createElement(Fragment, null, top, ' = ', under);
}

/**
 * The legend check: every entry must show a mark of its own inside the frame. An entry whose marks lie wholly under
 * the marks of ONE other entry drawn on top, over most of that entry's length, is a curve that coincides with it:
 * the two share one entry ("R22 = R11"). An entry hidden otherwise (a short piece under a longer curve, or under
 * several) is not seen and leaves the legend. What remains wrong is reported, "label: why": nothing inside the
 * frame, or drawn on an axis (point sets are hidden only by points).
 */
export function checkLegend(
  entries: readonly LegendEntry[],
  marks: readonly Mark[],
  pixels: Map<Mark, (XY | null)[]>,
  w: number,
  h: number,
): { legend: LegendEntry[]; issues: string[] } {
  const inside = (x: number, y: number) => x >= -EDGE && x <= w + EDGE && y >= -EDGE && y <= h + EDGE;
  const stroke = (m: Mark) => !('width' in m) && m.series.mark !== 'area';
  const samples: Flat[] = marks.map((m) => {
    if (!stroke(m)) return [];
    const all = pushMarkSamples([], m, pixels.get(m), 3);
    const kept: Flat = [];
    for (let t = 0; t < all.length; t += 2) if (inside(all[t], all[t + 1])) kept.push(all[t], all[t + 1]);
    return kept;
  });
  const entryOf = marks.map((m) => entries.findIndex((e) => isEntryOf(m.series, e)));
  // Rules are drawn after every other mark (LinePlot), so they cover from the end of the list.
  const isRule = (i: number) => Number(marks[i].series.mark === 'rule');
  const order = marks.map((_, i) => i).sort((a, b) => isRule(a) - isRule(b));
  const rank = new Int32Array(marks.length);
  order.forEach((i, r) => (rank[i] = r));
  // Every sample once in a grid of COVER_PX cells (numeric keys), as (mark, sample offset) pairs: one pass, where a
  // grid per mark of the marks drawn after it made the check quadratic in the marks (it runs on every redraw).
  let grid: Map<number, number[]> | null = null;
  const cellKey = (cx: number, cy: number) => (cx + 32768) * 65536 + (cy + 32768);
  const gridOfAll = () => {
    if (grid) return grid;
    grid = new Map();
    samples.forEach((list, j) => {
      for (let k = 0; k < list.length; k += 2) {
        const key = cellKey(Math.floor(list[k] / COVER_PX), Math.floor(list[k + 1] / COVER_PX));
        const cellList = grid!.get(key);
        if (cellList) cellList.push(j, k);
        else grid!.set(key, [j, k]);
      }
    });
    return grid;
  };
  /**
   * A mark drawn on top of mark i (after it) that covers (px, py) and passes `counts`, or -1; a point set is hidden
   * only by points.
   */
  const coverOf = (px: number, py: number, i: number, counts: (j: number) => boolean) => {
    const g = gridOfAll();
    const pointsOnly = 'points' in marks[i];
    const cx = Math.floor(px / COVER_PX);
    const cy = Math.floor(py / COVER_PX);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const list = g.get(cellKey(cx + dx, cy + dy));
        if (!list) continue;
        for (let t = 0; t < list.length; t += 2) {
          const j = list[t];
          if (rank[j] <= rank[i] || (pointsOnly && !('points' in marks[j])) || !counts(j)) continue;
          const q = samples[j];
          const k = list[t + 1];
          if (Math.hypot(q[k] - px, q[k + 1] - py) <= COVER_PX) return j;
        }
      }
    return -1;
  };
  const drawnAfter = new Map(order.map((i, r) => [i, order.slice(r + 1)]));
  const sizeOf = (ei: number) => marks.reduce((n, _, j) => n + (entryOf[j] === ei ? samples[j].length / 2 : 0), 0);
  const labels = entries.map((e) => e.label);
  const dropped = new Set<number>();
  const issues: string[] = [];
  entries.forEach((e, ei) => {
    const mine = marks.map((_, i) => i).filter((i) => entryOf[i] === ei);
    if (mine.some((i) => !stroke(marks[i]))) return;
    const ownCount = mine.reduce((n, i) => n + samples[i].length / 2, 0);
    const name = typeof e.label === 'string' ? e.label : e.id;
    if (ownCount === 0) return void issues.push(`${name}: nothing drawn inside the frame`);
    // The entry's samples off the axes, as (mark, offset) pairs.
    const offAxis: number[] = [];
    for (const i of mine) {
      const list = samples[i];
      const rule = marks[i].series.mark === 'rule';
      for (let k = 0; k < list.length; k += 2)
        if (list[k + 1] < h - AXIS_PX && !(rule && list[k] < AXIS_PX)) offAxis.push(i, k);
    }
    if (offAxis.length === 0) return void issues.push(`${name}: drawn on the axis`);
    const need = mine.every((i) => 'points' in marks[i]) ? 1 : MIN_SHOWN;
    /** At least `need` of those samples lie under no mark that passes `counts`. */
    const seenPast = (counts: (j: number) => boolean) => {
      let seen = 0;
      for (let t = 0; t < offAxis.length; t += 2) {
        const i = offAxis[t];
        const k = offAxis[t + 1];
        if (coverOf(samples[i][k], samples[i][k + 1], i, counts) < 0 && ++seen >= need) return true;
      }
      return false;
    };
    if (seenPast((j) => entryOf[j] !== ei)) return; // its own pieces hide nothing
    dropped.add(ei);
    // The one entry that hides it alone (the curve it coincides with), if any: they share its legend line.
    const candidates = new Set(mine.flatMap((i) => (drawnAfter.get(i) ?? []).map((j) => entryOf[j])));
    const alone = [...candidates].find(
      (k) => k >= 0 && k !== ei && !dropped.has(k) && ownCount >= 0.5 * sizeOf(k) && !seenPast((j) => entryOf[j] === k),
    );
    if (alone !== undefined) labels[alone] = joinLabels(labels[alone], e.label);
  });
  return {
    legend: entries.flatMap((e, i) => (dropped.has(i) ? [] : [{ ...e, label: labels[i] }])),
    issues,
  };
}

/** Characters of a rule's text for width estimates (plain text of a node; 14 when unknown). */
function textChars(t: ReactNode): number {
  if (typeof t === 'string' || typeof t === 'number') return String(t).length;
  if (Array.isArray(t)) return t.reduce((n: number, c: ReactNode) => n + textChars(c), 0);
  if (t && typeof t === 'object' && 'props' in t) return textChars((t.props as { children?: ReactNode }).children);
  return t ? 14 : 0;
}

const RULE_ROW = 16;
/** Samples (6 px apart along curves, texts and points) a legend box may cover before it moves out of the frame. */
const COVERED_SAMPLES = 2;

/**
 * The texts of vertical rules on the row (from the top, every RULE_ROW px, above the bottom band where a span's
 * text sits) that covers the fewest data samples and no other rule's text: a threshold's name never lies on a
 * curve when there is an empty row (the GLM's α_IT text was drawn over the q = 1 line).
 */
function placeRuleTexts(marks: Mark[], pixels: Map<Mark, (XY | null)[]>, innerHeight: number): void {
  const data: Flat = [];
  for (const m of marks) if (!('x1' in m) && !('width' in m)) pushMarkSamples(data, m, pixels.get(m), 3);
  const taken: [number, number, number, number][] = [];
  const rows = Math.max(1, Math.floor((innerHeight - 24 - 14) / RULE_ROW) + 1);
  for (const m of marks) {
    if (!('x1' in m) || !m.text || m.series.axis !== 'x') continue;
    const w = 6.4 * textChars(m.series.text) + 4;
    const [x0, x1] = m.text.anchor === 'end' ? [m.text.x - w, m.text.x] : [m.text.x, m.text.x + w];
    let best = 0;
    let bestScore = Infinity;
    for (let r = 0; r < rows; r++) {
      const y = 14 + RULE_ROW * r;
      const box: [number, number, number, number] = [x0, x1, y - 11, y + 3];
      const overlap = taken.some((b) => b[0] < box[1] && box[0] < b[1] && b[2] < box[3] && box[2] < b[3]);
      let hits = 0;
      for (let t = 0; t < data.length; t += 2)
        if (data[t] >= box[0] && data[t] <= box[1] && data[t + 1] >= box[2] && data[t + 1] <= box[3]) hits++;
      const score = (overlap ? 1e6 : 0) + hits;
      if (score < bestScore) [best, bestScore] = [r, score];
      if (score === 0) break;
    }
    m.text.y = 14 + RULE_ROW * best;
    taken.push([x0, x1, m.text.y - 11, m.text.y + 3]);
  }
}

export function layoutLinePlot(spec: LinePlotSpec): LinePlotLayout {
  const { xDomain, xLog, yLog, series } = spec;
  const innerWidth = Math.max(10, spec.width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(10, spec.height - MARGIN.top - MARGIN.bottom);
  const x = (xLog ? scaleLog() : scaleLinear()).domain(xDomain).range([0, innerWidth]);
  const yLin = spec.yDomain
    ? null
    : scaleLinear()
        .domain([0, yMaxOf(seriesYs(series, xDomain[0], xDomain[1]))])
        .nice(6);
  const y = (yLog ? scaleLog() : scaleLinear())
    .domain(spec.yDomain ?? (yLin!.domain() as [number, number]))
    .range([innerHeight, 0]);
  // Far off-frame values are pulled in so that a divergence leaves the frame without huge coordinates.
  const clampPx = (v: number) => Math.max(-20 * innerHeight, Math.min(21 * innerHeight, v));
  const ticks = (s: typeof x, log: boolean | undefined, domain: [number, number], n: number): Tick[] =>
    log ? logAxisTicks(s, domain) : linearTicks(s, n);

  const marks: Mark[] = [];
  const pixels = new Map<Mark, (XY | null)[]>();
  for (const s of series) {
    if (s.mark === 'line') {
      const px = linePixels(s, x, y, xLog, yLog).map((p): XY | null => (p ? [p[0], clampPx(p[1])] : null));
      const d =
        line<XY | null>()
          .defined((p) => p !== null)
          .x((p) => p![0])
          .y((p) => p![1])(px) ?? '';
      const m: Mark = { series: s, d, dots: s.dots ? (px.filter((p) => p !== null) as XY[]) : [] };
      pixels.set(m, px);
      marks.push(m);
    } else if (s.mark === 'area') {
      const ok = s.data.filter((p) => inDomain(p.x, xLog) && inDomain(p.hi, yLog) && Number.isFinite(p.lo));
      const floor = yLog ? (y.domain()[0] as number) : -Infinity;
      const d =
        area<(typeof ok)[number]>()
          .x((p) => x(p.x))
          .y0((p) => clampPx(y(Math.max(p.lo, floor))))
          .y1((p) => clampPx(y(p.hi)))(ok) ?? '';
      marks.push({ series: s, d });
    } else if (s.mark === 'span') {
      const a = x(Math.max(s.x0, xDomain[0]));
      const b = x(Math.min(s.x1, xDomain[1]));
      marks.push({ series: s, x: a, width: Math.max(0, b - a) });
    } else if (s.mark === 'rule') {
      const vertical = s.axis === 'x';
      const log = vertical ? xLog : yLog;
      const [lo, hi] = (vertical ? x : y).domain() as [number, number];
      if (!inDomain(s.at, log) || s.at < Math.min(lo, hi) || s.at > Math.max(lo, hi)) continue;
      const at = vertical ? x(s.at) : y(s.at);
      const right = vertical && at > innerWidth - 130; // text on the left of the line near the right edge
      const text =
        s.text === undefined
          ? null
          : vertical
            ? {
                x: at + (right ? -5 : 5),
                y: 14, // placeRuleTexts chooses the row
                anchor: right ? ('end' as const) : ('start' as const),
              }
            : { x: innerWidth - 4, y: at - 4, anchor: 'end' as const };
      const ring: XY | null = vertical && s.ringAt != null && inDomain(s.ringAt, yLog) ? [at, y(s.ringAt)] : null;
      marks.push(
        vertical
          ? { series: s, x1: at, x2: at, y1: 0, y2: innerHeight, text, ring }
          : { series: s, x1: 0, x2: innerWidth, y1: at, y2: at, text, ring },
      );
    } else {
      const dx = s.dx ?? 0;
      const points = s.data
        .filter((p) => inDomain(p.x, xLog) && inDomain(p.y, yLog))
        .map((p) => {
          const err = p.err !== undefined && Number.isFinite(p.err) ? p.err : null;
          const lo = err === null ? 0 : yLog ? Math.max(p.y - err, y.domain()[0] as number) : p.y - err;
          return {
            cx: x(p.x) + dx,
            cy: clampPx(y(p.y)),
            bar: err === null ? null : ([clampPx(y(lo)), clampPx(y(p.y + err))] as [number, number]),
          };
        });
      marks.push({ series: s, points });
    }
  }

  placeRuleTexts(marks, pixels, innerHeight);

  const drawn: LegendEntry[] = [];
  for (const m of marks) {
    const s = m.series;
    if (
      s.label === undefined ||
      s.label === null ||
      s.label === '' ||
      !visible(m, innerWidth, innerHeight, pixels.get(m))
    )
      continue;
    const entry: LegendEntry = {
      id: s.id,
      label: s.label,
      colour: s.colour,
      swatch: swatchOf(s),
      dashed: (s.mark === 'line' && !!s.dashed) || (s.mark === 'rule' && s.dash === 'dashed'),
      shape: shapeOf(s),
    };
    // One entry for several series drawn alike under one name (the pieces of a branch).
    if (
      !drawn.some(
        (e) =>
          e.label === entry.label &&
          e.colour === entry.colour &&
          e.swatch === entry.swatch &&
          e.shape === entry.shape &&
          e.dashed === entry.dashed,
      )
    )
      drawn.push(entry);
  }
  const checked = checkLegend(drawn, marks, pixels, innerWidth, innerHeight);
  const legend = checked.legend;
  const corner =
    spec.legendBox && legend.length > 0
      ? legendBox(
          occupied(marks, pixels),
          innerWidth,
          innerHeight,
          Math.min(spec.legendBox.width ?? legendWidthOf(legend, spec.measure), innerWidth - 12),
          legendHeight(legend.length),
        )
      : null;
  // Data in every corner: the legend goes into rows above the frame rather than over a curve.
  const legendOutside = corner !== null && corner.covers > COVERED_SAMPLES;
  const box: Box | null = corner && !legendOutside ? corner : null;
  return {
    innerWidth,
    innerHeight,
    x,
    y,
    xTicks: ticks(x, xLog, xDomain, xLog ? 6 : 8),
    yTicks: ticks(y, yLog, y.domain() as [number, number], 6),
    marks,
    legend,
    box,
    legendOutside,
    legendIssues: checked.issues,
  };
}
