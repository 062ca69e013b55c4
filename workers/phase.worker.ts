// A phase-diagram worker (one of a pool): src/families/mlp/phaseService.ts on the float64 physics.
import { ActivationError, ParamError } from '../src/physics/errors';
import { solveRow } from '../src/physics/mlp/phaseRow';
import { rowAlphas } from '../src/physics/mlp/phaseTypes';
import { createPhaseService } from '../src/families/mlp/phaseService';
import { serve } from '../src/platform/compute/serve';

serve(createPhaseService({ solveRow, rowAlphas, ParamError, ActivationError }));
