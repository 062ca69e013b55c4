// The student with L ≥ 2 hidden layers in TensorFlow.js (float32), one model for every depth (arXiv 2510.24616,
// docs/physics/mlp-deep.md §1, docs/physics/simulations.md §1): with Xs = X/√d and k_0 = d,
//   A_1 = σ_1(Xs W_1ᵀ),  A_l = σ_l(A_{l−1} W_lᵀ/√k_{l−1}),  f(X) = A_L v/√k_L,
// with an explicit backward pass. HMC potential and ADAM loss come from the depth-generic frames of shallowTf.ts
// (Gaussian prior on every W_l [and v], Gaussian likelihood; MSE). With r = y − f and c = ∂loss/∂f = −s r:
//   G_L = (c vᵀ/√k_L) ⊙ σ_L'(H_L),  ∂/∂v = A_Lᵀ c/√k_L,
//   ∂/∂W_l = G_lᵀ A_{l−1}/√k_{l−1},  G_{l−1} = (G_l W_l/√k_{l−1}) ⊙ σ_{l−1}'(H_{l−1})   (l = L … 2),
//   ∂/∂W_1 = G_1ᵀ Xs.
// Matmuls: two of n·k1·d (H_1, G_1ᵀXs) and three of n·k_l·k_{l−1} per deeper layer. As in shallowTf.ts no big operand
// is passed with a transpose flag (tfjs-wasm materialises it slowly): Xsᵀ is stored, and G_lᵀ, A_l are formed by
// explicit transposes of n×k matrices, O(n k) next to the O(n k²) matmuls. At L = 2 the ops are the ones the
// two-layer student ran before this generalisation, in the same order, so seeded L = 2 runs repeat.

import * as tf from '@tensorflow/tfjs-core';
import { gaussianPotential, mseLoss, type ResidualGrads, type ShallowData, type ValueAndGrad } from './shallowTf';
import type { TfSigma } from './tfActivation';

/** f(X) for pre-scaled inputs Xs (rows) with W_l (k_l × k_{l−1}, k_0 = d), readouts v (k_L), widths [k_1 … k_L]. */
export function deepForward(
  Xs: tf.Tensor2D,
  Ws: tf.Tensor[],
  v: tf.Tensor,
  sigmas: TfSigma[],
  widths: number[],
): tf.Tensor1D {
  return tf.tidy(() => {
    let A = sigmas[0](tf.matMul(Xs, tf.transpose(Ws[0] as tf.Tensor2D))).s as tf.Tensor2D;
    for (let l = 1; l < Ws.length; l++)
      A = sigmas[l](tf.mul(tf.matMul(A, tf.transpose(Ws[l] as tf.Tensor2D)), 1 / Math.sqrt(widths[l - 1])))
        .s as tf.Tensor2D;
    const kL = widths[widths.length - 1];
    return tf.reshape(tf.mul(tf.matMul(A, tf.reshape(v, [kL, 1])), 1 / Math.sqrt(kL)), [-1]) as tf.Tensor1D;
  });
}

/** The depth-L residual: gradients [gW_1 … gW_L] and gv (k_L). */
export function deepResidual(sigmas: TfSigma[], widths: number[]): ResidualGrads {
  const L = widths.length;
  if (sigmas.length !== L || L < 2) throw new Error(`a deep student needs L ≥ 2 widths and one σ per layer`);
  const root = widths.map((k) => 1 / Math.sqrt(k));
  const kL = widths[L - 1];
  return (Xb, XbT, yb, Ws, v, scale) => {
    // At browser sizes the n×k elementwise ops, not the matmuls, dominate (tfjs-wasm ≈ 0.3 ms each at n = 3600,
    // k = 15): each 1/√k_{l−1} is folded into the small W_l once instead of scaling two n×k products.
    const Wsc: tf.Tensor2D[] = Ws.map((W, l) => (l === 0 ? W : tf.mul(W, root[l - 1])) as tf.Tensor2D);
    const A: tf.Tensor2D[] = [];
    const D: tf.Tensor2D[] = [];
    let H = tf.matMul(Xb, tf.transpose(Wsc[0])); // n×k1
    for (let l = 0; l < L; l++) {
      if (l > 0) H = tf.matMul(A[l - 1], tf.transpose(Wsc[l])); // n×k_{l+1}
      const { s, ds } = sigmas[l](H);
      A.push(s as tf.Tensor2D);
      D.push(ds as tf.Tensor2D);
    }
    const f = tf.reshape(tf.mul(tf.matMul(A[L - 1], tf.reshape(v, [kL, 1])), root[L - 1]), [-1]);
    const r = tf.sub(yb, f);
    const c = tf.mul(r, -scale * root[L - 1]); // ∂/∂f with the 1/√k_L folded in
    let G = tf.mul(tf.mul(tf.reshape(c, [-1, 1]), tf.reshape(v, [1, kL])), D[L - 1]) as tf.Tensor2D; // n×k_L
    const gv = tf.reshape(tf.matMul(tf.reshape(c, [1, -1]), A[L - 1]), [-1]); // k_L
    const gWs: tf.Tensor[] = new Array<tf.Tensor>(L);
    for (let l = L - 1; l >= 1; l--) {
      gWs[l] = tf.mul(tf.matMul(tf.transpose(G), A[l - 1]), root[l - 1]); // k_{l+1}×k_l
      G = tf.mul(tf.matMul(G, Wsc[l]), D[l - 1]) as tf.Tensor2D;
    }
    gWs[0] = tf.transpose(tf.matMul(XbT, G)); // (Xᵀ G_1)ᵀ, k1×d
    return { sumR2: () => tf.sum(tf.square(r)), gWs, gv };
  };
}

/** HMC potential of the depth-L student: params [W_1 … W_L] (v fixed) or [W_1 … W_L, v] (v with prior N(0, 1)). */
export function deepPotential(
  data: ShallowData,
  sigmas: TfSigma[],
  widths: number[],
  delta: number,
  vFixed: tf.Tensor1D | null,
): ValueAndGrad {
  return gaussianPotential(data, deepResidual(sigmas, widths), widths.length, delta, vFixed);
}

/** Mean squared error of the depth-L student on a (mini-)batch and its gradient (ADAM). */
export function deepMse(
  data: ShallowData,
  sigmas: TfSigma[],
  widths: number[],
  vFixed: tf.Tensor1D | null,
  batch: () => Int32Array | null,
): ValueAndGrad {
  return mseLoss(data, deepResidual(sigmas, widths), widths.length, vFixed, batch);
}
