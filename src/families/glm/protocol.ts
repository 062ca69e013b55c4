// Messages between the GLM tab (controller.ts) and its worker (workers/glm.worker.ts). Plain data only.
import type { GampRequest, GampResult } from '../../physics/classic/gamp';
import type { GlmParams, GlmPoint, GlmThresholds } from '../../physics/classic/glm';
import type { GenerationsApi } from '../../platform/compute/generations';
import type { Outcome } from '../../platform/compute/outcome';

export interface GlmResult {
  points: GlmPoint[];
  thresholds: GlmThresholds;
}

/** A new state-evolution curve supersedes the old one; a new GAMP run (or new parameters) the old run. */
export const GLM_CHANNELS = ['curve', 'gamp'] as const;

export interface GlmApi extends GenerationsApi {
  /** Both state-evolution branches on `alphas`, and the thresholds searched up to alphaMax. */
  glm(params: GlmParams, alphas: number[], alphaMax: number, gen: number): Promise<Outcome<GlmResult>>;
  /** GAMP at finite n, one result per α streamed; the count of α points done. */
  gamp(req: GampRequest, gen: number, onPoint: (r: GampResult) => void): Promise<Outcome<number>>;
}
