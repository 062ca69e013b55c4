// The L = 1 student in TensorFlow.js (float32): f_W(X) = σ(X Wᵀ/√d) v/√k, with explicit backward passes for
//   HMC:  U(W, v) = ‖W‖²/2 [+ ‖v‖²/2 when v is sampled] + ‖y − f(X)‖²/(2Δ)   (docs/physics/simulations.md §3)
//   ADAM: mean squared error over a (mini-)batch.
// The gradient works on the transposed pre-activations Hᵀ = W Xsᵀ (k×n, Xs = X/√d), Aᵀ = σ(Hᵀ), r = y − f and
// c = ∂loss/∂f = −s r (s = 1/Δ for U, 2/b for the MSE):
//   ∂/∂W = diag(v/√k) (σ'(Hᵀ) ⊙ c) Xs,   ∂/∂v = σ(Hᵀ) c/√k  (only formed when v is a parameter).
// Cost (docs/physics/simulations.md §7): tfjs-wasm hands a matmul's right operand to XNNPACK as packed "weights",
// cached on the tensor's id, and runs a product with a transpose flag through a plain loop (7–20× slower on a big
// operand). In the k×n layout both big products, W·Xsᵀ and (σ' ⊙ c)·Xs, have a stored data matrix on the right,
// packed once per run, where the former n×k layout repacked the fresh n×k matrix G on every gradient (best
// gradient 2.6 → 1.5 ms at d = 40). f = (v/√k)ᵀ σ(Hᵀ) takes the plain loop on its transposed k×1 operand
// (k·n flops), cheaper than packing σ(Hᵀ). Gradient-only calls skip U (HMC's inner leapfrog steps).
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
  /** Host copies of Xs (row-major) and y, from which mini-batches are gathered (`batchRows`). */
  xsHost: Float32Array;
  yHost: Float32Array;
  n: number;
  d: number;
  k: number;
}

/**
 * Objective value and its gradients with respect to each parameter tensor (all new tensors); `gradients`, where
 * given, returns the same gradients without forming the value (HMC's inner leapfrog steps read no U).
 */
export type ValueAndGrad = ((params: tf.Tensor[]) => { value: tf.Scalar; grads: tf.Tensor[] }) & {
  gradients?: (params: tf.Tensor[]) => tf.Tensor[];
};

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
  const yHost = Float32Array.from(y);
  return {
    Xs: tf.tensor2d(xs, [n, d]),
    XsT: tf.tensor2d(xt, [d, n]),
    y: tf.tensor1d(yHost),
    xsHost: xs,
    yHost,
    n,
    d,
    k,
  };
}

/**
 * Rows `idx` of Xs, Xsᵀ and y, copied on the host (the same float32 numbers as tf.gather, which in tfjs-wasm took
 * 4–7 ms for 1600 rows of 40 numbers, d = 40 at a ¼ batch: more than a full-batch gradient).
 */
export function batchRows(data: ShallowData, idx: Int32Array): { Xb: tf.Tensor2D; XbT: tf.Tensor2D; yb: tf.Tensor1D } {
  const { n, d, xsHost } = data;
  const b = idx.length;
  const xb = new Float32Array(b * d);
  const xbt = new Float32Array(b * d);
  const yb = new Float32Array(b);
  idx.forEach((m, i) => {
    if (!(m >= 0 && m < n)) throw new Error(`mini-batch row ${m} is outside 0…${n - 1}`);
    const row = xsHost.subarray(m * d, m * d + d);
    xb.set(row, i * d);
    for (let a = 0; a < d; a++) xbt[a * b + i] = row[a];
    yb[i] = data.yHost[m];
  });
  return { Xb: tf.tensor2d(xb, [b, d]), XbT: tf.tensor2d(xbt, [d, b]), yb: tf.tensor1d(yb) };
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
 * Σ r² (formed only when `sumR2` is called) and the gradients of (scale/2) Σ r² on the rows (Xb, yb) (XbT = Xbᵀ)
 * with respect to the weight matrices `Ws` ([W] here; [W1, W2] for the L = 2 student) and the readouts v. Call
 * inside tf.tidy (and `sumR2` inside the same one).
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
  /** Whether (Xb, XbT) are the stored data tensors (true, the default) rather than gathered mini-batch rows. */
  stored?: boolean,
) => { sumR2: () => tf.Tensor; gWs: tf.Tensor[]; gv: tf.Tensor | null };

