// The L = 1 student in TensorFlow.js (float32): f_W(X) = σ(X Wᵀ/√d) v/√k, with explicit backward passes for
//   HMC:  U(W, v) = ‖W‖²/2 [+ ‖v‖²/2 when v is sampled] + ‖y − f(X)‖²/(2Δ)   (simulations.md, Gaussian prior)
//   ADAM: mean squared error over a (mini-)batch.
// With H = Xs Wᵀ (Xs = X/√d), A = σ(H), r = y − f and c = ∂loss/∂f = −s r (s = 1/Δ for U, 2/b for the MSE):
//   ∂/∂W = Gᵀ Xs with G = (c vᵀ/√k) ⊙ σ'(H),   ∂/∂v = Aᵀ c/√k.
// Three matmuls of n·k·d each dominate (forward H, Gᵀ Xs; the rest is O(n k)).
// Parameters are a list of tensors [W] or [W, v] so that HMC and ADAM stay generic (an L = 2 student supplies
// its own ValueAndGrad over a longer list).

import * as tf from '@tensorflow/tfjs-core';
import type { TfSigma } from './tfActivation';

export interface ShallowData {
  /** X/√d, n×d (the 1/√d pre-scaling is folded into the data once). */
  Xs: tf.Tensor2D;
  y: tf.Tensor1D;
  n: number;
  d: number;
  k: number;
}

/** Objective value and its gradients with respect to each parameter tensor (all new tensors). */
export type ValueAndGrad = (params: tf.Tensor[]) => { value: tf.Scalar; grads: tf.Tensor[] };

export function shallowData(X: Float64Array, y: Float64Array, n: number, d: number, k: number): ShallowData {
  const s = 1 / Math.sqrt(d);
  const xs = new Float32Array(n * d);
  for (let i = 0; i < n * d; i++) xs[i] = X[i] * s;
  return { Xs: tf.tensor2d(xs, [n, d]), y: tf.tensor1d(Float32Array.from(y)), n, d, k };
}

export function disposeData(data: ShallowData): void {
  data.Xs.dispose();
  data.y.dispose();
}

/** f(X) for pre-scaled inputs Xs (rows) with W (k×d) and readouts v (k): σ(Xs Wᵀ) v/√k. */
export function shallowForward(Xs: tf.Tensor2D, W: tf.Tensor, v: tf.Tensor, sigma: TfSigma, k: number): tf.Tensor1D {
  return tf.tidy(() => {
    const H = tf.matMul(Xs, W as tf.Tensor2D, false, true);
    const { s } = sigma(H);
    return tf.reshape(tf.mul(tf.matMul(s as tf.Tensor2D, tf.reshape(v, [k, 1])), 1 / Math.sqrt(k)), [-1]) as tf.Tensor1D;
  });
}

/**
 * Σ r² and the gradients of (scale/2) Σ r² on the rows (Xb, yb): gW (k×d) and gv (k).
 * Call inside tf.tidy.
 */
function residualGrads(Xb: tf.Tensor2D, yb: tf.Tensor1D, W: tf.Tensor, v: tf.Tensor, sigma: TfSigma, k: number, scale: number) {
  const rootK = Math.sqrt(k);
  const H = tf.matMul(Xb, W as tf.Tensor2D, false, true); // n×k
  const { s: A, ds: D } = sigma(H);
  const v2 = tf.reshape(v, [k, 1]);
  const f = tf.reshape(tf.mul(tf.matMul(A as tf.Tensor2D, v2), 1 / rootK), [-1]);
  const r = tf.sub(yb, f);
  const c = tf.mul(r, -scale / rootK); // ∂/∂f (·/√k folded in)
  const c2 = tf.reshape(c, [-1, 1]);
  const G = tf.mul(tf.mul(c2, tf.reshape(v, [1, k])), D) as tf.Tensor2D; // n×k
  const gW = tf.matMul(G, Xb, true, false); // k×d
  const gv = tf.reshape(tf.matMul(A as tf.Tensor2D, c2, true, false), [-1]); // k
  return { sumR2: tf.sum(tf.square(r)), gW, gv };
}

/**
 * HMC potential U = −log posterior (up to a constant) and its gradient: Gaussian prior on W (and on v when
 * `vFixed` is null, params = [W, v]), Gaussian likelihood of variance Δ.
 */
export function shallowPotential(data: ShallowData, sigma: TfSigma, delta: number, vFixed: tf.Tensor1D | null): ValueAndGrad {
  return (params) =>
    tf.tidy(() => {
      const W = params[0];
      const v = vFixed ?? params[1];
      const { sumR2, gW, gv } = residualGrads(data.Xs, data.y, W, v, sigma, data.k, 1 / delta);
      let value = tf.add(tf.mul(tf.sum(tf.square(W)), 0.5), tf.mul(sumR2, 0.5 / delta));
      const grads: tf.Tensor[] = [tf.add(gW, W)];
      if (!vFixed) {
        value = tf.add(value, tf.mul(tf.sum(tf.square(params[1])), 0.5));
        grads.push(tf.add(gv, params[1]));
      }
      return { value: value as tf.Scalar, grads };
    });
}

/** Mean squared error on the rows `batch()` (all rows when it returns null) and its gradient (paper B's loss). */
export function shallowMse(data: ShallowData, sigma: TfSigma, vFixed: tf.Tensor1D | null, batch: () => Int32Array | null): ValueAndGrad {
  return (params) => {
    const idx = batch();
    return tf.tidy(() => {
      const W = params[0];
      const v = vFixed ?? params[1];
      const it = idx ? tf.tensor1d(idx, 'int32') : null;
      const Xb = it ? (tf.gather(data.Xs, it) as tf.Tensor2D) : data.Xs;
      const yb = it ? (tf.gather(data.y, it) as tf.Tensor1D) : data.y;
      const b = idx ? idx.length : data.n;
      const { sumR2, gW, gv } = residualGrads(Xb, yb, W, v, sigma, data.k, 2 / b);
      const grads: tf.Tensor[] = [gW];
      if (!vFixed) grads.push(gv);
      return { value: tf.div(sumR2, b) as tf.Scalar, grads };
    });
  };
}
