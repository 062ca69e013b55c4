// Pure view helpers of the phase diagram: row interpolation (jumps kept sharp), colour maps, pixels, lines.
import { describe, expect, it } from 'vitest';
import type { LinePoint, PhaseRow, PhaseSample } from '../../physics/mlp/phaseTypes';
import {
  colourMap,
  heatmapPixels,
  keyMove,
  linePolylines,
  nearestRows,
  parseColour,
  phaseYs,
  rowValueAt,
  visibleLines,
  yIsLog,
} from './phaseGeometry';
import { STATE_COLOURS, STATE_COLOURS_DARK } from '../../platform/plots/palette';

const s = (alpha: number, epsOpt: number, q: number, state: 0 | 1 | 2 | 3): PhaseSample => ({
  alpha,
  epsOpt,
  epsUni: 0.5,
  Q: [q],
  state,
});
const line = (y: number, o: Partial<LinePoint>): LinePoint => ({
  y,
  alphaSp: null,
  alphaOnset: null,
  spinodalLow: null,
  spinodalHigh: null,
  spinodalUni: null,
  order: null,
  qBelow: null,
  qAbove: null,
  onset: null,
  jumps: [],
  converged: true,
  method: 'row',
  ...o,
});
const row = (y: number, samples: PhaseSample[], l: Partial<LinePoint>): PhaseRow => ({
  y,
  samples,
  line: line(y, l),
  classV2: [1],
});

