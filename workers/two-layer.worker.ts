// The two-layer lecture's worker (theory, ODE curves or simulations, one instance each): src/families/two-layer/service.ts.
import { twoLayerService } from '../src/families/two-layer/service';
import { serve } from '../src/platform/compute/serve';

serve(twoLayerService);
