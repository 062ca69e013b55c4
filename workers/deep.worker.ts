// The L = 2 theory worker: src/families/deep/service.ts on the float64 physics.
import { ActivationError } from '../src/physics/activations';
import { getDeepModel } from '../src/physics/deep/deepModel';
import { ParamError } from '../src/physics/mlp/shallowModel';
import { createDeepService } from '../src/families/deep/service';
import { serve } from '../src/platform/compute/serve';

serve(createDeepService({ getDeepModel, ParamError, ActivationError }));
