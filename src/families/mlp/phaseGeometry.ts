// Pure helpers of the phase-diagram view: row values, the y grid, colour maps, the heatmap pixels (one buffer for
// one ImageData write) and the line polylines. No React, no DOM: tested under vitest.
import { interpolateCividis, interpolateInferno, interpolateViridis } from 'd3-scale-chromatic';
import type { LinePoint, PhasePlane, PhaseRow, PhaseSample } from '../../physics/mlp/phaseTypes';
import type { ShallowParams } from '../../physics/types';
import { stateColours, type Theme } from '../../platform/plots/palette';
import { specFor } from './params';
import type { PhaseQuantity } from './phaseStore';

/** y range of a plane: the MLP slider's range of γ or Δ (clicks land on valid slider values). */
export function yRange(plane: PhasePlane): [number, number] {
  const s = specFor(plane);
  if (s.kind !== 'number') throw new Error(`${plane} is not numeric`);
  return [s.min, s.max];
}

/** The Δ plane is logarithmic in Δ, like the Δ slider (Δ spans four decades); the γ plane is linear. */
export const yIsLog = (plane: PhasePlane): boolean => plane === 'delta';

/** The plane's variable at a fraction t ∈ [0, 1] of its axis (linear or logarithmic). */
export function yAt(plane: PhasePlane, t: number): number {
  const [a, b] = yRange(plane);
  return yIsLog(plane) ? a * Math.pow(b / a, t) : a + (b - a) * t;
}

/** The rows of a diagram: n values of the plane's variable, evenly spaced along its axis. */
export function phaseYs(plane: PhasePlane, n: number): number[] {
  return Array.from({ length: n }, (_, i) => +yAt(plane, i / (n - 1)).toPrecision(10));
}

/** What a diagram depends on: every model parameter except the plane's own variable, and the α range. */
export function rowParamsKey(base: ShallowParams, plane: PhasePlane, alphaMax: number): string {
  return JSON.stringify([
    plane,
    base.activation,
    base.readout,
    base.weights,
    plane === 'gamma' ? base.delta : base.gamma,
    alphaMax,
  ]);
}

/** Index of the readout class whose |v| is nearest to v. */
export function classOf(classV2: readonly number[], v: number): number {
  let best = 0;
  for (let c = 1; c < classV2.length; c++)
    if (Math.abs(Math.sqrt(classV2[c]) - v) < Math.abs(Math.sqrt(classV2[best]) - v)) best = c;
  return best;
}

export function valueOf(s: PhaseSample, q: PhaseQuantity, cls: number): number {
  switch (q) {
    case 'epsOpt':
      return s.epsOpt;
    case 'gap':
      return Math.max(0, s.epsUni - s.epsOpt);
    case 'overlap':
      return s.Q[cls] ?? 0;
    case 'state':
      return s.state;
  }
}

export interface ColourMap {
  kind: 'continuous' | 'categorical';
  /** Value → CSS colour. */
  colour(v: number): string;
  /** Value → [r, g, b] from a lookup table: the heatmap asks for ~10⁵ of them per redraw. */
  rgb(v: number): readonly [number, number, number];
  /** Legend: domain of the bar (continuous) and its ticks. */
  domain: [number, number];
  log: boolean;
}

/**
 * 1024 levels, level i = [i, i + 1)/1024 sampled at its middle: viridis and inferno are ramps of 256 colours picked
 * by ⌊256 t⌋, which ⌊1024 t⌋/4 reproduces exactly; cividis (a polynomial) moves by under one 8-bit step per level.
 */
const LUT_LEVELS = 1024;

/** A continuous map: position t(v) ∈ [0, 1] on a colour interpolator, with its [r, g, b] tabulated once. */
function continuousMap(
  interpolate: (t: number) => string,
  position: (v: number) => number,
  domain: [number, number],
  log: boolean,
): ColourMap {
  const lut = Array.from({ length: LUT_LEVELS }, (_, i) => parseColour(interpolate((i + 0.5) / LUT_LEVELS)) ?? BLACK);
  return {
    kind: 'continuous',
    colour: (v) => interpolate(position(v)),
    rgb: (v) => lut[Math.min(LUT_LEVELS - 1, Math.floor(position(v) * LUT_LEVELS))],
    domain,
    log,
  };
}

const BLACK = [0, 0, 0] as const;
const STATE_RGB = {
  light: stateColours('light').map((c) => parseColour(c) ?? BLACK),
  dark: stateColours('dark').map((c) => parseColour(c) ?? BLACK),
};
const stateIndex = (v: number) => Math.max(0, Math.min(3, Math.round(v)));

/**
 * The colour map of a quantity over the values present (ε on a log scale over their range, ≤ four decades). The
 * states follow the theme; the continuous maps (cividis, inferno, viridis) read on both backgrounds and stay.
 */
