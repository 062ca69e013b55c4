// Messages between the page and the simulation worker (workers/sim.worker.ts).
import type { BackendInfo, BrowserBackend } from '../../sim/backendBrowser';
import type { SimConfig, SimProgress, SimSummary } from '../../sim/simulation';

export type { BackendInfo, BrowserBackend };

export interface RunRequest {
  id: number;
  config: SimConfig;
  /** Steps per second cap (0 = as fast as possible). */
  speed: number;
  /** Start paused (then `control(id, 'step')` advances one step). */
  paused: boolean;
  /** Steps to take even while paused (a 'step' press that started the run). */
  stepBudget?: number;
  /** Stream every step (live view) or only the final summary (sweeps). */
  stream: boolean;
  /**
   * Run beside the runs already going instead of superseding them (the deep panel's "both starts": the two runs
   * interleave step by step in this one worker, each with its own controls).
   */
  alongside?: boolean;
}

export type SimEvent =
  | { type: 'progress'; id: number; rows: SimProgress[]; stepsPerSecond: number; gradientsPerSecond: number | null }
  | { type: 'notice'; id: number; message: string; backend?: BackendInfo };

export type RunOutcome =
  | { ok: true; id: number; summary: SimSummary; cancelled: boolean }
  | { ok: false; id: number; message: string; kind: 'config' | 'runtime' };

export type Control = 'pause' | 'resume' | 'step' | 'cancel';

export interface SimWorkerApi {
  /** Picks (or forces) the backend; measures its matmul speed. */
  init(forced: BrowserBackend | null): Promise<BackendInfo>;
  run(req: RunRequest, onEvent: (e: SimEvent) => void): Promise<RunOutcome>;
  control(id: number, cmd: Control): void;
  setSpeed(id: number, speed: number): void;
}
