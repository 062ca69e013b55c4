// State of the three classic-model tabs: params (URL keys = CLI flag names), results and messages, one zustand
// store each. Results are written by the views' effects from worker replies.
import { create } from 'zustand';
import type { CommitteePoint } from '../../physics/classic/committee';
import type { CommitteeThresholds } from '../../physics/classic/committeeThresholds';
import type { GampResult } from '../../physics/classic/gamp';
import type { GlmResult, SaadSollaResult } from '../../../workers/classic.worker';
import { createHashCodec, type HashCodec } from '../../platform/state/hashCodec';

export interface GlmUiParams {
  prior: 'gaussian' | 'rademacher' | 'binary-biased' | 'gauss-bernoulli';
  channel: 'sign' | 'probit' | 'linear' | 'relu';
  delta: number;
  bias: number;
  sparsity: number;
  alphaMax: number;
}

export interface CommitteeUiParams {
  prior: 'gaussian' | 'rademacher';
  alphaMax: number;
}

export interface SaadSollaUiParams {
  K: number;
  M: number;
  eta: number;
  noise: number;
  asym: number;
  seed: number;
  alphaMax: number;
}

export const glmCodec: HashCodec<GlmUiParams> = createHashCodec<GlmUiParams>('glm', 1, [
  { kind: 'enum', key: 'prior', field: 'prior', def: 'rademacher', values: ['gaussian', 'rademacher', 'binary-biased', 'gauss-bernoulli'], label: 'prior' },
  { kind: 'enum', key: 'channel', field: 'channel', def: 'sign', values: ['sign', 'probit', 'linear', 'relu'], label: 'channel' },
  { kind: 'number', key: 'delta', field: 'delta', def: 0.1, min: 0.001, max: 10, label: 'Δ' },
  { kind: 'number', key: 'bias', field: 'bias', def: 0.3, min: -0.95, max: 0.95, label: 'bias' },
  { kind: 'number', key: 'sparsity', field: 'sparsity', def: 0.5, min: 0.05, max: 1, label: 'sparsity' },
  { kind: 'number', key: 'alpha-max', field: 'alphaMax', def: 3, min: 0.5, max: 50, label: 'α range' },
]);

export const committeeCodec: HashCodec<CommitteeUiParams> = createHashCodec<CommitteeUiParams>('committee', 1, [
  { kind: 'enum', key: 'prior', field: 'prior', def: 'gaussian', values: ['gaussian', 'rademacher'], label: 'prior' },
  { kind: 'number', key: 'alpha-max', field: 'alphaMax', def: 5, min: 1, max: 12, label: 'α range' },
]);

export const saadSollaCodec: HashCodec<SaadSollaUiParams> = createHashCodec<SaadSollaUiParams>('saad-solla', 1, [
  { kind: 'number', key: 'K', field: 'K', def: 2, min: 1, max: 5, integer: true, label: 'K' },
  { kind: 'number', key: 'M', field: 'M', def: 2, min: 1, max: 5, integer: true, label: 'M' },
  { kind: 'number', key: 'eta', field: 'eta', def: 0.1, min: 0.01, max: 3, label: 'η' },
  { kind: 'number', key: 'noise', field: 'noise', def: 0, min: 0, max: 1, label: 'σ' },
  { kind: 'number', key: 'asym', field: 'asym', def: 0.001, min: 0, max: 0.5, label: 'asymmetry' },
  { kind: 'number', key: 'seed', field: 'seed', def: 1, min: 0, max: 1e9, integer: true, label: 'seed' },
  { kind: 'number', key: 'alpha-max', field: 'alphaMax', def: 10000, min: 10, max: 1e6, label: 'α range' },
]);

interface Base<P> {
  params: P;
  urlErrors: string[];
  computeError: string | null;
  computing: boolean;
  setParams(params: P, urlErrors?: string[]): void;
  patch(p: Partial<P>): void;
  dismissUrl(): void;
}

function baseStore<P, X>(codec: HashCodec<P>, extra: X) {
  return create<Base<P> & X>()((set) => ({
    ...extra,
    params: codec.defaults(),
    urlErrors: [],
    computeError: null,
    computing: false,
    setParams: (params, urlErrors) => set((s) => ({ ...s, params, urlErrors: urlErrors ?? s.urlErrors })),
    patch: (p) => set((s) => ({ ...s, params: { ...s.params, ...p } })),
    dismissUrl: () => set((s) => ({ ...s, urlErrors: [] })),
  }));
}

export const useGlm = baseStore(glmCodec, { result: null as (GlmResult & { params: GlmUiParams }) | null, gamp: [] as GampResult[], gampRunning: false });
export const useCommittee = baseStore(committeeCodec, { points: [] as CommitteePoint[], thresholds: null as CommitteeThresholds | null, forPrior: '' as string });
export const useSaadSolla = baseStore(saadSollaCodec, { result: null as SaadSollaResult | null });