describe('phase geometry', () => {
  const samples = [s(1, 0.4, 0, 1), s(2 * (1 - 1e-9), 0.3, 0.1, 1), s(2, 0.01, 0.99, 2), s(4, 0.001, 1, 2)];
  it('interpolates linearly within a branch and jumps sharply at α_sp', () => {
    expect(rowValueAt(samples, 1.5, 'epsOpt', 0)).toBeCloseTo(0.35, 8); // the sample sits at 2(1 − 1e−9)
    expect(rowValueAt(samples, 2.5, 'overlap', 0)).toBeCloseTo(0.9925, 12);
    expect(rowValueAt(samples, 1.999, 'state', 0)).toBe(1);
    expect(rowValueAt(samples, 2.001, 'gap', 0)).toBeGreaterThan(0.45);
  });

  it('colour maps: states are categorical, ε is logarithmic over four decades', () => {
    expect(colourMap('state', []).colour(2)).toBe(STATE_COLOURS[2]);
    const m = colourMap('epsOpt', [0.5, 0.01]);
    expect(m.log).toBe(true);
    // the log bar fits the values: from 0.01 (rounded down to a quarter decade) to 0.5
    expect(m.domain[0]).toBeCloseTo(0.01, 12);
    expect(m.domain[1]).toBe(0.5);
    // at most four decades below the largest value, at least one
    expect(colourMap('epsOpt', [0.5, 1e-9]).domain[0]).toBeCloseTo(5e-5, 12);
    expect(colourMap('epsOpt', [0.5, 0.4]).domain[0]).toBeCloseTo(0.05, 12);
    expect(colourMap('epsOpt', [0.5, 0.03]).domain[0]).toBeCloseTo(10 ** -1.75, 12);
    expect(parseColour(m.colour(0.5))).not.toEqual(parseColour(m.colour(1e-3)));
    expect(parseColour('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
  });

  it('the states follow the theme: no near-white block on the dark page, the states distinct', () => {
    const lum = (c: string) => {
      const [r, g, b] = parseColour(c) as number[];
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const dark = colourMap('state', [], 'dark');
    expect(dark.colour(0)).toBe(STATE_COLOURS_DARK[0]);
    expect(Array.from(dark.rgb(3))).toEqual(parseColour(STATE_COLOURS_DARK[3]));
    expect(lum(STATE_COLOURS[0])).toBeGreaterThan(0.9); // the light theme's uninformed state: near white
    expect(lum(STATE_COLOURS_DARK[0])).toBeLessThan(0.2); // … and the dark theme's: near the dark panel
    // Uninformed, universal and specialised (equilibrium) stay distinct on the dark page.
    for (const [a, b] of [
      [0, 1],
      [1, 3],
      [0, 3],
    ])
      expect(Math.abs(lum(STATE_COLOURS_DARK[a]) - lum(STATE_COLOURS_DARK[b]))).toBeGreaterThan(0.1);
  });

  it('the tabulated [r, g, b] of every map is the CSS colour within one 8-bit level', () => {
    for (const q of ['epsOpt', 'gap', 'overlap', 'state'] as const) {
      const m = colourMap(q, [0.5, 0.01]);
      for (let i = 0; i <= 400; i++) {
        const v = q === 'state' ? i % 4 : q === 'epsOpt' ? 0.5 * Math.pow(10, -5 * (i / 400)) : (0.6 * i) / 400;
        const css = parseColour(m.colour(v)) as number[];
        const lut = m.rgb(v);
        for (let c = 0; c < 3; c++) expect(Math.abs(lut[c] - css[c]), `${q} v=${v}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('fills pixel rows from the nearest computed row', () => {
    const rows = [row(0.1, samples, {}), null, row(2, [s(1, 0.4, 0, 3), s(4, 0.4, 0, 3)], {})];
    const px = heatmapPixels(rows, [0.1, 1, 2], 2, 4, 4, [0.1, 2], colourMap('state', []), 'state', 1);
    expect(Array.from(px.slice(0, 3))).toEqual(parseColour(STATE_COLOURS[3])); // top pixel row: γ = 2 row
    expect(Array.from(px.slice(3 * 8, 3 * 8 + 3))).toEqual(parseColour(STATE_COLOURS[1])); // bottom-left: α = 1
  });

  it('lines break where absent; spinodals drawn even when α_sp is beyond the range', () => {
    const rows = [
      row(0.2, [], { order: 'first-order', alphaSp: 1, spinodalLow: 0.8, spinodalHigh: 1.3 }),
      row(0.3, [], { order: 'first-order', alphaSp: 1.5, spinodalLow: 1.1, spinodalHigh: 2 }),
      row(0.4, [], { order: null, spinodalLow: 1.6 }),
      row(0.1, [], { order: 'continuous', alphaSp: 0.5, alphaOnset: 0.5 }),
    ];
    const l = linePolylines(rows);
    expect(l.alphaSp).toEqual([
      [
        [1, 0.2],
        [1.5, 0.3],
      ],
    ]);
    expect(l.spinodalLow).toEqual([
      [
        [0.8, 0.2],
        [1.1, 0.3],
        [1.6, 0.4],
      ],
    ]);
    expect(l.onset).toEqual([[[0.5, 0.1]]]);
    // The first-order line ends between γ = 0.1 (continuous) and 0.2: a critical point there; not at γ = 0.4
    // (order null: the jump leaves the α range, it does not close).
    expect(l.critical).toEqual([[1, 0.15000000000000002]]);
  });
});

describe('phase diagram keyboard', () => {
  const alphas = Array.from({ length: 64 }, (_, i) => (8 * (i + 1)) / 64); // rowAlphas(8, 64): 0.125 … 8
  const ys = Array.from({ length: 64 }, (_, i) => 0.1 + (1.9 * i) / 63);
  it('moves one grid cell per arrow, ten with Shift, snapping first and stopping at the edges', () => {
    expect(keyMove({ alpha: 2, y: 0.5 }, 'ArrowRight', false, alphas, ys)).toEqual({ alpha: 2.125, y: 0.5 });
    expect(keyMove({ alpha: 2.01, y: 0.5 }, 'ArrowLeft', false, alphas, ys)).toEqual({ alpha: 1.875, y: 0.5 });
    expect(keyMove({ alpha: 2, y: 0.5 }, 'ArrowRight', true, alphas, ys)!.alpha).toBe(3.25);
    expect(keyMove({ alpha: 7.9, y: 0.5 }, 'ArrowRight', true, alphas, ys)!.alpha).toBe(8);
    expect(keyMove({ alpha: 0.2, y: 0.5 }, 'ArrowLeft', true, alphas, ys)!.alpha).toBe(0.125);
    const up = keyMove({ alpha: 2, y: 0.1 }, 'ArrowUp', false, alphas, ys)!;
    expect(up.alpha).toBe(2);
    expect(up.y).toBeCloseTo(0.1 + 1.9 / 63, 12);
    expect(keyMove({ alpha: 2, y: 0.1 }, 'ArrowDown', false, alphas, ys)!.y).toBe(0.1);
    expect(keyMove({ alpha: 2, y: 0.5 }, 'Enter', false, alphas, ys)).toBeNull();
  });
});

describe('the (α, Δ) plane is logarithmic in Δ, like the Δ slider', () => {
  it('spaces its rows evenly in ln Δ over the slider range, and the γ plane evenly in γ', () => {
    const ys = phaseYs('delta', 5);
    expect(ys[0]).toBeCloseTo(1e-4, 12);
    expect(ys[4]).toBeCloseTo(2, 9);
    for (let i = 1; i < 4; i++) expect(Math.log(ys[i + 1] / ys[i])).toBeCloseTo(Math.log(ys[i] / ys[i - 1]), 6);
    expect(yIsLog('delta')).toBe(true);
    const g = phaseYs('gamma', 5);
    expect(yIsLog('gamma')).toBe(false);
    expect(g[2] - g[1]).toBeCloseTo(g[1] - g[0], 9);
  });

  it('draws each pixel row from the row nearest in ln Δ on a log axis (in Δ on a linear one)', () => {
    const ys = [1e-4, 1e-2, 1];
    const have = [true, true, true];
    // Four pixel rows over [1e−4, 1] (top = largest): ln-centres 10^(−0.5), 10^(−1.5), 10^(−2.5), 10^(−3.5).
    expect(Array.from(nearestRows(ys, have, 4, [1e-4, 1], true))).toEqual([2, 1, 1, 0]);
    // Linearly every centre but the top one is nearest to 1e−2 or 1e−4 in plain distance.
    expect(Array.from(nearestRows(ys, have, 4, [1e-4, 1], false))).toEqual([2, 2, 1, 1]);
  });
});

describe('the lines legend lists the lines drawn', () => {
  const none = { alphaSp: [], onset: [], spinodalLow: [], spinodalHigh: [] };
  it('none while the first rows come in', () => {
    expect(visibleLines(none, 8)).toEqual({ alphaSp: false, spinodals: false, onset: false });
  });
  it('a line needs a segment inside the α range shown', () => {
    const lines = {
      ...none,
      alphaSp: [
        [
          [2, 0.5],
          [2.1, 0.6],
        ] as [number, number][],
      ],
      spinodalHigh: [[[3, 0.5]] as [number, number][]], // one point: nothing drawn
      onset: [
        [
          [9, 0.5],
          [9.5, 0.6],
        ] as [number, number][],
      ], // beyond α = 8
    };
    expect(visibleLines(lines, 8)).toEqual({ alphaSp: true, spinodals: false, onset: false });
    expect(visibleLines(lines, 10)).toEqual({ alphaSp: true, spinodals: false, onset: true });
  });
});
