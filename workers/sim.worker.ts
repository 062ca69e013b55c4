// Thin comlink adapter: the simulation service (src/platform/sim/service.ts) on the browser's tfjs backends.
import { expose, releaseProxy, type Remote } from 'comlink';
import { chooseBackend, watchContextLoss } from '../src/sim/backendBrowser';
import type { SimEvent, SimWorkerApi } from '../src/platform/sim/protocol';
import { createSimService } from '../src/platform/sim/service';

const service = createSimService({
  chooseBackend,
  watchContextLoss,
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});

const api: SimWorkerApi = {
  init: (forced) => service.init(forced),
  control: (id, cmd) => service.control(id, cmd),
  setSpeed: (id, speed) => service.setSpeed(id, speed),
  async run(req, onEvent) {
    const remote = onEvent as unknown as Remote<(e: SimEvent) => void>;
    try {
      return await service.run(req, (e) => void remote(e));
    } finally {
      remote[releaseProxy]();
    }
  },
};

expose(api);
