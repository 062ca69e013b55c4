// The spiked matrix–tensor worker: src/families/matrix-tensor/service.ts on the float64 physics.
import { overlapCurve } from '../src/physics/classic/matrixTensor';
import { thresholdsAt } from '../src/physics/classic/matrixTensorThresholds';
import { startLangevin } from '../src/physics/classic/matrixTensorLangevin';
import { largeNOverlap } from '../src/physics/classic/matrixTensorGF';
import { ParamError } from '../src/physics/errors';
import { createMatrixTensorService } from '../src/families/matrix-tensor/service';
import { serve } from '../src/platform/compute/serve';

serve(createMatrixTensorService({ overlapCurve, thresholdsAt, startLangevin, largeNOverlap, ParamError }));
