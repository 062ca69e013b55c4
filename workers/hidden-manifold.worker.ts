// The hidden-manifold worker: src/families/hidden-manifold/service.ts on the float64 physics.
import { ActivationError, ParamError } from '../src/physics/errors';
import { hmmRidgeCurve, nullError } from '../src/physics/hiddenManifold/ridge';
import { simulateSgd, validateSgd } from '../src/physics/hiddenManifold/sgdSim';
import { activationProfile, targetProfile } from '../src/physics/twoLayer/profiles';
import { createHmmService } from '../src/families/hidden-manifold/service';
import { serve } from '../src/platform/compute/serve';

const profiles = { activationProfile, targetProfile };
serve(
  createHmmService({ hmmRidgeCurve, nullError, simulateSgd, validateSgd, ...profiles, ParamError, ActivationError }),
);
