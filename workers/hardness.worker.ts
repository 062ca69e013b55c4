// A time-to-specialise worker (one of a pool): src/families/mlp/hardnessService.ts on the browser's tfjs backends.
import { chooseBackend } from '../src/sim/backendBrowser';
import { EscapeRun, theoryThreshold } from '../src/sim/hardness';
import { ActivationError, ParamError } from '../src/physics/errors';
import { createHardnessService } from '../src/families/mlp/hardnessService';
import { serve } from '../src/platform/compute/serve';

const prepare = async () => (await chooseBackend(null, 1)).backend; // the pool runs one job per core
const defaultThreshold = (c: Parameters<typeof theoryThreshold>[0]) => theoryThreshold(c).threshold;
const makeRun = (...a: ConstructorParameters<typeof EscapeRun>) => new EscapeRun(...a);
const now = () => performance.now();
serve(createHardnessService({ prepare, makeRun, defaultThreshold, now, ParamError, ActivationError }));
