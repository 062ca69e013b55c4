// The parameters of the L = 2 MLP (arXiv 2510.24616 §4): their type, defaults and readout laws. Its own module,
// free of the solver, because the page's main thread needs them at start-up (URL table, controls) while the
// solver runs only in the deep worker.
import { READOUT_LAWS, type ReadoutLaw, type WeightPrior } from '../types';

export interface DeepParams {
  activation: string; // σ⁽¹⁾
  activation2: string; // σ⁽²⁾ (defaults to σ⁽¹⁾)
  gamma: number; // γ1 = k1/d
  gamma2: number; // γ2 = k2/d
  delta: number;
  readout: ReadoutLaw;
  weights: WeightPrior;
  quenched: boolean; // first layer given (Q1 ≡ 1)
}

export const DEEP_DEFAULTS: DeepParams = {
  activation: 'tanh2-unit',
  activation2: 'tanh2-unit',
  gamma: 0.5,
  gamma2: 0.5,
  delta: 0.2,
  readout: 'ones',
  weights: 'gaussian',
  quenched: false,
};

/** Readout laws of the L = 2 engine (continuous laws are discretised; their fine bins use the scalar channel). */
export const DEEP_READOUTS: readonly ReadoutLaw[] = READOUT_LAWS;
