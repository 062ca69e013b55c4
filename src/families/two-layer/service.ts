// The two-layer lecture's worker service (plain functions; workers/two-layer.worker.ts exposes them with comlink).
// Theory: E(α), E(β), KRR, floor, one-step limits, ODE escape times (memoised by what they depend on).
// Simulations: seeded, streamed per seed / per chunk, cancelled by generation number (checked between chunks,
// with a macrotask yield so that a cancel message gets through).
import { krrPoint, linearFloor } from '../../physics/twoLayer/kernel';
import { oneStepPoint } from '../../physics/twoLayer/oneStep';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { rfPoint, validateRF } from '../../physics/twoLayer/randomFeatures';
import { escapeODE } from '../../physics/twoLayer/sgdOde';
import { sdeBand, type SdeBand } from '../../physics/twoLayer/sgdSde';
import { simulateOneStepSeed } from '../../sim/twoLayer/oneStepSim';
import { simulateRFSeed } from '../../sim/twoLayer/rfSim';
import { simulateSgdSeed } from '../../sim/twoLayer/sgdSim';
import { meanSE } from '../../sim/twoLayer/ridge';
import { ActivationError, TwoLayerParamError } from '../../physics/errors';
import { classifier, type Outcome } from '../../platform/compute/outcome';

export interface TwoLayerParams {
  activation: string;
  target: string;
  alpha: number;
  beta: number;
  lambda: number;
  noise: number;
  alpha0: number;
  eta: number;
  ell: number;
  d: number;
}

export interface Curve {
  x: number[];
  y: number[]; // Infinity where E diverges
}

export interface TheoryResult {
  params: TwoLayerParams; // what this result was computed for
  alphaGrid: Curve; // RF E(α) at β
  krrAlpha: Curve; // KRR E(α)
  betaGrid: Curve; // RF E(β) at α
  krrAtAlpha: number;
  floor: number;
  point: { testError: number; diverges: boolean };
  oneStep: { s1: number; overlap: number };
  ms: number;
}

export const ALPHA_MAX = 10;
export const BETA_MAX = 6;
export const CURVE_POINTS = 200;

const grid = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
const ALPHAS = grid(0.05, ALPHA_MAX, CURVE_POINTS);
const BETAS = grid(0.05, BETA_MAX, CURVE_POINTS);

/** Inserts the peak abscissa (p = n) so that the drawn curve reaches the divergence. */
function withPeak(xs: number[], peak: number): number[] {
  if (peak <= xs[0] || peak >= xs[xs.length - 1] || xs.includes(peak)) return xs;
  const out = xs.filter((x) => x !== peak);
  const k = out.findIndex((x) => x > peak);
  out.splice(k, 0, peak * (1 - 1e-9), peak, peak * (1 + 1e-9));
  return out;
}

const classify = classifier({ ParamError: TwoLayerParamError, ActivationError });
const failure = (e: unknown): Outcome<never> => ({ ok: false, error: classify(e) });

export function computeTheory(p: TwoLayerParams): Outcome<TheoryResult> {
  const t0 = performance.now();
  try {
    const rf = {
      activation: activationProfile(p.activation),
      target: targetProfile(p.target),
      lambda: p.lambda,
      noise: p.noise,
    };
    validateRF(rf);
    const xsA = p.lambda === 0 ? withPeak(ALPHAS, p.beta) : ALPHAS;
    const alphaGrid = { x: xsA, y: xsA.map((a) => rfPoint(rf, a, p.beta).testError) };
    const krrAlpha = { x: ALPHAS, y: ALPHAS.map((a) => krrPoint(rf, a).testError) };
    const xsB = p.lambda === 0 ? withPeak(BETAS, p.alpha) : BETAS;
    const betaGrid = { x: xsB, y: xsB.map((b) => rfPoint(rf, p.alpha, b).testError) };
    const pt = rfPoint(rf, p.alpha, p.beta);
    const os = oneStepPoint({ activation: rf.activation, target: rf.target, eta: p.eta, noise: p.noise }, p.alpha0);
    return {
      ok: true,
      value: {
        params: { ...p },
        alphaGrid,
        krrAlpha,
        betaGrid,
        krrAtAlpha: krrPoint(rf, p.alpha).testError,
        floor: linearFloor(rf),
        point: { testError: pt.testError, diverges: pt.diverges },
        oneStep: { s1: os.s1, overlap: os.overlap },
        ms: performance.now() - t0,
      },
    };
  } catch (e) {
    return failure(e);
  }
}

