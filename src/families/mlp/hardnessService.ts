// Compute placement of the time-to-specialise sweep: a worker runs its share of the (d, seed, s) jobs one after
// the other, stepping each run and yielding between steps so that a cancel (a newer generation) stops it within a
// step. No comlink, tfjs or physics import here: the worker injects the runner, the backend choice and the
// theory's default threshold, so that the service runs under vitest with fakes.
import type { EscapeOptions } from '../../sim/hardness';
import type { SimConfig } from '../../sim/simulation';
import { createGenerations } from '../../platform/compute/generations';
import { classifier, ok, STALE, type ErrorClasses } from '../../platform/compute/outcome';
import { yieldToEventLoop } from '../../platform/compute/yield';
import { HARDNESS_CHANNELS, type HardnessApi, type HardnessRequest } from './hardnessProtocol';

/** What the service needs of a run (EscapeRun in the worker). */
export interface StepRun {
  readonly done: boolean;
  readonly step: number;
  readonly lastEps: number;
  readonly crossedAt: number | null;
  advance(): number;
  dispose(): void;
}

export interface HardnessDeps extends ErrorClasses {
  /** Sets the tfjs backend (once per worker) and names it. */
  prepare(): Promise<string>;
  makeRun(config: SimConfig, options: EscapeOptions): StepRun;
  /** ε̄ by default: midpoint of the specialised branch's ε and ε_uni at the config's α. */
  defaultThreshold(config: SimConfig): number;
  now(): number;
}

const PROGRESS_MS = 200;

export function createHardnessService(deps: HardnessDeps): HardnessApi {
  const generations = createGenerations(HARDNESS_CHANNELS);
  const classify = classifier(deps);
  let backend: Promise<string> | null = null;
  return {
    attachGenerations: generations.attachGenerations,
    supersede: generations.supersede,
    async runJobs(req: HardnessRequest, onMessage) {
      generations.note('hardness', req.gen);
      const stale = () => generations.isStale('hardness', req.gen);
      let name: string;
      let threshold: number;
      try {
        backend ??= deps.prepare();
        name = await backend;
        threshold = req.threshold ?? deps.defaultThreshold(req.base);
      } catch (e) {
        backend = null;
        return { ok: false, error: classify(e) };
      }
      let n = 0;
      for (const job of req.jobs) {
        if (stale()) return STALE;
        let run: StepRun;
        try {
          run = deps.makeRun(
            { ...req.base, d: job.d, seed: job.seed },
            { threshold, budget: req.budget, chains: job.chains, student: req.student },
          );
        } catch (e) {
          return { ok: false, error: classify(e, `d = ${job.d}, seed ${job.seed}`) };
        }
        try {
          let last = deps.now();
          while (!run.done) {
            run.advance();
            if (deps.now() - last > PROGRESS_MS) {
              last = deps.now();
              onMessage({ gen: req.gen, index: job.index, step: run.step, eps: run.lastEps, done: false });
            }
            await yieldToEventLoop();
            if (stale()) return STALE;
          }
          onMessage({
            gen: req.gen,
            index: job.index,
            step: run.step,
            eps: run.lastEps,
            done: true,
            steps: run.crossedAt,
          });
        } catch (e) {
          return { ok: false, error: classify(e, `d = ${job.d}, seed ${job.seed}`) };
        } finally {
          run.dispose();
        }
        n++;
      }
      return ok({ gen: req.gen, n, backend: name, threshold });
    },
  };
}
