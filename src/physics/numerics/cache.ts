// Memo of expensive, deterministic builds (quadrature rules, spectral and moment tables, denoisers, models) by
// key: a value is built once and shared; a bounded memo drops its oldest entry first. The values are pure
// functions of their key, so a cache changes speed and memory only, never a number.

export class Memo<K, V> {
  private readonly map = new Map<K, V>();

  /** Keeps at most `max` entries (the oldest goes first). */
  constructor(private readonly max = Infinity) {}

  /** The value for `key`, built by `build(key)` on a miss (a throwing build caches nothing). */
  get(key: K, build: (key: K) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = build(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
    return value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  get size(): number {
    return this.map.size;
  }

  /** Forget everything (cold-start benchmarks). */
  clear(): void {
    this.map.clear();
  }
}
