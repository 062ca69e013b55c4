// The hidden-manifold worker: src/families/hidden-manifold/service.ts on the float64 physics and simulations.
import { HMM_DEPS } from '../src/families/hidden-manifold/deps';
import { createHmmService } from '../src/families/hidden-manifold/service';
import { serve } from '../src/platform/compute/serve';

serve(createHmmService(HMM_DEPS));
