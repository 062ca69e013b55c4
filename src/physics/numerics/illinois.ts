// The Illinois variant of false position (M. Dowell & P. Jarratt, BIT 11 (1971) 168): the secant through the
// bracket's ends, halving the stale end's value when the same end is kept twice, for superlinear convergence
// without derivatives. Used where each evaluation is a full solve and the function is smooth (mlp/phase.ts Δf = 0).

/** Root of f between a and b with f(a), f(b) of opposite signs (given: fa, fb), relative tolerance 1e−9. */
export function illinois(f: (x: number) => number, a: number, b: number, fa: number, fb: number): number {
  let side = 0;
  for (let it = 0; it < 80 && Math.abs(b - a) > 1e-9 * Math.abs(b); it++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (!Number.isFinite(fc)) return 0.5 * (a + b);
    if (fc === 0) return c;
    if (fc > 0 === fb > 0) {
      b = c;
      fb = fc;
      if (side === -1) fa *= 0.5;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side === 1) fb *= 0.5;
      side = 1;
    }
  }
  return (a * fb - b * fa) / (fb - fa);
}
