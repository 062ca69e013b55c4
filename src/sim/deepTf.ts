// The L = 2 student in TensorFlow.js (float32): f(X) = σ2(σ1(Xs W1ᵀ) W2ᵀ/√k1) v/√k2 (Xs = X/√d), the network of
// arXiv 2510.24616 (docs/physics/mlp-deep.md §1), with an explicit backward pass. HMC potential and ADAM loss come from
// the depth-generic frames of shallowTf.ts (Gaussian prior on W1, W2 [and v], Gaussian likelihood; MSE).
// With H1 = Xs W1ᵀ, A1 = σ1(H1), H2 = A1 W2ᵀ/√k1, A2 = σ2(H2), r = y − f and c = ∂loss/∂f = −s r:
//   G2 = (c vᵀ/√k2) ⊙ σ2'(H2),  ∂/∂W2 = G2ᵀ A1/√k1,  ∂/∂v = A2ᵀ c/√k2,
//   G1 = (G2 W2/√k1) ⊙ σ1'(H1), ∂/∂W1 = G1ᵀ Xs.
// Five matmuls: two of n·k1·d (H1, G1ᵀXs) and three of n·k1·k2. As in shallowTf.ts no big operand is passed
// with a transpose flag (tfjs-wasm materialises it slowly): Xsᵀ is stored, and G2ᵀ, A1 are formed by explicit
// transposes of n×k matrices, O(n k) next to the O(n k²) matmuls.

import * as tf from '@tensorflow/tfjs-core';
import { gaussianPotential, mseLoss, type ResidualGrads, type ShallowData, type ValueAndGrad } from './shallowTf';
import type { TfSigma } from './tfActivation';

/** Widths of the L = 2 student: k1 = data.k first-layer units, k2 second-layer units. */
export interface DeepShape {
  k1: number;
  k2: number;
}

/** f(X) for pre-scaled inputs Xs (rows) with W1 (k1×d), W2 (k2×k1) and readouts v (k2). */
export function deepForward(
  Xs: tf.Tensor2D,
  W1: tf.Tensor,
  W2: tf.Tensor,
  v: tf.Tensor,
  sigma1: TfSigma,
  sigma2: TfSigma,
  shape: DeepShape,
): tf.Tensor1D {
  return tf.tidy(() => {
    const A1 = sigma1(tf.matMul(Xs, tf.transpose(W1 as tf.Tensor2D))).s as tf.Tensor2D;
    const A2 = sigma2(tf.mul(tf.matMul(A1, tf.transpose(W2 as tf.Tensor2D)), 1 / Math.sqrt(shape.k1))).s as tf.Tensor2D;
    return tf.reshape(
      tf.mul(tf.matMul(A2, tf.reshape(v, [shape.k2, 1])), 1 / Math.sqrt(shape.k2)),
      [-1],
    ) as tf.Tensor1D;
  });
}

/** The L = 2 residual: gradients [gW1 (k1×d), gW2 (k2×k1)] and gv (k2). */
export function deepResidual(sigma1: TfSigma, sigma2: TfSigma, { k1, k2 }: DeepShape): ResidualGrads {
  const r1 = 1 / Math.sqrt(k1);
  const r2 = 1 / Math.sqrt(k2);
  return (Xb, XbT, yb, Ws, v, scale) => {
    const [W1, W2] = Ws as [tf.Tensor2D, tf.Tensor2D];
    // At browser sizes the n×k elementwise ops, not the matmuls, dominate (tfjs-wasm ≈ 0.3 ms each at n = 3600,
    // k = 15): the 1/√k1 is folded into the small W2 once instead of scaling two n×k products.
    const W2s = tf.mul(W2, r1) as tf.Tensor2D;
    const H1 = tf.matMul(Xb, tf.transpose(W1)); // n×k1
    const { s: A1, ds: D1 } = sigma1(H1);
    const H2 = tf.matMul(A1 as tf.Tensor2D, tf.transpose(W2s)); // n×k2
    const { s: A2, ds: D2 } = sigma2(H2);
    const f = tf.reshape(tf.mul(tf.matMul(A2 as tf.Tensor2D, tf.reshape(v, [k2, 1])), r2), [-1]);
    const r = tf.sub(yb, f);
    const c = tf.mul(r, -scale * r2); // ∂/∂f with the 1/√k2 folded in
    const G2 = tf.mul(tf.mul(tf.reshape(c, [-1, 1]), tf.reshape(v, [1, k2])), D2) as tf.Tensor2D; // n×k2
    const gW2 = tf.mul(tf.matMul(tf.transpose(G2), A1 as tf.Tensor2D), r1); // k2×k1
    const gv = tf.reshape(tf.matMul(tf.reshape(c, [1, -1]), A2 as tf.Tensor2D), [-1]); // k2
    const G1 = tf.mul(tf.matMul(G2, W2s), D1) as tf.Tensor2D; // n×k1
    const gW1 = tf.transpose(tf.matMul(XbT, G1)); // (Xᵀ G1)ᵀ, k1×d
    return { sumR2: tf.sum(tf.square(r)), gWs: [gW1, gW2], gv };
  };
}

/** HMC potential of the L = 2 student: params [W1, W2] (v fixed) or [W1, W2, v] (v sampled with prior N(0, 1)). */
export function deepPotential(
  data: ShallowData,
  sigma1: TfSigma,
  sigma2: TfSigma,
  k2: number,
  delta: number,
  vFixed: tf.Tensor1D | null,
): ValueAndGrad {
  return gaussianPotential(data, deepResidual(sigma1, sigma2, { k1: data.k, k2 }), 2, delta, vFixed);
}

/** Mean squared error of the L = 2 student on a (mini-)batch and its gradient (ADAM). */
export function deepMse(
  data: ShallowData,
  sigma1: TfSigma,
  sigma2: TfSigma,
  k2: number,
  vFixed: tf.Tensor1D | null,
  batch: () => Int32Array | null,
): ValueAndGrad {
  return mseLoss(data, deepResidual(sigma1, sigma2, { k1: data.k, k2 }), 2, vFixed, batch);
}
