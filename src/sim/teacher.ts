// Teacher, data and float64 predictions of the L = 1 network y = v·σ(W x/√d)/√k + √Δ z
// (docs/physics/mlp-shallow.md §1, docs/physics/simulations.md §1). Everything random is drawn from the one seeded Rng.
// A network is a list of dense layers plus a readout; the deep teachers of arXiv 2510.24616 (docs/physics/mlp-deep.md
// §1, L = 2: y = v·σ2(W2 σ1(W1 x/√d)/√k1)/√k2 + √Δ z, and any depth L alike) reuse the data and error code:
// `predict` runs the layers in order, with one σ per layer when given a list.

import type { Activation } from '../physics/activations';
import { readoutAtoms } from '../physics/priors';
import type { ReadoutLaw, WeightPrior } from '../physics/types';
import type { Rng } from '../physics/numerics/rng';

/** Dense layer h ↦ σ(W h/√fanIn), W of shape rows×cols (rows = units, cols = fan-in), row-major. */
export interface Layer {
  W: Float64Array;
  rows: number;
  cols: number;
}

/** An MLP with readout v: f(x) = v·h_L/√k_L, h_l = σ_l(W_l h_{l−1}/√k_{l−1}), h_0 = x, k_0 = d. */
export interface Network {
  layers: Layer[];
  v: Float64Array;
}

/** Draws iid weights from P_W (Gaussian N(0,1) or Rademacher ±1). */
export function sampleWeights(prior: WeightPrior, n: number, rng: Rng): Float64Array {
  const out = new Float64Array(n);
  if (prior === 'gaussian') for (let i = 0; i < n; i++) out[i] = rng.normal();
  else for (let i = 0; i < n; i++) out[i] = rng.uniform() < 0.5 ? -1 : 1;
  return out;
}

/**
 * Teacher readouts v⁰ for a law P_v, with E v² = 1. As in the papers: continuous laws use sorted quantiles
 * renormalised to ‖v‖² = k (low variance across teachers); discrete laws use exact proportions, the
 * remainder drawn at random.
 */
export function sampleReadouts(law: ReadoutLaw, k: number, rng: Rng): Float64Array {
  const v = new Float64Array(k);
  switch (law) {
    case 'ones':
      v.fill(1);
      return v;
    case 'gauss':
      // Equal-mass quantile midpoints rescaled to E v² = 1: the same discretisation as the theory's atoms.
      return Float64Array.from(readoutAtoms('gauss', k).v);
    case 'unif': {
      let m2 = 0;
      for (let i = 0; i < k; i++) {
        v[i] = Math.sqrt(3) * ((2 * (i + 0.5)) / k - 1);
        m2 += v[i] * v[i];
      }
      const s = Math.sqrt(k / m2);
      for (let i = 0; i < k; i++) v[i] *= s;
      return v;
    }
    case 'rad':
    case '4point': {
      const atoms = law === 'rad' ? [-1, 1] : [-3, -1, 1, 3].map((x) => x / Math.sqrt(5));
      const m = atoms.length;
      const per = Math.floor(k / m);
      const vals: number[] = [];
      for (const a of atoms) for (let i = 0; i < per; i++) vals.push(a);
      while (vals.length < k) vals.push(atoms[rng.int(m)]);
      vals.sort((a, b) => a - b);
      return Float64Array.from(vals);
    }
  }
}

export interface TeacherSpec {
  d: number;
  k: number;
  /** Widths k_2 … k_L of the deeper hidden layers (L ≥ 2); absent for L = 1. */
  deeper?: number[];
  readout: ReadoutLaw;
  weights: WeightPrior;
}

/** The teacher: W1⁰ (k×d), then W_l⁰ (k_l × k_{l−1}) layer by layer from P_W, then v⁰ from P_v (the L = 1 and L = 2
 * draws are those of the one- and two-layer teachers before any depth existed). */
export function sampleTeacher(spec: TeacherSpec, rng: Rng): Network {
  const W = sampleWeights(spec.weights, spec.k * spec.d, rng);
  const layers: Layer[] = [{ W, rows: spec.k, cols: spec.d }];
  for (const k of spec.deeper ?? []) {
    const cols = layers[layers.length - 1].rows;
    layers.push({ W: sampleWeights(spec.weights, k * cols, rng), rows: k, cols });
  }
  const v = sampleReadouts(spec.readout, layers[layers.length - 1].rows, rng);
  return { layers, v };
}

/** σ of each layer: one function for all, or one per layer. */
export type LayerSigma = ((x: number) => number) | ((x: number) => number)[];

/** n inputs x ~ N(0, I_d), row-major n×d. */
export function sampleInputs(n: number, d: number, rng: Rng): Float64Array {
  return rng.normals(n * d);
}

/** f(X) for n rows of X in float64. */
export function predict(net: Network, sigma: LayerSigma, X: Float64Array, n: number): Float64Array {
  let h = X;
  let width = net.layers[0].cols;
  for (const [l, layer] of net.layers.entries()) {
    const sig = typeof sigma === 'function' ? sigma : sigma[l];
    const { W, rows, cols } = layer;
    if (cols !== width) throw new Error(`layer fan-in ${cols} does not match width ${width}`);
    const out = new Float64Array(n * rows);
    const s = 1 / Math.sqrt(cols);
    for (let mu = 0; mu < n; mu++) {
      const xo = mu * cols;
      for (let i = 0; i < rows; i++) {
        const wo = i * cols;
        let acc = 0;
        for (let a = 0; a < cols; a++) acc += W[wo + a] * h[xo + a];
        out[mu * rows + i] = sig(acc * s);
      }
    }
    h = out;
    width = rows;
  }
  const { v } = net;
  const y = new Float64Array(n);
  const s = 1 / Math.sqrt(width);
  for (let mu = 0; mu < n; mu++) {
    let acc = 0;
    for (let i = 0; i < width; i++) acc += v[i] * h[mu * width + i];
    y[mu] = acc * s;
  }
  return y;
}

/** A data set: inputs, noisy labels and the noiseless teacher outputs. */
export interface Dataset {
  n: number;
  d: number;
  X: Float64Array;
  y: Float64Array;
  clean: Float64Array;
}

/** n samples y = f⁰(x) + √Δ z (`act`: one activation for every layer, or one per layer). */
export function sampleDataset(
  teacher: Network,
  act: Activation | Activation[],
  n: number,
  delta: number,
  rng: Rng,
): Dataset {
  const d = teacher.layers[0].cols;
  const X = sampleInputs(n, d, rng);
  const clean = predict(teacher, Array.isArray(act) ? act.map((a) => a.sigma) : act.sigma, X, n);
  const y = new Float64Array(n);
  const sd = Math.sqrt(delta);
  for (let i = 0; i < n; i++) y[i] = clean[i] + sd * rng.normal();
  return { n, d, X, y, clean };
}

/** Mean squared difference (test error against the noiseless teacher). */
export function meanSquaredError(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const e = a[i] - b[i];
    s += e * e;
  }
  return s / a.length;
}
