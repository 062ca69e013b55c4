// The L = 1 student in TensorFlow.js (float32): f_W(X) = σ(X Wᵀ/√d) v/√k, with explicit backward passes for
//   HMC:  U(W, v) = ‖W‖²/2 [+ ‖v‖²/2 when v is sampled] + ‖y − f(X)‖²/(2Δ)   (docs/physics/simulations.md §3)
//   ADAM: mean squared error over a (mini-)batch.
// With H = Xs Wᵀ (Xs = X/√d), A = σ(H), r = y − f and c = ∂loss/∂f = −s r (s = 1/Δ for U, 2/b for the MSE):
//   ∂/∂W = diag(v/√k) (c ⊙ σ'(H))ᵀ Xs,   ∂/∂v = Aᵀ c/√k  (only formed when v is a parameter).
// The readouts scale the small k×d product rather than an n×k matrix: at browser and CLI sizes (n ≈ 4d², k = d/2)
// the n×k elementwise ops, not the two matmuls, dominated a gradient (docs/physics/simulations.md §7).
// Two matmuls of n·k·d each dominate (H and Gᵀ Xs); the rest is O(n k). Both are written without transpose
// flags on the big operand (Xs and its stored transpose XsT): tfjs-wasm materialises a transposed operand, which
// made them 7–20× slower (measured at n = 6400, d = 40, k = 20: 1.4 → 9 and 0.9 → 21 GFLOP/s).
// Parameters are a list of tensors [W] or [W, v] so that HMC and ADAM stay generic (an L = 2 student supplies
// its own ValueAndGrad over a longer list).

import * as tf from '@tensorflow/tfjs-core';
import type { TfSigma } from './tfActivation';

export interface ShallowData {
  /** X/√d, n×d (the 1/√d pre-scaling is folded into the data once). */
  Xs: tf.Tensor2D;
  /** (X/√d)ᵀ, d×n. */
  XsT: tf.Tensor2D;
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
  const xt = new Float32Array(n * d);
  for (let m = 0; m < n; m++) {
    for (let a = 0; a < d; a++) {
      const v = X[m * d + a] * s;
      xs[m * d + a] = v;
      xt[a * n + m] = v;
    }
  }
  return { Xs: tf.tensor2d(xs, [n, d]), XsT: tf.tensor2d(xt, [d, n]), y: tf.tensor1d(Float32Array.from(y)), n, d, k };
}

export function disposeData(data: ShallowData): void {
  data.Xs.dispose();
  data.XsT.dispose();
  data.y.dispose();
}

/** f(X) for pre-scaled inputs Xs (rows) with W (k×d) and readouts v (k): σ(Xs Wᵀ) v/√k. */
export function shallowForward(Xs: tf.Tensor2D, W: tf.Tensor, v: tf.Tensor, sigma: TfSigma, k: number): tf.Tensor1D {
  return tf.tidy(() => {
    const H = tf.matMul(Xs, tf.transpose(W as tf.Tensor2D));
    const { s } = sigma(H);
    return tf.reshape(
      tf.mul(tf.matMul(s as tf.Tensor2D, tf.reshape(v, [k, 1])), 1 / Math.sqrt(k)),
      [-1],
    ) as tf.Tensor1D;
  });
}

/**
 * Σ r² and the gradients of (scale/2) Σ r² on the rows (Xb, yb) (XbT = Xbᵀ) with respect to the weight
 * matrices `Ws` ([W] here; [W1, W2] for the L = 2 student) and the readouts v. Call inside tf.tidy.
 */
export type ResidualGrads = (
  Xb: tf.Tensor2D,
  XbT: tf.Tensor2D,
  yb: tf.Tensor1D,
  Ws: tf.Tensor[],
  v: tf.Tensor,
  scale: number,
  /** Whether ∂/∂v is needed (v is a parameter); a residual may return null for gv when it is not. */
  wantV?: boolean,
) => { sumR2: tf.Tensor; gWs: tf.Tensor[]; gv: tf.Tensor | null };

