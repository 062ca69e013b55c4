// The normal law: density φ, Φ, and erf / erfc by W. J. Cody's rational Chebyshev approximations
// (Math. Comp. 23 (1969) 631, netlib specfun CALERF), relative error ≲ 1e−16 (erfc to 1e−15), Φ accurate in
// relative terms in the lower tail.

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

// ---------------------------------------------------------------------------------------------
// erf / erfc: W. J. Cody, "Rational Chebyshev approximations for the error function",
// Math. Comp. 23 (1969) 631–637 (netlib specfun CALERF), relative error ≲ 1e−16 (erfc to 1e−15).
const A = [3.1611237438705656, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.635138197400131, 881.952221241769, 1712.0476126340707,
  2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247,
  3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 6.587491615298378e-4,
  0.016315387137302097,
];
const Q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];
const INV_SQRT_PI = 0.5641895835477563; // 1/√π

/** erfc(y) for y > 0.46875, without cancellation (Cody's two outer ranges). */
function erfcLarge(y: number): number {
  let r: number;
  if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    r = (num + C[7]) / (den + D[7]);
  } else {
    if (y >= 26.6) return 0; // erfc underflows
    const ysq = 1 / (y * y);
    let num = P[5] * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * ysq;
      den = (den + Q[i]) * ysq;
    }
    r = (ysq * (num + P[4])) / (den + Q[4]);
    r = (INV_SQRT_PI - r) / y;
  }
  // e^{−y²} split as e^{−t²}·e^{−(y−t)(y+t)}, t = y rounded to 1/16, to keep full relative precision.
  const t = Math.trunc(y * 16) / 16;
  return Math.exp(-t * t) * Math.exp(-(y - t) * (y + t)) * r;
}

/** Small-argument erf(x) for |x| ≤ 0.46875. */
function erfSmall(x: number): number {
  const ysq = x * x;
  let num = A[4] * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * ysq;
    den = (den + B[i]) * ysq;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  if (!(y === y)) return NaN;
  const r = 0.5 - erfcLarge(y) + 0.5;
  return x < 0 ? -r : r;
}

export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  if (!(y === y)) return NaN;
  const r = erfcLarge(y);
  return x < 0 ? 2 - r : r;
}

/** Φ(x) = P(z ≤ x), accurate in relative terms in the lower tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}
