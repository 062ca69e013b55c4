// Turning a streamed ε(α) curve into drawable series: the equilibrium line (with its first-order jump),
// and each branch split into its equilibrium part (solid) and its metastable part (dashed).
import type { BranchSolution, ShallowPoint } from '../../physics/types';

export type XY = [number, number];
/** A polyline with gaps: `null` breaks the line (d3 line().defined). */
export type Polyline = (XY | null)[];
export type BranchKind = 'universal' | 'specialised';

export interface BranchPaths {
  /** The equilibrium (largest f) value, with a vertical jump where the equilibrium changes branch. */
  equilibrium: Polyline;
  universalOn: Polyline;
  universalOff: Polyline;
  specialisedOn: Polyline;
  specialisedOff: Polyline;
  /** Another specialised stationary point, metastable (e.g. the high-Q branch between its spinodal and α_sp). */
  otherOff: Polyline;
}

const finite = (y: number | null | undefined): y is number => typeof y === 'number' && Number.isFinite(y);

/** A specialised solution that collapsed onto Q ≡ 0 is the universal branch again: don't draw it twice. */
export function specialisedOf(p: ShallowPoint): BranchSolution | null {
  const s = p.specialised;
  if (!s) return null;
  return s.Q.some((q) => Math.abs(q) > 1e-8) ? s : null;
}

/**
 * The most specialised stationary point other than the best one (largest Σ Q², distinct by more than 1e−3):
 * on each side of a first-order transition, the branch that loses.
 */
export function otherSpecialisedOf(p: ShallowPoint): BranchSolution | null {
  const s = specialisedOf(p);
  if (!s) return null;
  let best: BranchSolution | null = null;
  let bestMass = -1;
  for (const o of p.stationary ?? []) {
    if (!o.Q.some((q, c) => Math.abs(q - s.Q[c]) > 1e-3)) continue;
    const mass = o.Q.reduce((acc, q) => acc + q * q, 0);
    if (mass > bestMass) {
      best = o;
      bestMass = mass;
    }
  }
  return best;
}

/**
 * Where, between grid points i and i+1, the equilibrium changes branch (NaN where it does not).
 * Uses a known transition α (α_sp, onset) when one lies in the interval, else the zero of the linearly interpolated
 * f_spec − f_uni, else the midpoint.
 */
export function switchAlphas(points: readonly ShallowPoint[], known: readonly (number | null)[] = []): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a.equilibrium === b.equilibrium) {
      out.push(NaN);
      continue;
    }
    const hit = known.find((k) => k !== null && k >= a.alpha && k <= b.alpha);
    if (hit !== undefined && hit !== null) {
      out.push(hit);
      continue;
    }
    const sa = specialisedOf(a);
    const sb = specialisedOf(b);
    const da = sa ? sa.f - a.universal.f : NaN;
    const db = sb ? sb.f - b.universal.f : NaN;
    if (finite(da) && finite(db) && Math.sign(da) !== Math.sign(db) && da !== db) {
      out.push(a.alpha + ((b.alpha - a.alpha) * da) / (da - db));
    } else {
      out.push((a.alpha + b.alpha) / 2);
    }
  }
  return out;
}