export const ESCAPE_DS = [25, 50, 100, 200, 400, 800, 1600, 3200];
const escapeMemo = new Map<string, { samples: number; mStationary: number }>();
/**
 * ODE escape samples for ℓ = 1, 2, 3 over ESCAPE_DS (η for ℓ ≤ 2, η0 for ℓ = 3), memoised; where m(t) does not
 * reach 0.5 the samples are Infinity and mStationary says where it settles.
 */
export function escapeCurves(eta: number): Outcome<EscapeSeries[]> {
  try {
    return {
      ok: true,
      value: [1, 2, 3].map((ell) => {
        const rows = ESCAPE_DS.map((d) => {
          const key = `${ell}|${eta}|${d}`;
          let v = escapeMemo.get(key);
          if (v === undefined) {
            const r = escapeODE({ ell, eta }, d);
            v = { samples: r.samplesODE, mStationary: r.mStationary };
            if (escapeMemo.size > 2000) escapeMemo.clear();
            escapeMemo.set(key, v);
          }
          return v;
        });
        return {
          ell,
          d: ESCAPE_DS,
          samples: rows.map((r) => r.samples),
          mStationary: rows.map((r) => r.mStationary),
        };
      }),
    };
  } catch (e) {
    return failure(e);
  }
}

export interface OdeCurve {
  t: number[];
  m: number[];
  tEscape: number;
  /** Where m(t) settles (|m| for even ℓ); below 0.5 when it does not escape (tEscape = Infinity). */
  mStationary: number;
}

export interface EscapeSeries {
  ell: number;
  d: number[];
  samples: number[];
  /** lim m(t) of the ODE at each d (below 0.5 where samples is Infinity: no escape). */
  mStationary: number[];
}
export function odeCurve(ell: number, eta: number, d: number): Outcome<OdeCurve> {
  try {
    const r = escapeODE({ ell, eta }, d, 3); // on to 3× the escape time, as far as the SDE band and the runs go
    const m = r.m.map((x) => (ell % 2 === 0 ? Math.abs(x) : x));
    return { ok: true, value: { t: r.t, m, tEscape: r.tEscape, mStationary: r.mStationary } };
  } catch (e) {
    return failure(e);
  }
}

// ---- simulations -------------------------------------------------------------------------------------------

const latest: Record<string, number> = {};
const yieldNow = () => new Promise<void>((r) => setTimeout(r, 0));
const stale = (kind: string, gen: number) => latest[kind] !== gen;

export function cancel(kind: string): void {
  latest[kind] = -1;
}

export interface RFSimPoint {
  alpha: number;
  mean: number;
  se: number;
  seeds: number;
}

/** RF ridge simulations at several α (fixed β), `seeds` seeds each, one point streamed per α. */
export async function simulateRF(
  p: TwoLayerParams,
  alphas: number[],
  seeds: number,
  gen: number,
  onPoint: (pt: RFSimPoint) => void,
): Promise<Outcome<{ cancelled: boolean; ms: number }>> {
  latest.rf = gen;
  const t0 = performance.now();
  try {
    const base = {
      activation: activationProfile(p.activation),
      target: targetProfile(p.target),
      lambda: p.lambda,
      noise: p.noise,
    };
    validateRF(base);
    for (const alpha of alphas) {
      const xs: number[] = [];
      for (let s = 1; s <= seeds; s++) {
        await yieldNow();
        if (stale('rf', gen)) return { ok: true, value: { cancelled: true, ms: performance.now() - t0 } };
        xs.push(simulateRFSeed({ ...base, alpha, beta: p.beta, d: p.d }, 1000 * s + Math.round(alpha * 100), 1000));
      }
      const { mean, se } = meanSE(xs);
      onPoint({ alpha, mean, se, seeds });
    }
    return { ok: true, value: { cancelled: false, ms: performance.now() - t0 } };
  } catch (e) {
    return failure(e);
  }
}

export interface OneStepSimSummary {
  target: string;
  singularValues: number[];
  s1: number;
  overlap: number;
  errorBefore: number;
  errorAfter: number;
  theory: { s1: number; overlap: number };
  krr: number;
  floor: number;
  ms: number;
}

