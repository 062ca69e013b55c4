// Effective readout of a first-layer neuron, s = W⁽²⁾ᵀv/√k2 ~ N(0, 1) (CLT; docs/physics/mlp-deep.md §2):
// the authors' grid of equispaced points on [−L, L] with normalised Gaussian weights, rescaled so that E s² = 1
// exactly (ε is first-order sensitive to E[s² g(Q1(s))], as to E v² in the shallow case). The equations see s
// only through s², so ±s are folded into one class.

export interface SGrid {
  s: Float64Array; // |s| of the folded classes, ascending
  s2: Float64Array;
  p: Float64Array; // class probabilities, Σ p = 1, Σ p s² = 1
}

export function effectiveReadoutGrid(n = 100, L = 5): SGrid {
  const pts: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = -L + (2 * L * i) / (n - 1);
    pts.push(s);
    w.push(Math.exp(-0.5 * s * s));
  }
  const Z = w.reduce((a, b) => a + b, 0);
  let m2 = 0;
  for (let i = 0; i < n; i++) m2 += (w[i] / Z) * pts[i] * pts[i];
  const scale = 1 / Math.sqrt(m2);
  // Fold ±s (and keep s = 0 alone when n is odd).
  const classes = new Map<string, { s: number; p: number }>();
  for (let i = 0; i < n; i++) {
    const a = Math.abs(pts[i]) * scale;
    const key = a.toPrecision(12);
    const c = classes.get(key);
    if (c) c.p += w[i] / Z;
    else classes.set(key, { s: a, p: w[i] / Z });
  }
  const list = [...classes.values()].sort((a, b) => a.s - b.s);
  return {
    s: Float64Array.from(list, (c) => c.s),
    s2: Float64Array.from(list, (c) => c.s * c.s),
    p: Float64Array.from(list, (c) => c.p),
  };
}
