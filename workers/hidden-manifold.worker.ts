// The hidden-manifold worker: src/families/hidden-manifold/service.ts on the float64 physics.
import { ActivationError, ParamError } from '../src/physics/errors';
import { hmmRidgeCurve, nullError, validateHmmRidge } from '../src/physics/hiddenManifold/ridge';
import { simulateSgd, validateSgd } from '../src/physics/hiddenManifold/sgdSim';
import { activationProfile, targetProfile } from '../src/physics/twoLayer/profiles';
import { simulateHmmRidgeSeed, validateRidgeSim } from '../src/sim/hiddenManifold/ridgeSim';
import { meanSE } from '../src/sim/twoLayer/ridge';
import { createHmmService } from '../src/families/hidden-manifold/service';
import { serve } from '../src/platform/compute/serve';

const more = { activationProfile, targetProfile, validateHmmRidge, simulateHmmRidgeSeed, validateRidgeSim, meanSE };
serve(createHmmService({ hmmRidgeCurve, nullError, simulateSgd, validateSgd, ...more, ParamError, ActivationError }));
