// The deep tab's simulations on the platform's controller: a run's configuration is the tab's σ1, σ2, γ1, γ2, Δ,
// P_v, P_W at L = 2 with the panel's algorithm, d, seed and steps; "both" starts run informative and
// uninformative side by side.
import { DEFAULT_SIM } from '../../sim/config';
import { createSimController } from '../../platform/sim/controller';
import { useDeep } from './store';
import { deepPhysicsKey, useDeepSim } from './simStore';

export const deepSim = createSimController(
  {
    alpha: () => useDeep.getState().params.alpha,
    starts: (f) => (f.start === 'both' ? ['informative', 'uninformative'] : [f.start]),
    config: (f, alpha, seed, init) => {
      const { activation, activation2, gamma, gamma2, delta, readout, weights } = useDeep.getState().params;
      return {
        ...DEFAULT_SIM,
        depth: 2,
        algo: f.algo,
        init,
        readouts: 'fixed',
        activation,
        activation2: activation2 || activation,
        gamma,
        gamma2,
        delta,
        readout,
        weights,
        alpha,
        d: f.d,
        seed,
        steps: f.steps,
        nTest: 4000,
      };
    },
    physicsKey: () => deepPhysicsKey(useDeep.getState().params),
  },
  useDeepSim,
);
