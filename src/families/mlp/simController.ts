// The MLP tab's simulations on the platform's controller: a run's configuration is the theory's σ, γ, Δ, P_v,
// P_W at the tab's α with the panel's algorithm, start, readouts, d, seed and steps.
import { DEFAULT_SIM } from '../../sim/config';
import { createSimController } from '../../platform/sim/controller';
import { shallowParamsOf, useExplorer } from './store';
import { SIM_VIEW_TABLE } from './params';
import { DEFAULT_MODEL } from '../../platform/state/hashCodec';
import { physicsKey, useMlpSim } from './simStore';

export const mlpSim = createSimController(
  {
    alpha: () => useExplorer.getState().params.alpha,
    starts: (f) => [f.init],
    config: (f, alpha, seed, init) => {
      const { activation, readout, weights, gamma, delta } = shallowParamsOf(useExplorer.getState().params);
      return {
        ...DEFAULT_SIM,
        algo: f.algo,
        init,
        readouts: f.readouts,
        nishimori: f.algo === 'hmc' && f.nishimori === 'on',
        activation,
        readout,
        weights,
        gamma,
        delta,
        alpha,
        d: f.d,
        seed,
        steps: f.steps,
        nTest: 4000,
      };
    },
    physicsKey: () => physicsKey(shallowParamsOf(useExplorer.getState().params)),
    link: { model: DEFAULT_MODEL, rows: SIM_VIEW_TABLE, report: (e) => useExplorer.getState().addUrlErrors(e) },
  },
  useMlpSim,
);