/**
 * The L = 1 residual: gW (k×d) and gv (k). On the stored rows (HMC, full-batch ADAM) in the k×n layout of the
 * header; on gathered mini-batch rows in the n×k layout: there Xb and Xbᵀ are fresh tensors, which the k×n layout
 * would have XNNPACK pack on every call (b·d numbers each) where the n×k one packs only G (b·k).
 */
function shallowResidual(sigma: TfSigma, k: number): ResidualGrads {
  const rootK = Math.sqrt(k);
  return (Xb, XbT, yb, Ws, v, scale, wantV = true, stored = true) => {
    const W = Ws[0] as tf.Tensor2D;
    const vs = tf.reshape(tf.mul(v, 1 / rootK), [k, 1]); // v/√k
    // ∂/∂W = diag(v/√k) (c ⊙ σ'(H))ᵀ Xs with c = −scale·r: the factor −scale·v/√k scales the small k×d product.
    const cv = tf.reshape(tf.mul(v, -scale / rootK), [k, 1]);
    let r: tf.Tensor; // y − f (n)
    let gW: tf.Tensor;
    let Atr: () => tf.Tensor; // σ(H)ᵀ r (k×1)
    if (stored) {
      const { s: At, ds: Dt } = sigma(tf.matMul(W, XbT)); // σ(Hᵀ), σ'(Hᵀ): k×n
      // f = (v/√k)ᵀ σ(Hᵀ): the small operand transposed (tfjs-wasm's plain loop, k·n flops), not σ(Hᵀ) packed.
      r = tf.sub(yb, tf.reshape(tf.matMul(vs, At as tf.Tensor2D, true), [-1]));
      gW = tf.mul(tf.matMul(tf.mul(Dt, r) as tf.Tensor2D, Xb), cv);
      Atr = () => tf.matMul(At as tf.Tensor2D, tf.reshape(r, [-1, 1]));
    } else {
      const { s: A, ds: D } = sigma(tf.matMul(Xb, tf.transpose(W))); // σ(H), σ'(H): n×k
      r = tf.sub(yb, tf.reshape(tf.matMul(A as tf.Tensor2D, vs), [-1]));
      gW = tf.mul(tf.transpose(tf.matMul(XbT, tf.mul(tf.reshape(r, [-1, 1]), D) as tf.Tensor2D)), cv);
      Atr = () => tf.matMul(tf.reshape(r, [1, -1]), A as tf.Tensor2D);
    }
    const gv = wantV ? tf.reshape(tf.mul(Atr(), -scale / rootK), [-1]) : null;
    return { sumR2: () => tf.sum(tf.square(r)), gWs: [gW], gv };
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
  // Call inside tf.tidy; the value (a closure over the same tidy) is formed only when called.
  const evaluate = (params: tf.Tensor[]) => {
    const Ws = params.slice(0, layers);
    const v = vFixed ?? params[layers];
    const { sumR2, gWs, gv } = residual(data.Xs, data.XsT, data.y, Ws, v, 1 / delta, !vFixed);
    const grads = Ws.map((W, l) => tf.add(gWs[l], W));
    if (!vFixed) grads.push(tf.add(gv!, v));
    const value = () => {
      // Same float32 summation order as before the L = 2 student existed (priors of W first), so seeded runs repeat.
      const prior = Ws.map((W) => tf.mul(tf.sum(tf.square(W)), 0.5)).reduce((a, b) => tf.add(a, b));
      const U = tf.add(prior, tf.mul(sumR2(), 0.5 / delta));
      return (vFixed ? U : tf.add(U, tf.mul(tf.sum(tf.square(v)), 0.5))) as tf.Scalar;
    };
    return { value, grads };
  };
  const vg: ValueAndGrad = (params) =>
    tf.tidy(() => {
      const { value, grads } = evaluate(params);
      return { value: value(), grads };
    });
  vg.gradients = (params) => tf.tidy(() => evaluate(params).grads);
  return vg;
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
      const { Xb, XbT, yb } = idx ? batchRows(data, idx) : { Xb: data.Xs, XbT: data.XsT, yb: data.y };
      const b = idx ? idx.length : data.n;
      const { sumR2, gWs, gv } = residual(Xb, XbT, yb, Ws, v, 2 / b, !vFixed, !idx);
      const grads: tf.Tensor[] = [...gWs];
      if (!vFixed) grads.push(gv!);
      return { value: tf.div(sumR2(), b) as tf.Scalar, grads };
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
