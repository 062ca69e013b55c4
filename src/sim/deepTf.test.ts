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
const n = 50;
const delta = 0.6;

/** Network from flat weights: widths [k1 … kL], fan-in of layer 1 = d. */
function net(Ws: Float64Array[], v: Float64Array, widths: number[]): Network {
  return { layers: Ws.map((W, l) => ({ W, rows: widths[l], cols: l === 0 ? d : widths[l - 1] })), v };
}

/** Float64 reference of U = Σ_l ‖W_l‖²/2 [+ ‖v‖²/2] + ‖y − f‖²/(2Δ) with per-layer σ. */
function potential64(
  Ws: Float64Array[],
  v: Float64Array,
  widths: number[],
  X: Float64Array,
  y: Float64Array,
  sigmas: ((x: number) => number)[],
  sampleV: boolean,
): number {
  const f = predict(net(Ws, v, widths), sigmas, X, n);
  let U = 0;
  for (const W of Ws) for (const w of W) U += 0.5 * w * w;
  if (sampleV) for (const x of v) U += 0.5 * x * x;
  for (let i = 0; i < n; i++) U += (y[i] - f[i]) ** 2 / (2 * delta);
  return U;
}

describe('deep student: explicit gradients against float64 finite differences', () => {
  // Mixed activations and widths (different σ and k per layer) catch a layer mix-up that identical layers would
  // hide; L = 3 and 4 exercise the middle layers' backward step, which L = 2 does not have.
  const cases: [string[], number[]][] = [
    [
      ['tanh2-unit', 'tanh2-unit'],
      [5, 3],
    ],
    [
      ['relu', 'tanh2'],
      [5, 3],
    ],
    [
      ['h23', 'erf'],
      [5, 3],
    ],
    [
      ['tanh', 'h3', 'erf'],
      [5, 4, 3],
    ],
    [
      ['erf', 'tanh2-unit', 'relu', 'h3'],
      [4, 6, 3, 5],
    ],
  ];
  for (const [acts, widths] of cases) {
    for (const sampleV of [false, true]) {
      it(`L = ${acts.length}, σ = ${acts.join(', ')}, k = ${widths.join(', ')}, v ${sampleV ? 'sampled' : 'fixed'}`, () => {
        const rng = new Rng(21);
        const L = acts.length;
        const sig64 = acts.map((a) => getActivation(a).sigma);
        const X = rng.normals(n * d);
        const y = rng.normals(n);
        const Ws = widths.map((k, l) => rng.normals(k * (l === 0 ? d : widths[l - 1])));
        const v = rng.normals(widths[L - 1]);
        const data = shallowData(X, y, n, d, widths[0]);
        const vT = tf.tensor1d(Float32Array.from(v));
        const sigmas = acts.map(tfSigma);
        const vg = deepPotential(data, sigmas, widths, delta, sampleV ? null : vT);
        const WsT = Ws.map((W, l) => tf.tensor2d(Float32Array.from(W), [widths[l], l === 0 ? d : widths[l - 1]]));
        const params = [...WsT, ...(sampleV ? [vT] : [])];
        const { value, grads } = vg(params);
        const U = (ws: Float64Array[], vv: Float64Array) => potential64(ws, vv, widths, X, y, sig64, sampleV);
        const U64 = U(Ws, v);
        expect(Math.abs(value.dataSync()[0] - U64) / U64).toBeLessThan(1e-5);
        // Central differences in float64 (h = 1e-6: truncation ~1e-12, rounding ~1e-10·U); the float32 gradient is
        // a sum over n = 50 terms of size ≲ 10, so 2e-4 (1 + |g|) is the float32-honest tolerance.
        const h = 1e-6;
        const check = (
          g: Float32Array | Int32Array | Uint8Array,
          base: Float64Array,
          at: (p: Float64Array) => number,
        ) => {
          for (const idx of [0, 1, Math.floor(base.length / 2), base.length - 1]) {
            const p = base.slice();
            const m = base.slice();
            p[idx] += h;
            m[idx] -= h;
            const fd = (at(p) - at(m)) / (2 * h);
            expect(Math.abs(g[idx] - fd)).toBeLessThan(2e-4 * (1 + Math.abs(fd)));
          }
        };
        for (let l = 0; l < L; l++)
          check(grads[l].dataSync(), Ws[l], (w) =>
            U(
              Ws.map((W, j) => (j === l ? w : W)),
              v,
            ),
          );
        if (sampleV) check(grads[L].dataSync(), v, (w) => U(Ws, w));
        else expect(grads.length).toBe(L);
        // The forward pass agrees with the float64 teacher code.
        const f32 = deepForward(data.Xs, WsT, vT, sigmas, widths).dataSync();
        const f64 = predict(net(Ws, v, widths), sig64, X, n);
        f64.forEach((x, i) => expect(Math.abs(f32[i] - x)).toBeLessThan(1e-5 * (1 + Math.abs(x))));
      });
    }
  }

  it('the MSE loss is the mean of r² and its gradient is (2/n)·(Δ/1)·(likelihood part of ∇U)', () => {
    const rng = new Rng(4);
    const X = rng.normals(n * d);
    const y = rng.normals(n);
    const [k1, k2] = [5, 3];
    const W1 = rng.normals(k1 * d);
    const W2 = rng.normals(k2 * k1);
    const v = rng.normals(k2);
    const act1 = getActivation('tanh2-unit');
    const sig = [tfSigma('tanh2-unit'), tfSigma('tanh2-unit')];
    const data = shallowData(X, y, n, d, k1);
    const vT = tf.tensor1d(Float32Array.from(v));
    const params = [tf.tensor2d(Float32Array.from(W1), [k1, d]), tf.tensor2d(Float32Array.from(W2), [k2, k1])];
    const mse = deepMse(data, sig, [k1, k2], vT, () => null)(params);
    const f = predict(net([W1, W2], v, [k1, k2]), act1.sigma, X, n);
    let m = 0;
    for (let i = 0; i < n; i++) m += (y[i] - f[i]) ** 2 / n;
    expect(Math.abs(mse.value.dataSync()[0] - m) / m).toBeLessThan(1e-5);
    const pot = deepPotential(data, sig, [k1, k2], delta, vT)(params);
    const gU = pot.grads[1].dataSync();
    const gM = mse.grads[1].dataSync();
    for (let i = 0; i < gU.length; i++)
      expect(Math.abs((gU[i] - W2[i]) * delta * (2 / n) - gM[i])).toBeLessThan(1e-5 * (1 + Math.abs(gM[i])));
  });
});