/** The L = 1 residual: gW (k×d) and gv (k). */
function shallowResidual(sigma: TfSigma, k: number): ResidualGrads {
  const rootK = Math.sqrt(k);
  return (Xb, XbT, yb, Ws, v, scale, wantV = true) => {
    const W = Ws[0];
    const vs = tf.reshape(tf.mul(v, 1 / rootK), [k, 1]); // v/√k, folded into the small operand
    const H = tf.matMul(Xb, tf.transpose(W as tf.Tensor2D)); // n×k pre-activations
    const { s: A, ds: D } = sigma(H);
    const r = tf.sub(yb, tf.reshape(tf.matMul(A as tf.Tensor2D, vs), [-1]));
    const c = tf.mul(r, -scale); // ∂/∂f
    const cD = tf.mul(tf.reshape(c, [-1, 1]), D) as tf.Tensor2D; // n×k
    const gW = tf.mul(tf.transpose(tf.matMul(XbT, cD)), vs); // diag(v/√k) (Xᵀ (c ⊙ σ'))ᵀ, k×d
    const gv = wantV ? tf.reshape(tf.matMul(tf.reshape(tf.mul(c, 1 / rootK), [1, -1]), A as tf.Tensor2D), [-1]) : null;
    return { sumR2: tf.sum(tf.square(r)), gWs: [gW], gv };
  };
}

/**
 * HMC potential U = −log posterior (up to a constant) and its gradient for any depth: Gaussian prior on every
 * weight matrix (the first `layers` parameters) and on v when `vFixed` is null (then v is the last parameter),
 * Gaussian likelihood of variance Δ.
 */
export function gaussianPotential(
  data: ShallowData,
  residual: ResidualGrads,
  layers: number,
  delta: number,
  vFixed: tf.Tensor1D | null,
): ValueAndGrad {
  return (params) =>
    tf.tidy(() => {
      const Ws = params.slice(0, layers);
      const v = vFixed ?? params[layers];
      const { sumR2, gWs, gv } = residual(data.Xs, data.XsT, data.y, Ws, v, 1 / delta, !vFixed);
      // Same float32 summation order as before the L = 2 student existed (priors of W first), so seeded runs repeat.
      let prior: tf.Tensor = tf.scalar(0);
      const grads: tf.Tensor[] = [];
      Ws.forEach((W, l) => {
        const p = tf.mul(tf.sum(tf.square(W)), 0.5);
        prior = l === 0 ? p : tf.add(prior, p);
        grads.push(tf.add(gWs[l], W));
      });
      let value = tf.add(prior, tf.mul(sumR2, 0.5 / delta));
      if (!vFixed) {
        value = tf.add(value, tf.mul(tf.sum(tf.square(v)), 0.5));
        grads.push(tf.add(gv!, v));
      }
      return { value: value as tf.Scalar, grads };
    });
}

/** Mean squared error on the rows `batch()` (all rows when it returns null) and its gradient (paper B's loss), any depth. */
export function mseLoss(
  data: ShallowData,
  residual: ResidualGrads,
  layers: number,
  vFixed: tf.Tensor1D | null,
  batch: () => Int32Array | null,
): ValueAndGrad {
  return (params) => {
    const idx = batch();
    return tf.tidy(() => {
      const Ws = params.slice(0, layers);
      const v = vFixed ?? params[layers];
      const it = idx ? tf.tensor1d(idx, 'int32') : null;
      const Xb = it ? (tf.gather(data.Xs, it) as tf.Tensor2D) : data.Xs;
      const XbT = it ? (tf.gather(data.XsT, it, 1) as tf.Tensor2D) : data.XsT;
      const yb = it ? (tf.gather(data.y, it) as tf.Tensor1D) : data.y;
      const b = idx ? idx.length : data.n;
      const { sumR2, gWs, gv } = residual(Xb, XbT, yb, Ws, v, 2 / b, !vFixed);
      const grads: tf.Tensor[] = [...gWs];
      if (!vFixed) grads.push(gv!);
      return { value: tf.div(sumR2, b) as tf.Scalar, grads };
    });
  };
}

/**
 * HMC potential of the L = 1 student: Gaussian prior on W (and on v when `vFixed` is null, params = [W, v]),
 * Gaussian likelihood of variance Δ.
 */
export function shallowPotential(
  data: ShallowData,
  sigma: TfSigma,
  delta: number,
  vFixed: tf.Tensor1D | null,
): ValueAndGrad {
  return gaussianPotential(data, shallowResidual(sigma, data.k), 1, delta, vFixed);
}

/** Mean squared error of the L = 1 student on a (mini-)batch and its gradient. */
export function shallowMse(
  data: ShallowData,
  sigma: TfSigma,
  vFixed: tf.Tensor1D | null,
  batch: () => Int32Array | null,
): ValueAndGrad {
  return mseLoss(data, shallowResidual(sigma, data.k), 1, vFixed, batch);
}
