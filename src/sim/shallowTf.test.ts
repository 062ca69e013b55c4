import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getActivation } from '../physics/activations';
import { ACTIVATION_NAMES } from '../physics/types';
import { Rng } from '../physics/numerics/rng';
import { useNodeBackend } from './backendNode';
import { batchRows, shallowData, shallowMse, shallowPotential } from './shallowTf';
import { predict, type Network } from './teacher';
import { tfSigma } from './tfActivation';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const EXPRS = [
  'expr:tanh(2x)',
  'expr:x^2/sqrt(2) + max(x, 0.3x)',
  'expr:exp(-x^2/2)*sin(x)',
  'expr:softplus(x)-log(2)',
];

/** (f(x + h e_i) − f(x − h e_i)) / 2h. */
function centralDiff<T extends { slice(): T; [i: number]: number }>(f: (x: T) => number, x: T, i: number, h: number) {
  const plus = x.slice();
  const minus = x.slice();
  plus[i] += h;
  minus[i] -= h;
  return (f(plus) - f(minus)) / (2 * h);
}

describe('σ and σ′ as tfjs ops agree with the float64 engine', () => {
  for (const name of [...ACTIVATION_NAMES, ...EXPRS]) {
    it(name, () => {
      const act = getActivation(name);
      const xs = Array.from({ length: 81 }, (_, i) => -4 + i * 0.1 + 0.013);
      const { s, ds } = tfSigma(name)(tf.tensor1d(xs));
      const sv = s.dataSync();
      const dv = ds.dataSync();
      xs.forEach((x, i) => {
        expect(Math.abs(sv[i] - act.sigma(x))).toBeLessThan(2e-5 * (1 + Math.abs(act.sigma(x))));
        expect(Math.abs(dv[i] - act.dsigma(x))).toBeLessThan(2e-5 * (1 + Math.abs(act.dsigma(x))));
      });
    });
  }
});

/** Float64 reference of U(W, v) = ‖W‖²/2 [+ ‖v‖²/2] + ‖y − f‖²/(2Δ). */
function potential64(
  W: Float64Array,
  v: Float64Array,
  X: Float64Array,
  y: Float64Array,
  n: number,
  d: number,
  k: number,
  sigma: (x: number) => number,
  delta: number,
  sampleV: boolean,
): number {
  const net: Network = { layers: [{ W, rows: k, cols: d }], v };
  const f = predict(net, sigma, X, n);
  let U = 0;
  for (const w of W) U += 0.5 * w * w;
  if (sampleV) for (const x of v) U += 0.5 * x * x;
  for (let i = 0; i < n; i++) U += (y[i] - f[i]) ** 2 / (2 * delta);
  return U;
}

