// TensorFlow.js backends in Node (CLI, tests, bench): CPU and WASM (SIMD; it loads its .wasm files from
// node_modules). No WebGL in Node, and no WASM threads: tfjs-backend-wasm 4.22 reports no multithread support
// under Node (its WASM_HAS_MULTITHREAD_SUPPORT flag returns false when IS_NODE, tfjs issue 3830), and tfjs-node
// (native TensorFlow) is not a dependency. `auto` (the default) picks the faster of the two by a matmul
// measurement at the simulations' dominant shape, as the browser's ladder does (backendBrowser.ts); here WASM
// SIMD wins by ×10–25 (docs/physics/simulations.md §7).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { NodeBackend } from './config';
export { NODE_BACKENDS, type NodeBackend } from './config';
type Concrete = Exclude<NodeBackend, 'auto'>;

/** How `auto` chose: GFLOP/s of each backend that started, and the ones that failed with their message. */
export interface NodeBackendChoice {
  backend: Concrete;
  measured: Partial<Record<Concrete, number>>;
  failed: string[];
}

let lastChoice: NodeBackendChoice | null = null;

async function setNodeBackend(name: Concrete): Promise<void> {
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`TensorFlow.js backend '${name}' failed to initialise`);
  await tf.ready();
}

/** GFLOP/s of an n×d by d×k matmul (the gradients' dominant shape), best of a few repeats after a warm-up. */
export async function measureNodeMatmul(n = 2048, d = 40, k = 20, repeats = 4): Promise<number> {
  const a = tf.randomNormal([n, d]);
  const b = tf.randomNormal([d, k]);
  let best = Infinity;
  for (let i = 0; i <= repeats; i++) {
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
    if (i > 0) best = Math.min(best, performance.now() - t0);
  }
  a.dispose();
  b.dispose();
  return (2 * n * d * k) / (Math.max(best, 1e-3) * 1e6);
}

/** Measures every Node backend that starts and keeps the fastest (measured once per process). */
export async function chooseNodeBackend(): Promise<NodeBackendChoice> {
  if (lastChoice) {
    await setNodeBackend(lastChoice.backend);
    return lastChoice;
  }
  const measured: Partial<Record<Concrete, number>> = {};
  const failed: string[] = [];
  for (const b of ['wasm', 'cpu'] as const) {
    try {
      await setNodeBackend(b);
      measured[b] = await measureNodeMatmul();
    } catch (e) {
      failed.push(`${b}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const best = (Object.entries(measured) as [Concrete, number][]).sort((x, y) => y[1] - x[1])[0];
  if (!best) throw new Error(`no TensorFlow.js backend could start in Node: ${failed.join('; ')}`);
  await setNodeBackend(best[0]);
  lastChoice = { backend: best[0], measured, failed };
  return lastChoice;
}

/**
 * Sets the backend (`auto`: the fastest by measurement) and returns the name tfjs reports; throws with a clear
 * message when it cannot load.
 */
export async function useNodeBackend(name: NodeBackend = 'auto'): Promise<string> {
  if (name === 'auto') await chooseNodeBackend();
  else await setNodeBackend(name);
  return tf.getBackend();
}
