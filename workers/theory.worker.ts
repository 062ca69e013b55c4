// Thin comlink adapter: the theory service (src/families/mlp/service.ts) wired to the float64 physics of src/physics.
import { ActivationError, ParamError } from '../src/physics/errors';
import { expose, releaseProxy, type Remote } from 'comlink';
import { getActivation } from '../src/physics/activations';
import { getShallowModel, validateShallowParams } from '../src/physics/mlp/shallowModel';
import type { CurveChunk, TheoryApi } from '../src/families/mlp/protocol';
import { createTheoryService } from '../src/families/mlp/service';

const service = createTheoryService({
  validateShallowParams,
  getShallowModel,
  getActivation,
  ParamError,
  ActivationError,
});

const api: TheoryApi = {
  ...service,
  async computeCurve(req, onChunk) {
    // onChunk is a comlink proxy of the page's callback: fire and forget, then release its message port.
    const remote = onChunk as unknown as Remote<(c: CurveChunk) => void>;
    try {
      return await service.computeCurve(req, (chunk) => void remote(chunk));
    } finally {
      remote[releaseProxy]();
    }
  },
};

expose(api);
