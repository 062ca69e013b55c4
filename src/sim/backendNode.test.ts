// The Node backend choice: `auto` (the default) measures and never settles on the tfjs CPU backend when WASM
// starts; a forced backend is used as asked.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { chooseNodeBackend, useNodeBackend } from './backendNode';

describe('Node backend', () => {
  it('defaults to the fastest measured backend, which is not tfjs CPU', async () => {
    const name = await useNodeBackend();
    expect(name).not.toBe('cpu');
    expect(name).toBe('wasm');
    const choice = await chooseNodeBackend();
    expect(choice.backend).toBe(name);
    expect(choice.measured.wasm).toBeGreaterThan(choice.measured.cpu ?? 0);
    expect(choice.failed).toEqual([]);
  });

  it('a forced backend is the one tfjs reports', async () => {
    expect(await useNodeBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(await useNodeBackend('wasm')).toBe('wasm');
  });
});
