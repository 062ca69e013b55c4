// The two-layer simulations' generator: the project's xoshiro128** (src/sim/rng.ts), with polar Box–Muller
// normals, which the two-layer runs were seeded with (kept so that their seeded results stay the same).
import { Rng as Xoshiro } from '../../sim/rng';

export class Rng extends Xoshiro {
  private polarSpare = NaN;

  constructor(seed: number) {
    super(seed >>> 0); // any number → a 32-bit seed, as before (the base refuses non-finite seeds)
  }

  /** Next 32-bit unsigned integer. */
  uint32(): number {
    return this.nextUint32();
  }

  /** N(0, 1) by the polar Box–Muller method (both values used). */
  override normal(): number {
    if (!Number.isNaN(this.polarSpare)) {
      const v = this.polarSpare;
      this.polarSpare = NaN;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.polarSpare = v * f;
    return u * f;
  }

  /** ±1 with probability 1/2 each. */
  sign(): number {
    return this.nextUint32() & 1 ? 1 : -1;
  }

  fillNormal(a: Float64Array): Float64Array {
    for (let i = 0; i < a.length; i++) a[i] = this.normal();
    return a;
  }
}
