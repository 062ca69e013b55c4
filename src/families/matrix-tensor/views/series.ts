// The spiked matrix–tensor plots' series and tables, from the worker's numbers (pure: tested without a DOM).
import type { OverlapRow } from '../../../physics/classic/matrixTensor';
import type { MatrixTensorLinePoint } from '../../../physics/classic/matrixTensorThresholds';
import type { Series } from '../../../platform/plots/LinePlot';
import type { DataTable } from '../../../platform/plots/export';
import { COLOURS, MATRIX_TENSOR_REGIONS } from '../../../platform/plots/palette';

type Line = keyof Pick<MatrixTensorLinePoint, 'it' | 'hard' | 'amp' | 'spinodal' | 'langevin' | 'gf' | 'triv'>;

/** The threshold lines: their key, name in the legend and style. */
export const LINES: readonly { key: Line; label: string; colour: string; bold?: boolean; dashed?: boolean }[] = [
  { key: 'it', label: '1/Δ2_IT: information-theoretic (Bayes m > 0)', colour: COLOURS.red, bold: true },
  { key: 'hard', label: 'hard phase starts (p ≥ 4: first-order jump)', colour: COLOURS.orange, dashed: true },
  { key: 'amp', label: '1/Δ2_AMP: Bayes-AMP from m = 0⁺ succeeds', colour: COLOURS.blue },
  { key: 'spinodal', label: 'spinodal: informative branch appears', colour: COLOURS.grey, dashed: true },
  { key: 'langevin', label: '1/Δ2_L: Langevin at T = 1 leaves m ≈ 0 (marginal states)', colour: COLOURS.amber },
  { key: 'gf', label: '1/Δ2_GF: threshold states unstable (gradient flow)', colour: COLOURS.green, dashed: true },
  { key: 'triv', label: '1/Δ2_triv: Kac–Rice, no spurious minima', colour: COLOURS.violet },
];

/** A region between two lines; `short`: its label where the full one finds no room (a narrow region). */
type Region = { id: string; label: string; short?: string; lo: Line | null; hi: Line | null; fill: string };

/** The regions between consecutive lines (bottom to top), with their labels; p = 3 (with the Langevin line). */
export const REGIONS: readonly Region[] = [
  { id: 'impossible', label: 'impossible', lo: null, hi: 'it', fill: MATRIX_TENSOR_REGIONS.impossible },
  // p ≥ 4, small Δp: AMP on a low branch that is Bayes-optimal (easy for AMP) between IT and the jump; unlabelled.
  { id: 'easy-low', label: '', lo: 'it', hi: 'hard', fill: MATRIX_TENSOR_REGIONS.hardGf },
  {
    id: 'hard-amp',
    label: 'hard (AMP fails)',
    short: 'hard',
    lo: 'hard',
    hi: 'amp',
    fill: MATRIX_TENSOR_REGIONS.hardAmp,
  },
  {
    id: 'hard-langevin',
    label: 'AMP easy, hard for Langevin',
    short: 'hard for Langevin',
    lo: 'amp',
    hi: 'langevin',
    fill: MATRIX_TENSOR_REGIONS.hardLangevin,
  },
  {
    id: 'hard-gf',
    label: 'Langevin easy, hard for gradient flow',
    short: 'hard for gradient flow',
    lo: 'langevin',
    hi: 'gf',
    fill: MATRIX_TENSOR_REGIONS.hardGf,
  },
  {
    id: 'spurious',
    label: 'gradient flow easy, spurious minima',
    short: 'spurious minima',
    lo: 'gf',
    hi: 'triv',
    fill: MATRIX_TENSOR_REGIONS.spurious,
  },
  { id: 'trivial', label: 'trivial landscape', lo: 'triv', hi: null, fill: MATRIX_TENSOR_REGIONS.trivial },
];

/** Without the Langevin line (p ≥ 4): one region from AMP to GF in place of the two it separates. */
const REGIONS_WITHOUT_LANGEVIN: readonly Region[] = REGIONS.flatMap((r) =>
  r.id === 'hard-langevin'
    ? []
    : r.id === 'hard-gf'
      ? [{ ...r, label: 'AMP easy, hard for gradient flow', lo: 'amp' as const }]
      : [r],
);

/** The regions of a diagram: the Langevin pair where its line is known somewhere. */
export const regionsOf = (lines: readonly MatrixTensorLinePoint[]): readonly Region[] =>
  lines.some((t) => t.langevin !== null) ? REGIONS : REGIONS_WITHOUT_LANGEVIN;

const clampTo = (v: number, yMax: number) => Math.min(Math.max(v, 0), yMax);

/** A region's band at each Δp where both its bounds are known (y clipped to [0, yMax]). */
export function regionBand(lines: readonly MatrixTensorLinePoint[], r: Region, yMax: number) {
  const out: { x: number; lo: number; hi: number }[] = [];
  for (const t of lines) {
    const lo = r.lo === null ? 0 : t[r.lo];
    const hi = r.hi === null ? yMax : t[r.hi];
    if (lo !== null && hi !== null) out.push({ x: t.deltaP, lo: clampTo(lo, yMax), hi: clampTo(hi, yMax) });
  }
  return out;
}

/** How a label fits: its half-width (x units), the x-range its centre must keep to (the frame, less `half`), and a
 *  vertical rule at x whose text takes the band's top above `below`. */
export interface LabelFit {
  half: number;
  domain: [number, number];
  avoid?: { x: number; below: number };
}

