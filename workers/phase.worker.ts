// Thin comlink adapter: the phase-diagram service wired to the float64 physics (tables cached per worker).
import { ActivationError, ParamError } from '../src/physics/errors';
import { expose, releaseProxy, type Remote } from 'comlink';
import { rowAlphas, solveRow } from '../src/physics/mlp/phaseRow';
import type { PhaseApi, RowMessage } from '../src/families/mlp/phaseProtocol';
import { createPhaseService } from '../src/families/mlp/phaseService';

const service = createPhaseService({ solveRow, rowAlphas, ParamError, ActivationError });

const api: PhaseApi = {
  ...service,
  async computeRows(req, onRow) {
    const remote = onRow as unknown as Remote<(m: RowMessage) => void>;
    try {
      return await service.computeRows(req, (m) => void remote(m));
    } finally {
      remote[releaseProxy]();
    }
  },
};

expose(api);