// On both Node backends: tfjs-wasm runs the transposed small product of f through its plain loop and the big ones
// through XNNPACK, the CPU backend one kernel for all.
for (const backend of ['cpu', 'wasm'] as const)
  describe(`explicit gradients against float64 finite differences (${backend})`, () => {
    beforeAll(async () => {
      expect(await useNodeBackend(backend)).toBe(backend);
    });
    afterAll(async () => {
      await tf.setBackend('cpu');
    });
    const d = 8;
    const k = 4;
    const n = 60;
    const delta = 0.7;
    for (const name of ['relu', 'tanh2', 'h23', 'elu', 'expr:x^2/sqrt(2) + sin(x)']) {
      for (const sampleV of [false, true]) {
        it(`${name}, v ${sampleV ? 'sampled' : 'fixed'}: HMC potential and its gradient`, () => {
          const rng = new Rng(11);
          const act = getActivation(name);
          const X = rng.normals(n * d);
          const y = rng.normals(n);
          const W = rng.normals(k * d);
          const v = rng.normals(k);
          const data = shallowData(X, y, n, d, k);
          const vT = tf.tensor1d(Float32Array.from(v));
          const vg = shallowPotential(data, tfSigma(name), delta, sampleV ? null : vT);
          const params = [tf.tensor2d(Float32Array.from(W), [k, d]), ...(sampleV ? [vT] : [])];
          const { value, grads } = vg(params);
          const U64 = potential64(W, v, X, y, n, d, k, act.sigma, delta, sampleV);
          expect(Math.abs(value.dataSync()[0] - U64) / U64).toBeLessThan(1e-5);
          const gW = grads[0].dataSync();
          // The gradient-only call (inner leapfrog steps) gives the same numbers to the bit.
          vg.gradients!(params).forEach((g, i) => expect(g.dataSync()).toEqual(grads[i].dataSync()));
          const h = 1e-6;
          for (const idx of [0, 5, 13, 31]) {
            const fd = centralDiff((Wx) => potential64(Wx, v, X, y, n, d, k, act.sigma, delta, sampleV), W, idx, h);
            expect(Math.abs(gW[idx] - fd)).toBeLessThan(2e-4 * (1 + Math.abs(fd)));
          }
          if (sampleV) {
            const gv = grads[1].dataSync();
            for (let i = 0; i < k; i++) {
              const fd = centralDiff((vx) => potential64(W, vx, X, y, n, d, k, act.sigma, delta, true), v, i, h);
              expect(Math.abs(gv[i] - fd)).toBeLessThan(2e-4 * (1 + Math.abs(fd)));
            }
          }
        });
      }
    }

    it('mini-batch MSE gradient equals the full-batch formula on those rows', () => {
      const rng = new Rng(4);
      const X = rng.normals(n * d);
      const y = rng.normals(n);
      const W = rng.normals(k * d);
      const v = rng.normals(k);
      const rows = Int32Array.from([3, 7, 8, 20, 41]);
      const data = shallowData(X, y, n, d, k);
      const vT = tf.tensor1d(Float32Array.from(v));
      const { value, grads } = shallowMse(
        data,
        tfSigma('tanh2'),
        vT,
        () => rows,
      )([tf.tensor2d(Float32Array.from(W), [k, d])]);
      const act = getActivation('tanh2');
      const Xb = new Float64Array(rows.length * d);
      const yb = new Float64Array(rows.length);
      rows.forEach((r, i) => {
        Xb.set(X.subarray(r * d, r * d + d), i * d);
        yb[i] = y[r];
      });
      // MSE = (2Δ/b)(U − ‖W‖²/2) with U at Δ: use Δ = 1/2 so that the residual term is Σ r²; divide by b.
      const mse = (Wx: Float64Array) => {
        let s = 0;
        for (const w of Wx) s += 0.5 * w * w;
        return (potential64(Wx, v, Xb, yb, rows.length, d, k, act.sigma, 0.5, false) - s) / rows.length;
      };
      expect(value.dataSync()[0]).toBeCloseTo(mse(W), 5);
      const h = 1e-6;
      const g = grads[0].dataSync();
      for (const idx of [1, 9, 30]) {
        const fd = centralDiff(mse, W, idx, h);
        expect(Math.abs(g[idx] - fd)).toBeLessThan(2e-5 * (1 + Math.abs(fd)));
      }
    });

    it('mini-batch rows gathered on the host are tf.gather to the bit; a row out of range is refused', () => {
      const rng = new Rng(2);
      const data = shallowData(rng.normals(n * d), rng.normals(n), n, d, k);
      const rows = Int32Array.from([59, 0, 17, 17, 33]);
      const { Xb, XbT, yb } = batchRows(data, rows);
      const it = tf.tensor1d(rows, 'int32');
      expect(Xb.dataSync()).toEqual(tf.gather(data.Xs, it).dataSync());
      expect(XbT.dataSync()).toEqual(tf.gather(data.XsT, it, 1).dataSync());
      expect(yb.dataSync()).toEqual(tf.gather(data.y, it).dataSync());
      expect(() => batchRows(data, Int32Array.from([3, n]))).toThrow(/outside/);
    });

    // The stored rows run the k×n layout, gathered rows the n×k one: every row, gathered in a shuffled order, must
    // give the full-batch loss and gradients (float32 sums in another order: 1e-5 relative).
    for (const name of ['relu', 'tanh2']) {
      it(`${name}, v learned: gathered rows (n×k layout) and stored rows (k×n layout) agree`, () => {
        const rng = new Rng(9);
        const data = shallowData(rng.normals(n * d), rng.normals(n), n, d, k);
        const params = [
          tf.tensor2d(Float32Array.from(rng.normals(k * d)), [k, d]),
          tf.tensor1d(Float32Array.from(rng.normals(k))),
        ];
        const all = Int32Array.from({ length: n }, (_, i) => i);
        rng.shuffle(all);
        const stored = shallowMse(data, tfSigma(name), null, () => null)(params);
        const gathered = shallowMse(data, tfSigma(name), null, () => all)(params);
        const close = (a: tf.Tensor, b: tf.Tensor) => {
          const x = a.dataSync();
          const y = b.dataSync();
          const scale = Math.max(...Array.from(x, Math.abs));
          x.forEach((xi, i) => expect(Math.abs(xi - y[i])).toBeLessThan(1e-5 * scale));
        };
        close(stored.value, gathered.value);
        stored.grads.forEach((g, i) => close(g, gathered.grads[i]));
      });
    }
  });