/** Where to write a region's label: among the centres where the band, narrowed to the points under the label, leaves
 *  the most height (≥ 95 % of it), the middle one, at the middle of that height; where no centre leaves `minHeight`
 *  under the whole label (a narrow region), the same under its middle half, the ends running over the lines beside
 *  it; null if even that is nowhere higher than `minHeight` (a label mostly outside its region would mislead).
 *  Without `fit`, a label of no width. */
export function labelAt(band: readonly { x: number; lo: number; hi: number }[], minHeight: number, fit?: LabelFit) {
  const half = fit?.half ?? 0;
  const best = (window: number) => {
    const room = band.map((c) => {
      const x = fit ? Math.min(Math.max(c.x, fit.domain[0] + half), fit.domain[1] - half) : c.x;
      const under = window ? band.filter((b) => Math.abs(b.x - x) <= window) : [c];
      const crosses = fit?.avoid && Math.abs(fit.avoid.x - x) <= half;
      if (under.length === 0) return { x, lo: 0, hi: -1 };
      const lo = Math.max(...under.map((b) => b.lo));
      const hi = Math.min(...under.map((b) => b.hi), crosses ? fit.avoid!.below : Infinity);
      return { x, lo, hi };
    });
    const top = Math.max(0, ...room.map((b) => b.hi - b.lo));
    if (!(top > minHeight)) return null;
    const wide = room.filter((b) => b.hi - b.lo >= 0.95 * top);
    const b = wide[Math.floor((wide.length - 1) / 2)];
    return { x: b.x, y: 0.5 * (b.lo + b.hi) };
  };
  return best(half) ?? (half > 0 ? best(half / 2) : null);
}

/** A region's label and where it goes: the full label, else the short one where the region is too narrow for it. */
export function regionLabel(
  r: Region,
  band: readonly { x: number; lo: number; hi: number }[],
  minHeight: number,
  fitOf: (text: string) => LabelFit,
): { text: string; x: number; y: number } | null {
  for (const text of r.short ? [r.label, r.short] : [r.label]) {
    const pos = labelAt(band, minHeight, fitOf(text));
    if (pos) return { text, ...pos };
  }
  return null;
}

export function diagramSeries(lines: readonly MatrixTensorLinePoint[], yMax: number, deltaP: number): Series[] {
  const regions: Series[] = regionsOf(lines).map((r) => ({
    mark: 'area',
    id: `region-${r.id}`,
    data: regionBand(lines, r, yMax),
    colour: r.fill,
    testId: `region-${r.id}`,
  }));
  // A line known nowhere (the Langevin line for p ≥ 4) is left out, legend entry included.
  const drawn = LINES.filter((l) => lines.some((t) => t[l.key] !== null));
  const curves: Series[] = drawn.map((l) => ({
    mark: 'line',
    id: `line-${l.key}`,
    data: lines.map((t) => (t[l.key] === null ? null : [t.deltaP, t[l.key] as number])),
    colour: l.colour,
    weight: l.bold ? 'bold' : l.dashed ? 'thin' : 'regular',
    dashed: l.dashed,
    label: l.label,
  }));
  const at: Series = {
    mark: 'rule',
    id: 'selected-delta-p',
    axis: 'x',
    at: deltaP,
    colour: COLOURS.selection,
    dash: 'dotted',
    text: `Δp = ${deltaP}`,
    testId: 'mark-selected-delta-p',
  };
  return [...regions, ...curves, at];
}

export function overlapSeries(rows: readonly OverlapRow[]): Series[] {
  const line = (f: (r: OverlapRow) => number | null) =>
    rows.map((r) => {
      const v = f(r);
      return v === null ? null : ([r.invDelta2, v] as [number, number]);
    });
  return [
    {
      mark: 'line',
      id: 'm-informative',
      data: line((r) => (r.informative.m > 0 ? r.informative.m : null)),
      colour: COLOURS.specialised,
      dashed: true,
      label: 'state evolution from m = 1⁻ (informative)',
    },
    {
      mark: 'line',
      id: 'm-amp',
      data: line((r) => r.amp.m),
      colour: COLOURS.blue,
      label: 'AMP from m = 0⁺ (uninformative)',
    },
    {
      mark: 'line',
      id: 'm-equilibrium',
      data: line((r) => r[r.equilibrium].m),
      colour: COLOURS.equilibrium,
      weight: 'bold',
      label: 'Bayes-optimal m (larger Φ)',
    },
  ];
}

export function diagramTable(lines: readonly MatrixTensorLinePoint[]): DataTable {
  return {
    columns: [
      'deltaP',
      'invDelta2IT',
      'invDelta2Hard',
      'invDelta2AMP',
      'invDelta2Spinodal',
      'invDelta2Langevin',
      'invDelta2GF',
      'invDelta2Triv',
      'converged',
    ],
    rows: lines.map((t) => [t.deltaP, t.it, t.hard, t.amp, t.spinodal, t.langevin, t.gf, t.triv, t.converged]),
  };
}

export function overlapTable(rows: readonly OverlapRow[]): DataTable {
  return {
    columns: ['invDelta2', 'mAmp', 'phiAmp', 'mInformative', 'phiInformative', 'mBayes', 'equilibrium'],
    rows: rows.map((r) => [
      r.invDelta2,
      r.amp.m,
      r.amp.phi,
      r.informative.m,
      r.informative.phi,
      r[r.equilibrium].m,
      r.equilibrium,
    ]),
  };
}
