// The deep tab's simulations on the platform's controller: a run's configuration is the tab's σ1, σ2, γ1, γ2, Δ,
// P_v, P_W with the panel's depth L, algorithm, d, seed, steps and Nishimori check; "both" starts run informative
// and uninformative side by side.
import type { DeepParams } from '../../physics/deep/deepParams';
import { DEFAULT_SIM, type SimConfig } from '../../sim/config';
import { createSimController } from '../../platform/sim/controller';
import { useDeep } from './store';
import { deepPhysicsKey, useDeepSim } from './simStore';
import { deepCodec, DEEP_SIM_VIEW_TABLE } from './params';

/**
 * The layers of a depth-L run from the tab's parameters: layer 1 takes (σ1, γ1), every deeper layer (σ2, γ2), so
 * L = 2 is the tab's network and L = 1 its first layer alone.
 */
export function deepSimLayers(p: DeepParams, depth: number): Partial<SimConfig> {
  if (depth === 1) return { activation: p.activation, gamma: p.gamma };
  const rest = Array<number>(depth - 1).fill(0);
  return {
    depth,
    activation: p.activation,
    gamma: p.gamma,
    activations: [p.activation, ...rest.map(() => p.activation2 || p.activation)],
    gammas: [p.gamma, ...rest.map(() => p.gamma2)],
  };
}

export const deepSim = createSimController(
  {
    alpha: () => useDeep.getState().params.alpha,
    starts: (f) => (f.start === 'both' ? ['informative', 'uninformative'] : [f.start]),
    config: (f, alpha, seed, init) => {
      const params = useDeep.getState().params;
      return {
        ...DEFAULT_SIM,
        ...deepSimLayers(params, f.depth),
        algo: f.algo,
        init,
        readouts: 'fixed',
        delta: params.delta,
        readout: params.readout,
        weights: params.weights,
        alpha,
        d: f.d,
        seed,
        steps: f.steps,
        nTest: 4000,
        nishimori: f.algo === 'hmc' && f.nishimori === 'on',
      };
    },
    physicsKey: () => deepPhysicsKey(useDeep.getState().params, useDeepSim.getState().form.depth),
    link: { model: deepCodec.model, rows: DEEP_SIM_VIEW_TABLE, report: (e) => useDeep.getState().addUrlErrors(e) },
  },
  useDeepSim,
);
