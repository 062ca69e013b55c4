// The project's one seeded PRNG, for everything random in a simulation or a finite-size run (teacher, data,
// initialisation, momenta, accept/reject), so that the same parameters and seed reproduce the same run. tfjs has
// no global seed: every random array is drawn here in float64 and handed to tfjs.
//
// xoshiro128** (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47 (2021) 36,
// arXiv:1805.01407) on four 32-bit words, seeded by splitmix32; uniforms carry 53 bits (two draws). Normals by
// Box–Muller, trigonometric (default) or polar (Marsaglia; the two-layer runs were seeded with it, kept so that
// their seeded results stay the same), both values used. Named streams: Rng.stream(seed, name, …index) gives
// each sub-task its own generator, independent of how many numbers the others draw.

/** splitmix32 step: spreads a small integer seed over the 128-bit state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** FNV-1a hash of a stream name (32 bits). */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Seeds are the integers 0 … 2³² − 1: the constructor folds a seed into 32 bits, so these (and only these) give
 *  distinct runs; a float, a negative or a larger seed would silently repeat another run (issue 21). */
export const SEED_MAX = 4294967295;
export const isSeed = (x: number): boolean => Number.isInteger(x) && x >= 0 && x <= SEED_MAX;

export type NormalMethod = 'box-muller' | 'polar';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN; // second normal of the last pair

  constructor(
    seed: number,
    private readonly normals_: NormalMethod = 'box-muller',
  ) {
    if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
    // Fold a float seed (or a large integer) into 32 bits without losing its high part.
    const st = { s: (Math.trunc(seed) ^ Math.trunc(seed / 4294967296)) | 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The stream `name` (with optional indices, e.g. α index and repetition) of the run seeded by `seed`. */
  static stream(seed: number, name: string, ...index: number[]): Rng {
    const st = { s: (Math.trunc(seed) ^ nameHash(name)) | 0 };
    let s = splitmix32(st);
    for (const i of index) {
      st.s = (s ^ Math.imul(i | 0, 0x9e3779b1)) | 0;
      s = splitmix32(st);
    }
    return new Rng(s);
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Standard normal N(0, 1). */
  normal(): number {
    if (this.spare === this.spare) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    return this.normals_ === 'polar' ? this.polarPair() : this.boxMullerPair();
  }

  /** Box–Muller: r(cos, sin)(2πv) with r = √(−2 ln u); returns the first, keeps the second. */
  private boxMullerPair(): number {
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Marsaglia's polar method: (u, v) uniform in the unit disc, both scaled by √(−2 ln s / s). */
  private polarPair(): number {
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** An array of n iid N(0, 1). */
  normals(n: number): Float64Array {
    return this.fillNormal(new Float64Array(n));
  }

  /** Fills `a` with iid N(0, 1) and returns it. */
  fillNormal(a: Float64Array): Float64Array {
    for (let i = 0; i < a.length; i++) a[i] = this.normal();
    return a;
  }

  /** Integer uniform in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** ±1 with probability 1/2 each. */
  sign(): number {
    return this.nextUint32() & 1 ? 1 : -1;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T extends { length: number; [i: number]: number }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
    return arr;
  }
}