export function colourMap(q: PhaseQuantity, values: Iterable<number>, theme: Theme = 'light'): ColourMap {
  if (q === 'state')
    return {
      kind: 'categorical',
      colour: (v) => stateColours(theme)[stateIndex(v)],
      rgb: (v) => STATE_RGB[theme][stateIndex(v)],
      domain: [0, 3],
      log: false,
    };
  if (q === 'overlap') return continuousMap(interpolateCividis, clamp01, [0, 1], false);
  let hi = 0;
  let min = Infinity;
  for (const v of values)
    if (Number.isFinite(v) && v > 0) {
      if (v > hi) hi = v;
      if (v < min) min = v;
    }
  if (!(hi > 0)) hi = 1;
  if (q === 'gap') return continuousMap(interpolateInferno, (v) => clamp01(v / hi), [0, hi], false);
  // ε_opt: log10 over the values' range (at most four decades, at least one); reversed viridis so that small errors
  // are bright. A fixed four decades left most of the bar unused where ε spans one or two.
  const top = Math.log10(hi);
  const lo = Math.min(top - 1, Math.max(top - 4, Math.floor(Math.log10(min) * 4) / 4));
  return continuousMap(
    interpolateViridis,
    (v) => 1 - clamp01((Math.log10(Math.max(v, 1e-300)) - lo) / (top - lo)),
    [Math.pow(10, lo), hi],
    true,
  );
}

/** '#rrggbb' or 'rgb(r, g, b)' (what d3-scale-chromatic returns) → [r, g, b]. */
export function parseColour(c: string): [number, number, number] | null {
  if (c.startsWith('#') && c.length === 7)
    return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);

/** Value at α along a row: linear between samples, nearest across a jump (states differ) and for states. */
export function rowValueAt(samples: readonly PhaseSample[], alpha: number, q: PhaseQuantity, cls: number): number {
  const n = samples.length;
  if (n === 0) return NaN;
  if (alpha <= samples[0].alpha) return valueOf(samples[0], q, cls);
  if (alpha >= samples[n - 1].alpha) return valueOf(samples[n - 1], q, cls);
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (samples[mid].alpha <= alpha) lo = mid;
    else hi = mid;
  }
  const a = samples[lo];
  const b = samples[hi];
  const t = (alpha - a.alpha) / (b.alpha - a.alpha);
  if (q === 'state' || a.state !== b.state) return valueOf(t < 0.5 ? a : b, q, cls);
  return (1 - t) * valueOf(a, q, cls) + t * valueOf(b, q, cls);
}

/** The nearest computed row to each pixel row (top = largest y); -1 where no row is computed yet. */
export function nearestRows(
  ys: readonly number[],
  have: readonly boolean[],
  height: number,
  yDomain: [number, number],
  log = false,
): Int32Array {
  // Distances along the axis as drawn: in ln y on a log axis.
  const u = (v: number) => (log ? Math.log(v) : v);
  const [u0, u1] = [u(yDomain[0]), u(yDomain[1])];
  const out = new Int32Array(height).fill(-1);
  for (let py = 0; py < height; py++) {
    const y = u1 - ((py + 0.5) / height) * (u1 - u0);
    let best = -1;
    for (let i = 0; i < ys.length; i++)
      if (have[i] && (best < 0 || Math.abs(u(ys[i]) - y) < Math.abs(u(ys[best]) - y))) best = i;
    out[py] = best;
  }
  return out;
}

/** RGBA pixels of the heatmap (width × height), pixel columns at α = (px + ½)/width · alphaMax. */
export function heatmapPixels(
  rows: readonly (PhaseRow | null)[],
  ys: readonly number[],
  width: number,
  height: number,
  alphaMax: number,
  yDomain: [number, number],
  map: ColourMap,
  q: PhaseQuantity,
  readoutValue: number,
  log = false, // a logarithmic y axis (the Δ plane)
): Uint8ClampedArray {
  const px = new Uint8ClampedArray(width * height * 4);
  const which = nearestRows(
    ys,
    rows.map((r) => r !== null),
    height,
    yDomain,
    log,
  );
  const cache = new Map<number, Uint8ClampedArray>();
  const lineOf = (i: number) => {
    let line = cache.get(i);
    if (line) return line;
    const row = rows[i] as PhaseRow;
    const cls = classOf(row.classV2, readoutValue);
    line = new Uint8ClampedArray(width * 4);
    for (let x = 0; x < width; x++) {
      const v = rowValueAt(row.samples, ((x + 0.5) / width) * alphaMax, q, cls);
      const c = Number.isFinite(v) ? map.rgb(v) : null;
      line[4 * x] = c ? c[0] : 0;
      line[4 * x + 1] = c ? c[1] : 0;
      line[4 * x + 2] = c ? c[2] : 0;
      line[4 * x + 3] = c ? 255 : 0;
    }
    cache.set(i, line);
    return line;
  };
  for (let y = 0; y < height; y++) if (which[y] >= 0) px.set(lineOf(which[y]), y * width * 4);
  return px;
}

