// Adaptive Dormand–Prince 5(4) integrator for a scalar autonomous ODE y' = f(y) with a terminal event
// (y reaching a level), located by re-taking the last step with a bisected step size.
import type { Convergence } from '../types';

export interface OdeResult extends Convergence {
  /** Time the event fired (Infinity if it did not before tMax). */
  tEvent: number;
  t: number[];
  y: number[];
}

const C2 = 1 / 5,
  C3 = 3 / 10,
  C4 = 4 / 5,
  C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40,
  A32 = 9 / 40;
const A41 = 44 / 45,
  A42 = -56 / 15,
  A43 = 32 / 9;
const A51 = 19372 / 6561,
  A52 = -25360 / 2187,
  A53 = 64448 / 6561,
  A54 = -212 / 729;
const A61 = 9017 / 3168,
  A62 = -355 / 33,
  A63 = 46732 / 5247,
  A64 = 49 / 176,
  A65 = -5103 / 18656;
const B1 = 35 / 384,
  B3 = 500 / 1113,
  B4 = 125 / 192,
  B5 = -2187 / 6784,
  B6 = 11 / 84;
const E1 = 71 / 57600,
  E3 = -71 / 16695,
  E4 = 71 / 1920,
  E5 = -17253 / 339200,
  E6 = 22 / 525,
  E7 = -1 / 40;
void C2;
void C3;
void C4;
void C5;

/** One DP5 step from y with step h: [y_{n+1}, error estimate]. */
function step(f: (y: number) => number, y: number, k1: number, h: number): [number, number, number] {
  const k2 = f(y + h * A21 * k1);
  const k3 = f(y + h * (A31 * k1 + A32 * k2));
  const k4 = f(y + h * (A41 * k1 + A42 * k2 + A43 * k3));
  const k5 = f(y + h * (A51 * k1 + A52 * k2 + A53 * k3 + A54 * k4));
  const k6 = f(y + h * (A61 * k1 + A62 * k2 + A63 * k3 + A64 * k4 + A65 * k5));
  const y1 = y + h * (B1 * k1 + B3 * k3 + B4 * k4 + B5 * k5 + B6 * k6);
  const k7 = f(y1);
  const err = h * (E1 * k1 + E3 * k3 + E4 * k4 + E5 * k5 + E6 * k6 + E7 * k7);
  return [y1, err, k7];
}

/**
 * Integrate y' = f(y) from y0 until event(y) ≥ 0 (event(y0) < 0) or t = tMax. Relative tolerance rtol on
 * y; the event time is located to ~1e−12 relative.
 */
export function integrateToEvent(
  f: (y: number) => number,
  y0: number,
  event: (y: number) => number,
  tMax: number,
  rtol = 1e-10,
  maxSteps = 200000,
): OdeResult {
  const ts = [0];
  const ys = [y0];
  let t = 0;
  let y = y0;
  let k1 = f(y);
  let h = Math.min(tMax, Math.abs(y0 || 1e-3) / Math.max(Math.abs(k1), 1e-300)) * 0.01;
  for (let n = 0; n < maxSteps && t < tMax; n++) {
    if (t + h > tMax) h = tMax - t;
    const [y1, err, k7] = step(f, y, k1, h);
    const sc = rtol * Math.max(Math.abs(y), Math.abs(y1)) + 1e-300;
    const r = Math.abs(err) / sc;
    if (r <= 1 && Number.isFinite(y1)) {
      if (event(y1) >= 0) {
        // Bisect the step size: the smallest h whose end point reaches the event.
        let lo = 0;
        let hi = h;
        for (let it = 0; it < 60 && hi - lo > 1e-13 * (t + hi); it++) {
          const mid = 0.5 * (lo + hi);
          if (event(step(f, y, k1, mid)[0]) >= 0) hi = mid;
          else lo = mid;
        }
        const yE = step(f, y, k1, hi)[0];
        ts.push(t + hi);
        ys.push(yE);
        return { tEvent: t + hi, t: ts, y: ys, converged: true, iterations: n + 1, residual: Math.abs(event(yE)) };
      }
      t += h;
      y = y1;
      k1 = k7;
      ts.push(t);
      ys.push(y);
    }
    h *= Math.min(5, Math.max(0.2, 0.9 * Math.pow(Math.max(r, 1e-30), -0.2)));
  }
  return { tEvent: Infinity, t: ts, y: ys, converged: t >= tMax, iterations: ts.length, residual: NaN };
}
