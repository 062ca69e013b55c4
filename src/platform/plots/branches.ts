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

/** Q ≠ 0 somewhere (continuous laws: E v²Q² > 0, which a tail beyond the last atom has with Q = 0 at every atom). */
const nonZero = (s: BranchSolution) => (s.M !== undefined ? s.M > 0 : s.Q.some((q) => Math.abs(q) > 1e-8));

/** A specialised solution that collapsed onto Q ≡ 0 is the universal branch again: don't draw it twice. */
export function specialisedOf(p: ShallowPoint): BranchSolution | null {
  const s = p.specialised;
  return s && nonZero(s) ? s : null;
}

/** The specialised stationary points of p other than the best one (distinct from it by more than 1e−3). */
function othersOf(p: ShallowPoint): BranchSolution[] {
  const s = specialisedOf(p);
  if (!s) return [];
  return (p.stationary ?? []).filter((o) => qDistance(o, s) > 1e-3);
}

const mass = (o: BranchSolution) => o.Q.reduce((acc, q) => acc + q * q, 0);

/**
 * The most specialised stationary point other than the best one (largest Σ Q²): on each side of a first-order
 * transition, the branch that loses. Along a curve, branchPaths follows one such branch instead (branchTracks).
 */
export function otherSpecialisedOf(p: ShallowPoint): BranchSolution | null {
  let best: BranchSolution | null = null;
  for (const o of othersOf(p)) if (!best || mass(o) > mass(best)) best = o;
  return best;
}

/**
 * Grid neighbours on one branch differ by less than this in every Q(v); distinct branches (small-Q and large-Q,
 * say) differ by more somewhere.
 */
const CONTINUES = 0.25;

/** max |ΔQ| between two stationary points; |ΔM| for continuous laws (BranchSolution.M). */
function qDistance(a: BranchSolution, b: BranchSolution): number {
  if (a.M !== undefined && b.M !== undefined) return Math.abs(a.M - b.M);
  let d = 0;
  a.Q.forEach((q, c) => (d = Math.max(d, Math.abs(q - b.Q[c]))));
  return d;
}

/**
 * Branch identity along a curve: every specialised stationary point gets a track id, continuing the nearest one
 * of the previous point (closer than CONTINUES, each continued at most once, nearest pairs first), else a new one.
 * So a dashed line joins values of one branch only, never two branches that coexist.
 */
export function branchTracks(points: readonly ShallowPoint[]): Map<BranchSolution, number> {
  const track = new Map<BranchSolution, number>();
  let next = 0;
  let prev: BranchSolution[] = [];
  for (const p of points) {
    const cur = (p.stationary ?? []).filter(nonZero);
    const pairs: Array<[number, BranchSolution, BranchSolution]> = [];
    for (const a of prev) for (const b of cur) pairs.push([qDistance(a, b), a, b]);
    pairs.sort((x, y) => x[0] - y[0]);
    const used = new Set<BranchSolution>();
    for (const [d, a, b] of pairs) {
      if (!(d < CONTINUES) || used.has(a) || track.has(b)) continue;
      used.add(a);
      track.set(b, track.get(a) as number);
    }
    for (const b of cur) if (!track.has(b)) track.set(b, next++);
    prev = cur;
  }
  return track;
}

/** The track of a point's solution s (by identity, else by equal Q among its stationary points). */
function trackOf(tracks: Map<BranchSolution, number>, p: ShallowPoint, s: BranchSolution | null): number | null {
  if (!s) return null;
  const t = tracks.get(s);
  if (t !== undefined) return t;
  const same = (p.stationary ?? []).find((o) => qDistance(o, s) === 0);
  return same ? (tracks.get(same) ?? null) : null;
}

/** Which state is the equilibrium at p: 'universal', or the track of its specialised branch ('s<track>'). */
function equilibriumKey(tracks: Map<BranchSolution, number>, p: ShallowPoint): string {
  return p.equilibrium === 'universal' ? 'universal' : `s${trackOf(tracks, p, specialisedOf(p)) ?? 'x'}`;
}

