// The simulation worker: src/platform/sim/service.ts on the browser's tfjs backends.
import { chooseBackend, watchContextLoss } from '../src/sim/backendBrowser';
import { createSimService } from '../src/platform/sim/service';
import { serve } from '../src/platform/compute/serve';

serve(
  createSimService({
    chooseBackend,
    watchContextLoss,
    now: () => performance.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  }),
);
