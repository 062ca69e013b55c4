// The shallow-MLP theory worker: src/families/mlp/service.ts on the float64 physics.
import { getActivation } from '../src/physics/activations';
import { ActivationError, ParamError } from '../src/physics/errors';
import { getShallowModel, prepareShallowModel, validateShallowParams } from '../src/physics/mlp/shallowModel';
import { profileAt } from '../src/physics/mlp/profile';
import { createTheoryService } from '../src/families/mlp/service';
import { serve } from '../src/platform/compute/serve';

const models = { validateShallowParams, getShallowModel, prepareShallowModel };
serve(createTheoryService({ ...models, getActivation, profileAt, ParamError, ActivationError }));
