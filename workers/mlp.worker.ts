// The shallow-MLP theory worker: src/families/mlp/service.ts on the float64 physics.
import { getActivation } from '../src/physics/activations';
import { ActivationError, ParamError } from '../src/physics/errors';
import { getShallowModel, prepareShallowModel, validateShallowParams } from '../src/physics/mlp/shallowModel';
import { profileAt } from '../src/physics/mlp/profile';
import { createTheoryService } from '../src/families/mlp/service';
import { serve } from '../src/platform/compute/serve';
import { setTableNodeStore } from '../src/physics/spectralTable';
import { packStore } from '../src/physics/mlp/tablePack';
import pack from 'virtual:mlp-table-pack';

// The tables of the default view and the presets come with the bundle (built from these sources at build time).
setTableNodeStore(packStore(pack));

const models = { validateShallowParams, getShallowModel, prepareShallowModel };
serve(createTheoryService({ ...models, getActivation, profileAt, ParamError, ActivationError }));
