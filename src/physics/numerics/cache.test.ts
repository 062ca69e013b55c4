import { describe, expect, it } from 'vitest';
import { Memo } from './cache';

describe('Memo', () => {
  it('builds once per key and returns the same object after', () => {
    let builds = 0;
    const m = new Memo<string, { n: number }>();
    const a = m.get('a', () => ({ n: ++builds }));
    expect(m.get('a', () => ({ n: ++builds }))).toBe(a);
    expect(builds).toBe(1);
    expect(m.get('b', (k) => ({ n: k.length }))).toEqual({ n: 1 });
    expect(m.size).toBe(2);
  });

  it('a bounded memo drops its oldest entry; clear empties it; a failing build caches nothing', () => {
    const m = new Memo<number, number>(2);
    for (const k of [1, 2, 3]) m.get(k, (x) => x * x);
    expect(m.size).toBe(2);
    let rebuilt = false;
    m.get(1, (x) => ((rebuilt = true), x));
    expect(rebuilt).toBe(true); // 1 was the oldest
    expect(() =>
      m.get(9, () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(m.size).toBe(2);
    m.clear();
    expect(m.size).toBe(0);
  });
});
