// Thin comlink adapter over the classic models (src/physics/classic). Every request carries a generation number;
// long computations yield between α points so that a newer request (setLatest) stops the older one.
import { expose, type Remote, releaseProxy } from 'comlink';
import { getActivation } from '../src/physics/activations';
import { solveCommitteePoint, type CommitteePoint } from '../src/physics/classic/committee';
import type { CommitteePrior } from '../src/physics/classic/committeePrior';
import { committeeThresholds, type CommitteeThresholds } from '../src/physics/classic/committeeThresholds';
import { glmCurve, glmThresholds, makeGlm, type GlmParams, type GlmPoint, type GlmThresholds } from '../src/physics/classic/glm';
import { runGamp, type GampRequest, type GampResult } from '../src/physics/classic/gamp';
import { escapeAlpha, symmetricPlateau, trajectory, validateSaadSolla, type Plateau, type SaadSollaParams, type TrajectoryPoint } from '../src/physics/classic/saadSolla';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

const latest: Record<string, number> = {};
const stale = (channel: string, gen: number) => (latest[channel] ?? 0) > gen;
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
const fail = (e: unknown): Outcome<never> => ({ ok: false, error: e instanceof Error ? e.message : String(e) });

export interface GlmResult {
  points: GlmPoint[];
  thresholds: GlmThresholds;
}

export interface SaadSollaResult {
  points: TrajectoryPoint[];
  diverged: boolean;
  plateau: Plateau;
  alphaEscape: number | null;
}

const api = {
  /** Hermite coefficients μ_0 … μ_6 of built-in links, for the information-exponent table. */
  hermite(names: string[]): { name: string; formula: string; mu: number[] }[] {
    return names.map((n) => {
      const a = getActivation(n);
      return { name: n, formula: a.formula, mu: a.mu };
    });
  },
  setLatest(channel: string, gen: number): void {
    latest[channel] = Math.max(latest[channel] ?? 0, gen);
  },
  glm(params: GlmParams, alphas: number[], alphaMax: number, gen: number): Outcome<GlmResult> | null {
    if (stale('glm', gen)) return null;
    try {
      const m = makeGlm(params);
      const points = glmCurve(m, alphas);
      // The ReLU channel's 2-D quadrature makes the threshold scan take tens of seconds: not searched there.
      const thresholds: GlmThresholds =
        params.channel === 'relu'
          ? { alphaIT: null, alphaAMP: null, alphaInformed: null, converged: false, note: 'thresholds are not searched for the ReLU channel' }
          : glmThresholds(m, alphaMax, 60);
      return { ok: true, value: { points, thresholds } };
    } catch (e) {
      return fail(e);
    }
  },
  async committee(prior: CommitteePrior, alphas: number[], gen: number, onPoint: (p: CommitteePoint) => void): Promise<Outcome<CommitteeThresholds> | null> {
    const remote = onPoint as unknown as Remote<(p: CommitteePoint) => void>;
    try {
      let stopped = false;
      let x = 0;
      let spec: [number, number] | undefined;
      let jacobian: number[] | undefined;
      for (const a of alphas) {
        await tick();
        if (stale('committee', gen)) {
          stopped = true;
          break;
        }
        const p = solveCommitteePoint(prior, a, { x, spec, jacobian });
        x = p.nonSpecialised.q11;
        spec = p.specialised && prior === 'gaussian' ? [p.specialised.q11, p.specialised.q12] : undefined;
        jacobian = p.specialised?.jacobian;
        void remote(p);
      }
      return stopped ? null : { ok: true, value: committeeThresholds(prior, alphas[alphas.length - 1], 16) };
    } catch (e) {
      return fail(e);
    } finally {
      remote[releaseProxy]();
    }
  },
  saadSolla(params: SaadSollaParams, alphaMax: number, gen: number): Outcome<SaadSollaResult> | null {
    if (stale('saad-solla', gen)) return null;
    try {
      const p = validateSaadSolla(params);
      const run = trajectory(p, alphaMax, 160);
      const plateau = symmetricPlateau(p);
      return { ok: true, value: { ...run, plateau, alphaEscape: escapeAlpha(run.points, plateau.epsPlateau) } };
    } catch (e) {
      return fail(e);
    }
  },
  async gamp(req: GampRequest, gen: number, onPoint: (r: GampResult) => void): Promise<boolean> {
    const remote = onPoint as unknown as Remote<(r: GampResult) => void>;
    try {
      for (const alpha of req.alphas) {
        await tick();
        if (stale('gamp', gen)) return false;
        void remote(runGamp({ ...req, alphas: [alpha] })[0]);
      }
      return true;
    } finally {
      remote[releaseProxy]();
    }
  },
};

export type ClassicApi = typeof api;
expose(api);
