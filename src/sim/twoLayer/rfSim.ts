// Random-features ridge simulation at finite d, one seed a call (the worker and CLI loop over seeds).
import { Rng } from '../../physics/numerics/rng';
import { ridgeTestError, sphereRows, type RidgeSetting } from './ridge';

export interface RFSimParams extends RidgeSetting {
  alpha: number;
  beta: number;
  d: number;
}

export function simulateRFSeed(p: RFSimParams, seed: number, nTest = 2000): number {
  const rng = new Rng(seed >>> 0, 'polar');
  const n = Math.max(1, Math.round(p.alpha * p.d));
  const pp = Math.max(1, Math.round(p.beta * p.d));
  const F = sphereRows(rng, pp, p.d);
  return ridgeTestError(rng, p, F, pp, p.d, n, nTest);
}
