import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { getActivation } from '../physics/activations';
import { deepForward, deepMse, deepPotential } from './deepTf';
import { Rng } from '../physics/numerics/rng';
import { shallowData } from './shallowTf';
import { predict, type Network } from './teacher';
import { tfSigma } from './tfActivation';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const d = 8;
const k1 = 5;
const k2 = 3;
const n = 50;
const delta = 0.6;

/** Float64 reference of U = ‖W1‖²/2 + ‖W2‖²/2 [+ ‖v‖²/2] + ‖y − f‖²/(2Δ) with per-layer σ. */
function potential64(
  W1: Float64Array,
  W2: Float64Array,
  v: Float64Array,
  X: Float64Array,
  y: Float64Array,
  s1: (x: number) => number,
  s2: (x: number) => number,
  sampleV: boolean,
): number {
  const net: Network = {
    layers: [
      { W: W1, rows: k1, cols: d },
      { W: W2, rows: k2, cols: k1 },
    ],
    v,
  };
  const f = predict(net, [s1, s2], X, n);
  let U = 0;
  for (const w of W1) U += 0.5 * w * w;
  for (const w of W2) U += 0.5 * w * w;
  if (sampleV) for (const x of v) U += 0.5 * x * x;
  for (let i = 0; i < n; i++) U += (y[i] - f[i]) ** 2 / (2 * delta);
  return U;
}

describe('L = 2 student: explicit gradients against float64 finite differences', () => {
  // Mixed activations (different σ per layer) catch a σ1/σ2 or k1/k2 mix-up that identical layers would hide.
  const pairs: [string, string][] = [
    ['tanh2-unit', 'tanh2-unit'],
    ['relu', 'tanh2'],
    ['h23', 'erf'],
  ];
  for (const [a1, a2] of pairs) {
    for (const sampleV of [false, true]) {
      it(`σ1 = ${a1}, σ2 = ${a2}, v ${sampleV ? 'sampled' : 'fixed'}`, () => {
        const rng = new Rng(21);
        const act1 = getActivation(a1);
        const act2 = getActivation(a2);
        const X = rng.normals(n * d);
        const y = rng.normals(n);
        const W1 = rng.normals(k1 * d);
        const W2 = rng.normals(k2 * k1);
        const v = rng.normals(k2);
        const data = shallowData(X, y, n, d, k1);
        const vT = tf.tensor1d(Float32Array.from(v));
        const vg = deepPotential(data, tfSigma(a1), tfSigma(a2), k2, delta, sampleV ? null : vT);
        const params = [
          tf.tensor2d(Float32Array.from(W1), [k1, d]),
          tf.tensor2d(Float32Array.from(W2), [k2, k1]),
          ...(sampleV ? [vT] : []),
        ];
        const { value, grads } = vg(params);
        const U = (w1: Float64Array, w2: Float64Array, vv: Float64Array) =>
          potential64(w1, w2, vv, X, y, act1.sigma, act2.sigma, sampleV);
        const U64 = U(W1, W2, v);
        expect(Math.abs(value.dataSync()[0] - U64) / U64).toBeLessThan(1e-5);
        // Central differences in float64 (h = 1e-6: truncation ~1e-12, rounding ~1e-10·U); the float32 gradient is
        // a sum over n = 50 terms of size ≲ 10, so 2e-4 (1 + |g|) is the float32-honest tolerance.
        const h = 1e-6;
        const check = (
          g: Float32Array | Int32Array | Uint8Array,
          base: Float64Array,
          idxs: number[],
          at: (p: Float64Array) => number,
        ) => {
          for (const idx of idxs) {
            const p = base.slice();
            const m = base.slice();
            p[idx] += h;
            m[idx] -= h;
            const fd = (at(p) - at(m)) / (2 * h);
            expect(Math.abs(g[idx] - fd)).toBeLessThan(2e-4 * (1 + Math.abs(fd)));
          }
        };
        check(grads[0].dataSync(), W1, [0, 7, 19, 39], (w) => U(w, W2, v));
        check(grads[1].dataSync(), W2, [0, 4, 8, 14], (w) => U(W1, w, v));
        if (sampleV) check(grads[2].dataSync(), v, [0, 1, 2], (w) => U(W1, W2, w));
        else expect(grads.length).toBe(2);
        // The forward pass agrees with the float64 teacher code.
        const f32 = deepForward(data.Xs, params[0], params[1], vT, tfSigma(a1), tfSigma(a2), { k1, k2 }).dataSync();
        const f64 = predict(
          {
            layers: [
              { W: W1, rows: k1, cols: d },
              { W: W2, rows: k2, cols: k1 },
            ],
            v,
          },
          [act1.sigma, act2.sigma],
          X,
          n,
        );
        f64.forEach((x, i) => expect(Math.abs(f32[i] - x)).toBeLessThan(1e-5 * (1 + Math.abs(x))));
      });
    }
  }

  it('the MSE loss is the mean of r² and its gradient is (2/n)·(Δ/1)·(likelihood part of ∇U)', () => {
    const rng = new Rng(4);
    const X = rng.normals(n * d);
    const y = rng.normals(n);
    const W1 = rng.normals(k1 * d);
    const W2 = rng.normals(k2 * k1);
    const v = rng.normals(k2);
    const act1 = getActivation('tanh2-unit');
    const data = shallowData(X, y, n, d, k1);
    const vT = tf.tensor1d(Float32Array.from(v));
    const params = [tf.tensor2d(Float32Array.from(W1), [k1, d]), tf.tensor2d(Float32Array.from(W2), [k2, k1])];
    const mse = deepMse(data, tfSigma('tanh2-unit'), tfSigma('tanh2-unit'), k2, vT, () => null)(params);
    const f = predict(
      {
        layers: [
          { W: W1, rows: k1, cols: d },
          { W: W2, rows: k2, cols: k1 },
        ],
        v,
      },
      act1.sigma,
      X,
      n,
    );
    let m = 0;
    for (let i = 0; i < n; i++) m += (y[i] - f[i]) ** 2 / n;
    expect(Math.abs(mse.value.dataSync()[0] - m) / m).toBeLessThan(1e-5);
    const pot = deepPotential(data, tfSigma('tanh2-unit'), tfSigma('tanh2-unit'), k2, delta, vT)(params);
    const gU = pot.grads[1].dataSync();
    const gM = mse.grads[1].dataSync();
    for (let i = 0; i < gU.length; i++)
      expect(Math.abs((gU[i] - W2[i]) * delta * (2 / n) - gM[i])).toBeLessThan(1e-5 * (1 + Math.abs(gM[i])));
  });
});
