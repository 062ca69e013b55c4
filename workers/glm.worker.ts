// The GLM worker: src/families/glm/service.ts on the float64 physics.
import { glmCurve, glmThresholds, makeGlm } from '../src/physics/classic/glm';
import { runGamp } from '../src/physics/classic/gamp';
import { createGlmService } from '../src/families/glm/service';
import { serve } from '../src/platform/compute/serve';

serve(createGlmService({ makeGlm, glmCurve, glmThresholds, runGamp }));