/** The one-step experiment at (α0, β, η̃, d) for `target`, ridge after the step at (α, λ). */
export async function simulateOneStep(
  p: TwoLayerParams,
  target: string,
  gen: number,
): Promise<Outcome<OneStepSimSummary | null>> {
  latest.onestep = gen;
  const t0 = performance.now();
  try {
    await yieldNow();
    if (stale('onestep', gen)) return { ok: true, value: null };
    const activation = activationProfile(p.activation);
    const tgt = targetProfile(target);
    const r = simulateOneStepSeed(
      {
        activation,
        target: tgt,
        eta: p.eta,
        noise: p.noise,
        alpha0: p.alpha0,
        beta: p.beta,
        d: p.d,
        ridge: { alpha: p.alpha, lambda: p.lambda },
      },
      1,
      1000,
    );
    const th = oneStepPoint({ activation, target: tgt, eta: p.eta, noise: p.noise }, p.alpha0);
    const k = krrPoint({ activation, target: tgt, lambda: p.lambda, noise: p.noise }, p.alpha);
    return {
      ok: true,
      value: {
        target,
        singularValues: Array.from(r.singularValues),
        s1: r.s1,
        overlap: r.overlap,
        errorBefore: r.errorBefore,
        errorAfter: r.errorAfter,
        theory: th,
        krr: k.testError,
        floor: k.floor,
        ms: performance.now() - t0,
      },
    };
  } catch (e) {
    return failure(e);
  }
}

export interface SgdChunk {
  seed: number;
  t: number[];
  m: number[];
  samples: number; // escape samples, Infinity if none
}

/** Online SGD runs (seeds 1…runs) streamed one per message, then the SDE band of m(t). */
export async function simulateSgd(
  p: TwoLayerParams,
  runs: number,
  gen: number,
  onRun: (c: SgdChunk) => void,
): Promise<Outcome<{ band: SdeBand | null; ms: number }>> {
  latest.sgd = gen;
  const t0 = performance.now();
  try {
    const ode = escapeODE({ ell: p.ell, eta: p.eta }, p.d);
    const tEnd = 3 * (Number.isFinite(ode.tEscape) ? ode.tEscape : 100);
    for (let s = 1; s <= runs; s++) {
      await yieldNow();
      if (stale('sgd', gen)) return { ok: true, value: { band: null, ms: performance.now() - t0 } };
      const r = simulateSgdSeed({ ell: p.ell, eta: p.eta }, p.d, s, Math.ceil(tEnd * p.d), 300);
      onRun({ seed: s, t: r.t, m: r.m.map((m) => (p.ell % 2 === 0 ? Math.abs(m) : m)), samples: r.samples });
    }
    await yieldNow();
    if (stale('sgd', gen)) return { ok: true, value: { band: null, ms: performance.now() - t0 } };
    const band = sdeBand({ ell: p.ell, eta: p.eta }, p.d, 400, 11, tEnd);
    return { ok: true, value: { band, ms: performance.now() - t0 } };
  } catch (e) {
    return failure(e);
  }
}

export interface EscapeSimPoint {
  ell: number;
  d: number;
  mean: number; // escape samples over the runs that escaped
  se: number;
  median: number;
  runs: number;
  censored: number;
}

/** Dimensions of the escape-vs-d simulation: ℓ = 3 costs ~d³ operations a run, so it stops at d = 200. */
export const escapeSimDs = (ell: number): number[] => (ell >= 3 ? [25, 50, 100, 200] : [25, 50, 100, 200, 400]);

/** Online SGD escape samples against d for one ℓ (runs per d), one point streamed per d. */
export async function simulateEscapeVsD(
  ell: number,
  eta: number,
  runs: number,
  gen: number,
  onPoint: (pt: EscapeSimPoint) => void,
): Promise<Outcome<{ cancelled: boolean; ms: number }>> {
  latest.escape = gen;
  const t0 = performance.now();
  try {
    for (const d of escapeSimDs(ell)) {
      const ode = escapeODE({ ell, eta }, d);
      const cap = Math.ceil(10 * (Number.isFinite(ode.samplesODE) ? ode.samplesODE : 1e6));
      const xs: number[] = [];
      let censored = 0;
      for (let s = 1; s <= runs; s++) {
        await yieldNow();
        if (stale('escape', gen)) return { ok: true, value: { cancelled: true, ms: performance.now() - t0 } };
        const r = simulateSgdSeed({ ell, eta }, d, 100 * d + s, cap, 2);
        if (Number.isFinite(r.samples)) xs.push(r.samples);
        else censored++;
      }
      const { mean, se } = meanSE(xs);
      const sorted = [...xs].sort((a, b) => a - b);
      onPoint({ ell, d, mean, se, median: sorted.length ? sorted[(sorted.length - 1) >> 1] : NaN, runs, censored });
    }
    return { ok: true, value: { cancelled: false, ms: performance.now() - t0 } };
  } catch (e) {
    return failure(e);
  }
}

/** The worker's surface (workers/two-layer.worker.ts serves it; the controller calls it). */
export const twoLayerService = {
  computeTheory,
  escapeCurves,
  odeCurve,
  cancel,
  simulateRF,
  simulateOneStep,
  simulateSgd,
  simulateEscapeVsD,
};
export type TwoLayerApi = typeof twoLayerService;
