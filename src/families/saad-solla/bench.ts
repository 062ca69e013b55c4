// Bench section "saad-solla": the K = M = 2 trajectory to α = 10⁴ (100 points) and the symmetric plateau
// (saadSollaMs, saadSollaPlateauMs); one finite-N run, N = 500 to α = 20 (saadSollaSimMs).
import type { BenchSection } from '../family';
import { symmetricPlateau, trajectory } from '../../physics/classic/saadSolla';
import { simulate } from '../../physics/classic/saadSollaSim';
import { time } from '../../../bench/timing';

export const section: BenchSection = {
  name: 'saad-solla',
  async run(log) {
    const p = { K: 2, M: 2, eta: 0.1, noise: 0, q0: 0.5, asym: 1e-3, seed: 1 };
    const saadSollaMs = time(() => trajectory(p, 1e4, 100), 3);
    const plateauMs = time(() => symmetricPlateau(p), 3);
    const simMs = time(() => simulate(p, 500, 20, 40, 0), 1);
    log(
      `Saad–Solla K = M = 2 trajectory to α = 1e4: ${saadSollaMs.toFixed(0)} ms; symmetric plateau: ${plateauMs.toFixed(0)} ms`,
    );
    log(`Saad–Solla simulation N = 500 to α = 20 (10⁴ steps): ${simMs.toFixed(0)} ms`);
    return { saadSollaMs, saadSollaPlateauMs: plateauMs, saadSollaSimMs: simMs };
  },
};