export type XY = [number, number];

/** The α of each line the diagram draws on a row (null: not drawn there); the CSV export writes the same. */
export const DRAWN_LINES = {
  alphaSp: (l: LinePoint) => (l.order === 'first-order' ? l.alphaSp : null),
  onset: (l: LinePoint) =>
    l.order === 'continuous'
      ? l.alphaSp
      : l.order === 'first-order' && l.alphaOnset !== null && l.alphaOnset < (l.alphaSp as number)
        ? l.alphaOnset
        : null,
  // The specialised branch can exist (metastable) where α_sp lies beyond the α range (order null).
  spinodalLow: (l: LinePoint) => (l.order !== 'continuous' ? l.spinodalLow : null),
  spinodalHigh: (l: LinePoint) => (l.order === 'first-order' ? l.spinodalHigh : null),
} as const;

/** The diagram's lines as polylines (α, y), each broken where the line is absent on a row. */
export type LinePolylines = Record<keyof typeof DRAWN_LINES, XY[][]>;

/** The polylines' points at α ≤ alphaShown (the part of each line the plot draws). */
export function clipLines(ls: XY[][], alphaShown: number): XY[][] {
  return ls.map((l) => l.filter((p) => p[0] <= alphaShown));
}

/** Which lines the plot shows for α ≤ alphaShown: a polyline with a segment there (the legend lists only these). */
export function visibleLines(
  lines: LinePolylines,
  alphaShown: number,
): { alphaSp: boolean; spinodals: boolean; onset: boolean } {
  const shown = (ls: XY[][]) => clipLines(ls, alphaShown).some((l) => l.length > 1);
  return {
    alphaSp: shown(lines.alphaSp),
    spinodals: shown(lines.spinodalLow) || shown(lines.spinodalHigh),
    onset: shown(lines.onset),
  };
}

/** Polylines (α, y) of the lines over the computed rows, broken where a line is absent. */
export function linePolylines(rows: readonly (PhaseRow | null)[]): LinePolylines & { critical: XY[] } {
  const pts = rows
    .filter((r): r is PhaseRow => r !== null)
    .map((r) => r.line)
    .sort((a, b) => a.y - b.y);
  const build = (get: (l: LinePoint) => number | null) => {
    const out: XY[][] = [];
    let cur: XY[] = [];
    for (const l of pts) {
      const a = get(l);
      if (a === null || !Number.isFinite(a)) {
        if (cur.length) out.push(cur);
        cur = [];
      } else cur.push([a, l.y]);
    }
    if (cur.length) out.push(cur);
    return out;
  };
  // Critical points (between rows): a first-order row next to one where Q rises continuously: the jump closes there.
  const critical: XY[] = [];
  pts.forEach((l, i) => {
    if (l.order !== 'first-order' || l.alphaSp === null) return;
    for (const n of [pts[i - 1], pts[i + 1]])
      if (n && n.order === 'continuous') critical.push([l.alphaSp, 0.5 * (l.y + n.y)]);
  });
  return {
    critical,
    alphaSp: build(DRAWN_LINES.alphaSp),
    onset: build(DRAWN_LINES.onset),
    spinodalLow: build(DRAWN_LINES.spinodalLow),
    spinodalHigh: build(DRAWN_LINES.spinodalHigh),
  };
}

/** A point of the phase plane: α and the plane's γ or Δ. */
export interface PlanePoint {
  alpha: number;
  y: number;
}

const nearestIndex = (grid: readonly number[], v: number): number => {
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i] - v) < Math.abs(grid[best] - v)) best = i;
  return best;
};

/**
 * Where an arrow key moves the keyboard's point on the diagram's grid (the rows' α samples × the rows' y): it snaps
 * to the nearest node, then moves one cell (ten with Shift), stopping at the edges. Null for any other key.
 */
export function keyMove(
  p: PlanePoint,
  key: string,
  large: boolean,
  alphas: readonly number[],
  ys: readonly number[],
): PlanePoint | null {
  const axis =
    key === 'ArrowLeft' || key === 'ArrowRight' ? 'alpha' : key === 'ArrowUp' || key === 'ArrowDown' ? 'y' : null;
  if (!axis) return null;
  const grid = axis === 'alpha' ? alphas : ys;
  if (grid.length === 0) return p;
  const dir = key === 'ArrowLeft' || key === 'ArrowDown' ? -1 : 1;
  const i = Math.min(grid.length - 1, Math.max(0, nearestIndex(grid, p[axis]) + dir * (large ? 10 : 1)));
  return { ...p, [axis]: grid[i] };
}
