// Messages between the time-to-specialise pool (hardnessController.ts) and its workers (workers/hardness.worker.ts).
// Plain structured-clone data; every request carries a generation number so that a cancelled sweep stops.
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';
import type { StudentKind } from '../../sim/hardness';
import type { SimConfig } from '../../sim/simulation';

/** One generation channel: a new sweep (or cancel) supersedes every run in flight. */
export const HARDNESS_CHANNELS = ['hardness'] as const;

/** One run of the sweep: a dimension, a seed (teacher, data, start) and a number of averaged chains s. */
export interface HardnessJob {
  index: number;
  d: number;
  seed: number;
  chains: number;
}

export interface HardnessRequest {
  gen: number;
  /** Model and algorithm (d and seed are replaced by each job's). */
  base: SimConfig;
  /** ε̄; null: the midpoint of the specialised branch's ε and ε_uni at base.alpha (computed in the worker). */
  threshold: number | null;
  budget: number;
  /** ADAM's overparameterised student for s > 1: 'wide' (one s·k student) or 'average' (s runs); HMC: 'average'. */
  student?: StudentKind;
  jobs: HardnessJob[];
}

/** A running job's state (`done: false`, sent at most every ~200 ms) or its result (`done: true`). */
export interface HardnessMessage {
  gen: number;
  index: number;
  step: number;
  /** The statistic compared with ε̄ (testError/2 for one chain). */
  eps: number;
  done: boolean;
  /** With done: steps to the first crossing, null when censored at the budget. */
  steps?: number | null;
}

export interface HardnessReply {
  gen: number;
  n: number;
  backend: string;
  threshold: number;
}

export interface HardnessApi extends GenerationsApi {
  runJobs(req: HardnessRequest, onMessage: (m: HardnessMessage) => void): Promise<Outcome<HardnessReply>>;
}
