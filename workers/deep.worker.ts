// The L = 2 theory worker: src/families/deep/service.ts on the float64 physics.
import { ActivationError, ParamError } from '../src/physics/errors';
import { getDeepModel } from '../src/physics/deep/deepModel';
import { createDeepService } from '../src/families/deep/service';
import { serve } from '../src/platform/compute/serve';

serve(createDeepService({ getDeepModel, ParamError, ActivationError }));
