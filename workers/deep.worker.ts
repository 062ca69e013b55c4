// Thin comlink adapter: the L = 2 theory service (src/families/deep/service.ts) wired to the float64 physics.
import { ActivationError, ParamError } from '../src/physics/errors';
import { expose, releaseProxy, type Remote } from 'comlink';
import { getDeepModel } from '../src/physics/deep/deepModel';
import type { DeepApi, DeepChunk } from '../src/families/deep/protocol';
import { createDeepService } from '../src/families/deep/service';

const service = createDeepService({ getDeepModel, ParamError, ActivationError });

const api: DeepApi = {
  ...service,
  async computeCurve(req, onChunk) {
    const remote = onChunk as unknown as Remote<(c: DeepChunk) => void>;
    try {
      return await service.computeCurve(req, (chunk) => void remote(chunk));
    } finally {
      remote[releaseProxy]();
    }
  },
};

expose(api);