/** The solution of point p on state `key` (equilibriumKey's vocabulary), or null where that branch is absent. */
function onKey(tracks: Map<BranchSolution, number>, p: ShallowPoint, key: string): BranchSolution | null {
  if (key === 'universal') return p.universal;
  if (key === 'sx') return specialisedOf(p);
  return (p.stationary ?? []).find((s) => `s${tracks.get(s)}` === key) ?? null;
}

/**
 * Where, between grid points i and i+1, the equilibrium changes branch (NaN where it does not): between the
 * universal and a specialised branch, or between two specialised branches (branchTracks). Uses a known transition α
 * (α_sp, onset) when one lies in the interval, else the zero of the linearly interpolated f difference of the two
 * branches, else the midpoint.
 */
export function switchAlphas(points: readonly ShallowPoint[], known: readonly (number | null)[] = []): number[] {
  const out: number[] = [];
  const tracks = branchTracks(points);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const ka = equilibriumKey(tracks, a);
    const kb = equilibriumKey(tracks, b);
    if (ka === kb) {
      out.push(NaN);
      continue;
    }
    const hit = known.find((k) => k !== null && k >= a.alpha && k <= b.alpha);
    if (hit !== undefined && hit !== null) {
      out.push(hit);
      continue;
    }
    // f(new) − f(old) on both sides, where both branches exist there.
    const gain = (p: ShallowPoint) => {
      const from = onKey(tracks, p, ka);
      const to = onKey(tracks, p, kb);
      return from && to ? to.f - from.f : NaN;
    };
    const da = gain(a);
    const db = gain(b);
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
 * both ending exactly at the switching α so solid and dashed meet. `track`: which branch each value is on (a
 * change breaks both lines).
 */
export function splitBranch(
  alphas: readonly number[],
  y: readonly (number | null)[],
  isOn: readonly boolean[],
  switches: readonly number[],
  track?: readonly (number | null)[],
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
    if (track && i > 0 && track[i] !== track[i - 1]) {
      breakLine(on);
      breakLine(off);
    } else if (i > 0 && finite(prev) && isOn[i - 1] !== isOn[i]) {
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
  return equilibriumPath(alphas, eq, (i, k) => (k === 'universal' ? yUni[i] : ySpec[i]), switches);
}

/** equilibriumLine for any states: eq[i] names the winning state at i, val(i, state) its value (null: absent). */
function equilibriumPath(
  alphas: readonly number[],
  eq: readonly string[],
  val: (i: number, state: string) => number | null,
  switches: readonly number[],
): Polyline {
  const line: Polyline = [];
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
  const tracks = branchTracks(points);
  const yUni = points.map((p) => read(p.universal, p));
  const specTrack = points.map((p) => trackOf(tracks, p, specialisedOf(p)));
  const ySpec = points.map((p) => {
    const s = specialisedOf(p);
    return s ? read(s, p) : null;
  });
  // The other (metastable) specialised branch: the one followed at the previous point while it lasts, else the
  // most specialised; a change of branch breaks the dashed line.
  const otherTrack: (number | null)[] = [];
  const yOther = points.map((p, i) => {
    const others = othersOf(p);
    const last = i > 0 ? otherTrack[i - 1] : null;
    const o = others.find((x) => last !== null && trackOf(tracks, p, x) === last) ?? otherSpecialisedOf(p);
    otherTrack.push(trackOf(tracks, p, o));
    return o ? read(o, p) : null;
  });
  const keys = points.map((p) => equilibriumKey(tracks, p));
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
    specTrack,
  );
  const valueOn = (i: number, key: string) => {
    const s = onKey(tracks, points[i], key);
    return s ? read(s, points[i]) : null;
  };
  return {
    equilibrium: equilibriumPath(alphas, keys, valueOn, switches),
    universalOn: uni.on,
    universalOff: uni.off,
    specialisedOn: spec.on,
    specialisedOff: spec.off,
    otherOff: splitBranch(
      alphas,
      yOther,
      alphas.map(() => false),
      switches,
      otherTrack,
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
