// The nested replica-symmetric theory of the L-layer MLP under hypothesis H3 (arXiv 2510.24616;
// docs/physics/mlp-any-depth.md "Equations"), in the logits x_l = ln(q_l/(1 − q_l)) of the layer overlaps
// (layer 1 on the input side), so that 1 − q_l ≈ 1e−6 keeps its digits:
//   G_0 = 1, Q_l = q_l G_{l−1}, G_l = g_l(Q_l), K = G_L, ε = 1 − K, D = Δ + ε,
//   f = −½ ln(2πe D) + Σ_l (w_l/2α) [q_l + ln(1 − q_l)],  w_l = γ_l γ_{l−1} (γ_0 = 1),
//   ∂_l K = G_{l−1} Π_{m=l..L} g_m'(Q_m) Π_{m=l+1..L} q_m,
// and ∂f = 0 reads x_l = ln α + h_l(x) with h_l = ln(∂_l K/(w_l D)) (q̂_l = q_l/(1 − q_l) = (α/w_l) ∂_l K/D).
import type { LayerG } from './gTrapezoid';

export interface NestedModel {
  layers: LayerG[]; // input side first
  weights: number[]; // w_l = γ_l γ_{l−1}
  delta: number; // Δ
}

const LN_2PI_E = Math.log(2 * Math.PI * Math.E);

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** ln(1 − σ(x)) = −softplus(x), without cancellation. */
function logOneMinus(x: number): number {
  return -(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
}

/** K and the ε it gives at logits x. */
export function errorAt(m: NestedModel, x: readonly number[]): number {
  let G = 1;
  for (let l = 0; l < m.layers.length; l++) G = m.layers[l].g(sigmoid(x[l]) * G);
  return 1 - G;
}

/** h_l(x) = ln(∂_l K/(w_l D)) for every layer; null where some ∂_l K vanishes (q̂_l = 0: that layer collapses). */
export function logHats(m: NestedModel, x: readonly number[]): number[] | null {
  const L = m.layers.length;
  const q = x.map(sigmoid);
  const Gprev = new Array<number>(L); // G_{l−1}
  const gp = new Array<number>(L); // g_l'(Q_l)
  let G = 1;
  for (let l = 0; l < L; l++) {
    Gprev[l] = G;
    const Q = q[l] * G;
    gp[l] = m.layers[l].gPrime(Q);
    G = m.layers[l].g(Q);
  }
  const D = m.delta + 1 - G;
  const h = new Array<number>(L);
  let B = 1; // Π_{m>l} q_m g_m'(Q_m)
  for (let l = L - 1; l >= 0; l--) {
    const dK = Gprev[l] * gp[l] * B;
    if (!(dK > 0)) return null;
    h[l] = Math.log(dK / (m.weights[l] * D));
    B *= q[l] * gp[l];
  }
  return h;
}

/** Free entropy f at logits x (larger wins). */
export function freeEntropy(m: NestedModel, alpha: number, x: readonly number[]): number {
  let s = 0;
  for (let l = 0; l < x.length; l++) s += m.weights[l] * (sigmoid(x[l]) + logOneMinus(x[l]));
  return -0.5 * (LN_2PI_E + Math.log(m.delta + errorAt(m, x))) + s / (2 * alpha);
}

/** f of the uninformative point q = 0 (ε = 1), the same at every α. */
export function freeEntropyUninformative(delta: number): number {
  return -0.5 * (LN_2PI_E + Math.log(delta + 1));
}

/** The fixed-point residual x_l − ln α − h_l(x) (null where h is undefined). */
export function fixedPointResidual(m: NestedModel, alpha: number, x: readonly number[]): number[] | null {
  const h = logHats(m, x);
  if (!h) return null;
  const la = Math.log(alpha);
  return x.map((xl, l) => xl - la - h[l]);
}
