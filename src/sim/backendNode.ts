// TensorFlow.js backends in Node (CLI, tests, bench): the CPU backend always; WASM on request (it loads its
// .wasm files from node_modules). No WebGL in Node.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { NodeBackend } from './config';
export { NODE_BACKENDS, type NodeBackend } from './config';

/** Sets the backend and returns the name tfjs reports; throws with a clear message when it cannot load. */
export async function useNodeBackend(name: NodeBackend = 'cpu'): Promise<string> {
  if (name === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`TensorFlow.js backend '${name}' failed to initialise`);
  await tf.ready();
  return tf.getBackend();
}
