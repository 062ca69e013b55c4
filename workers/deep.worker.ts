// The deep theory worker (L = 2, and L ≥ 3 by the any-depth theory): src/families/deep/service.ts on the float64 physics.
import { ActivationError, ParamError } from '../src/physics/errors';
import { getDeepModel } from '../src/physics/deep/deepModel';
import { getAnyDepthModel } from '../src/physics/deep/anyDepth/anyDepthModel';
import { createDeepService } from '../src/families/deep/service';
import { serve } from '../src/platform/compute/serve';

serve(createDeepService({ getDeepModel, getAnyDepthModel, ParamError, ActivationError }));
