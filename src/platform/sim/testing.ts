// Test helpers of the simulation platform (imported by tests only).
import type { BackendInfo } from './protocol';

/** What a worker reports for the tfjs CPU backend in a test (no measurement, nothing failed). */
export const TEST_BACKEND: BackendInfo = {
  backend: 'cpu',
  reason: 'test',
  renderer: null,
  gflops: 1,
  threads: false,
  crossOriginIsolated: false,
  failed: [],
  measured: { cpu: 1 },
};
