// Escape-time distribution of online SGD at finite d (docs/physics/two-layer-lecture.md §4): Euler–Maruyama on
// dm = [η(1 − m²)ℓ m^{ℓ−1} − (η²/2) m C(m)] dt + η √(D(m)/d) dB, t = samples/d, from m0 = 1/√d to |m| = 0.5.
// For ℓ ≥ 3 noise matters at every d: T/d^{ℓ−1} has a d-independent law with a heavy right tail.
import { Rng } from '../numerics/rng';
import { quantileSorted } from '../numerics/quantile';
import {
  escapeODE,
  ESCAPE_LEVEL,
  momentTable,
  overlapDrift,
  stepSize,
  validateEscape,
  type EscapeParams,
} from './sgdOde';

export interface SdeOptions {
  paths: number;
  seed: number;
  /** Euler steps per ODE escape time (default 2000). */
  stepsPerEscape?: number;
  /** Paths still inside at this multiple of the ODE time are censored (default 50). */
  horizon?: number;
}

export interface SdeResult {
  d: number;
  samples: Float64Array; // escape samples T = t d per path, sorted, Infinity for censored paths
  median: number;
  mean: number; // over escaped paths
  q25: number;
  q75: number;
  censored: number;
}

export function sampleEscapeSDE(p: EscapeParams, d: number, o: SdeOptions): SdeResult {
  validateEscape(p, d);
  if (!(Number.isInteger(o.paths) && o.paths >= 1 && o.paths <= 1e6))
    throw new RangeError(`paths must be an integer in [1, 1e6], got ${o.paths}`);
  const ode = escapeODE(p, d);
  const eta = stepSize(p, d);
  const tab = momentTable(p.ell);
  const drift = overlapDrift(p.ell, eta, tab.C);
  const tRef = Number.isFinite(ode.tEscape) ? ode.tEscape : 1000;
  const dt = tRef / (o.stepsPerEscape ?? 2000);
  const tMax = (o.horizon ?? 50) * tRef;
  const sq = Math.sqrt(dt);
  const nsd = eta / Math.sqrt(d);
  const even = p.ell % 2 === 0;
  const rng = new Rng(o.seed >>> 0, 'polar');
  const out = new Float64Array(o.paths);
  let censored = 0;
  for (let k = 0; k < o.paths; k++) {
    let m = 1 / Math.sqrt(d);
    let t = 0;
    let hit = Infinity;
    while (t < tMax) {
      m += drift(m) * dt + nsd * Math.sqrt(Math.max(0, tab.D(m))) * sq * rng.normal();
      if (m > 1) m = 1;
      if (m < -1) m = -1;
      t += dt;
      if ((even ? Math.abs(m) : m) >= ESCAPE_LEVEL) {
        hit = t * d;
        break;
      }
    }
    if (!Number.isFinite(hit)) censored++;
    out[k] = hit;
  }
  out.sort();
  let s = 0;
  let n = 0;
  for (const v of out)
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  return {
    d,
    samples: out,
    median: quantileSorted(out, 0.5),
    mean: n ? s / n : Infinity,
    q25: quantileSorted(out, 0.25),
    q75: quantileSorted(out, 0.75),
    censored,
  };
}

export interface SdeBand {
  t: number[]; // t = samples/d
  q25: number[]; // quartiles and median of the escape-signed overlap (|m| for even ℓ) across paths
  median: number[];
  q75: number[];
}

/** Quartiles of m(t) across SDE paths on a uniform grid of `points` times up to tEnd (paths keep running after escape). */
export function sdeBand(
  p: EscapeParams,
  d: number,
  paths: number,
  seed: number,
  tEnd: number,
  points = 80,
  stepsPerPoint = 25,
): SdeBand {
  validateEscape(p, d);
  const eta = stepSize(p, d);
  const tab = momentTable(p.ell);
  const drift = overlapDrift(p.ell, eta, tab.C);
  const dt = tEnd / (points * stepsPerPoint);
  const sq = Math.sqrt(dt);
  const nsd = eta / Math.sqrt(d);
  const even = p.ell % 2 === 0;
  const rng = new Rng(seed >>> 0, 'polar');
  const grid = Array.from({ length: points + 1 }, () => new Float64Array(paths));
  for (let k = 0; k < paths; k++) {
    let m = 1 / Math.sqrt(d);
    grid[0][k] = m;
    for (let j = 1; j <= points; j++) {
      for (let s = 0; s < stepsPerPoint; s++) {
        m += drift(m) * dt + nsd * Math.sqrt(Math.max(0, tab.D(m))) * sq * rng.normal();
        if (m > 1) m = 1;
        if (m < -1) m = -1;
      }
      grid[j][k] = even ? Math.abs(m) : m;
    }
  }
  const band: SdeBand = { t: [], q25: [], median: [], q75: [] };
  for (let j = 0; j <= points; j++) {
    const col = grid[j].sort();
    band.t.push((j * tEnd) / points);
    band.q25.push(quantileSorted(col, 0.25));
    band.median.push(quantileSorted(col, 0.5));
    band.q75.push(quantileSorted(col, 0.75));
  }
  return band;
}