function lerpAt(x0: number, y0: number, x1: number, y1: number, x: number): number {
  return x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

function breakLine(line: Polyline): void {
  if (line.length > 0 && line[line.length - 1] !== null) line.push(null);
}

/**
 * Splits one branch's values into the part where it is the equilibrium (on) and where it is metastable (off),
 * both ending exactly at the switching α so solid and dashed meet.
 */
export function splitBranch(
  alphas: readonly number[],
  y: readonly (number | null)[],
  isOn: readonly boolean[],
  switches: readonly number[],
): { on: Polyline; off: Polyline } {
  const on: Polyline = [];
  const off: Polyline = [];
  for (let i = 0; i < alphas.length; i++) {
    const yi = y[i];
    if (!finite(yi)) {
      breakLine(on);
      breakLine(off);
      continue;
    }
    const here = isOn[i] ? on : off;
    const there = isOn[i] ? off : on;
    const prev = i > 0 ? y[i - 1] : null;
    if (i > 0 && finite(prev) && isOn[i - 1] !== isOn[i]) {
      const a = finite(switches[i - 1]) ? switches[i - 1] : (alphas[i - 1] + alphas[i]) / 2;
      const c: XY = [a, lerpAt(alphas[i - 1], prev, alphas[i], yi, a)];
      there.push(c);
      here.push(c);
    }
    breakLine(there);
    here.push([alphas[i], yi]);
  }
  return { on: trim(on), off: trim(off) };
}

function trim(line: Polyline): Polyline {
  while (line.length > 0 && line[line.length - 1] === null) line.pop();
  return line;
}

/** The equilibrium polyline: each branch's own values where it wins, joined by a vertical jump at the switch. */
export function equilibriumLine(
  alphas: readonly number[],
  yUni: readonly (number | null)[],
  ySpec: readonly (number | null)[],
  eq: readonly BranchKind[],
  switches: readonly number[],
): Polyline {
  const line: Polyline = [];
  const val = (i: number, k: BranchKind) => (k === 'universal' ? yUni[i] : ySpec[i]);
  for (let i = 0; i < alphas.length; i++) {
    const yi = val(i, eq[i]);
    if (i > 0 && eq[i] !== eq[i - 1]) {
      const a = finite(switches[i - 1]) ? switches[i - 1] : (alphas[i - 1] + alphas[i]) / 2;
      const before = eq[i - 1];
      const after = eq[i];
      const b0 = val(i - 1, before);
      const b1 = val(i, before);
      const a0 = val(i - 1, after);
      const a1 = val(i, after);
      // Continue the old branch to α*, drop vertically to the new one (extrapolating if a side is missing).
      if (finite(b0)) line.push([a, finite(b1) ? lerpAt(alphas[i - 1], b0, alphas[i], b1, a) : b0]);
      if (finite(a1)) line.push([a, finite(a0) ? lerpAt(alphas[i - 1], a0, alphas[i], a1, a) : a1]);
    }
    if (finite(yi)) line.push([alphas[i], yi]);
    else breakLine(line);
  }
  return trim(line);
}

/** All series of one observable (ε, R2, Q(v)…) given how to read it from each branch. */
export function branchPaths(
  points: readonly ShallowPoint[],
  read: (b: BranchSolution, p: ShallowPoint) => number,
  switches: readonly number[],
): BranchPaths {
  const alphas = points.map((p) => p.alpha);
  const eq = points.map((p) => p.equilibrium);
  const yUni = points.map((p) => read(p.universal, p));
  const ySpec = points.map((p) => {
    const s = specialisedOf(p);
    return s ? read(s, p) : null;
  });
  const yOther = points.map((p) => {
    const o = otherSpecialisedOf(p);
    return o ? read(o, p) : null;
  });
  const uni = splitBranch(
    alphas,
    yUni,
    eq.map((e) => e === 'universal'),
    switches,
  );
  const spec = splitBranch(
    alphas,
    ySpec,
    eq.map((e) => e === 'specialised'),
    switches,
  );
  return {
    equilibrium: equilibriumLine(alphas, yUni, ySpec, eq, switches),
    universalOn: uni.on,
    universalOff: uni.off,
    specialisedOn: spec.on,
    specialisedOff: spec.off,
    otherOff: splitBranch(
      alphas,
      yOther,
      alphas.map(() => false),
      switches,
    ).off,
  };
}

/** Linear interpolation of the equilibrium ε at α (for the marker before the exact point arrives). */
export function interpolateEps(points: readonly ShallowPoint[], alpha: number): number | null {
  if (points.length === 0) return null;
  if (alpha <= points[0].alpha) return points[0].eps;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (alpha <= b.alpha) return lerpAt(a.alpha, a.eps, b.alpha, b.eps, alpha);
  }
  return null; // beyond the computed part
}

/** The grid point nearest to α (warm start for the selected-α solve). */
export function nearestPoint(points: readonly ShallowPoint[], alpha: number): ShallowPoint | null {
  let best: ShallowPoint | null = null;
  for (const p of points) if (!best || Math.abs(p.alpha - alpha) < Math.abs(best.alpha - alpha)) best = p;
  return best;
}
