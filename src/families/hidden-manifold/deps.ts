// The physics and simulations the hidden-manifold service runs on (the worker injects them; the service test too).
import { ActivationError, ParamError } from '../../physics/errors';
import { logisticPoint, validateErm } from '../../physics/hiddenManifold/logistic';
import { hmmRidgeCurve, nullError, validateHmmRidge } from '../../physics/hiddenManifold/ridge';
import { simulateSgd, validateSgd } from '../../physics/hiddenManifold/sgdSim';
import { activationProfile, targetProfile } from '../../physics/twoLayer/profiles';
import { simulateHmmRidgeSeed, validateRidgeSim } from '../../sim/hiddenManifold/ridgeSim';
import { meanSE } from '../../sim/twoLayer/ridge';
import type { HmmDeps } from './service';

export const HMM_DEPS: HmmDeps = {
  hmmRidgeCurve,
  nullError,
  validateHmmRidge,
  logisticPoint,
  validateErm,
  simulateSgd,
  validateSgd,
  activationProfile,
  targetProfile,
  simulateHmmRidgeSeed,
  validateRidgeSim,
  meanSE,
  ParamError,
  ActivationError,
};
