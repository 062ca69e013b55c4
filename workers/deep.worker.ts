// The deep theory worker (L = 2, and L ≥ 3 by the any-depth theory): src/families/deep/service.ts on the float64 physics.
import { ActivationError, ParamError } from '../src/physics/errors';
import { denoiserShapes, getDeepModel } from '../src/physics/deep/deepModel';
import { getDenoiser, hasDenoiser, installDenoiser } from '../src/physics/deep/denoiser';
import { getAnyDepthModel } from '../src/physics/deep/anyDepth/anyDepthModel';
import { createDeepService } from '../src/families/deep/service';
import { serve } from '../src/platform/compute/serve';

const tables = {
  shapes: denoiserShapes,
  has: hasDenoiser,
  knots: (eta: number, gamma1: number) => getDenoiser(eta, gamma1).knots,
  install: installDenoiser,
};
serve(createDeepService({ getDeepModel, getAnyDepthModel, tables, ParamError, ActivationError }));
