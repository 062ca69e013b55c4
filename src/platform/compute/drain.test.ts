// drainInBatches: every value once, in order, in batches and a rest; the generator's return value; null when the
// request went stale between batches. chunkMs −1 makes every value a batch and Infinity none, so nothing is timed.
import { describe, expect, it } from 'vitest';
import { drainInBatches } from './drain';

function* count(n: number): Generator<number, string> {
  for (let i = 0; i < n; i++) yield i;
  return 'done';
}
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('drainInBatches', () => {
  it('hands every value over once, in order, and returns the generator’s value', async () => {
    const batches: number[][] = [];
    const r = await drainInBatches(
      count(5),
      (b) => batches.push(b),
      () => false,
      -1,
    );
    expect(batches).toEqual(upTo(5).map((i) => [i]));
    expect(r).toEqual({ value: 'done', all: upTo(5), rest: [] });
    const none: number[][] = [];
    expect(
      await drainInBatches(
        count(5),
        (b) => none.push(b),
        () => false,
        Infinity,
      ),
    ).toEqual({
      value: 'done',
      all: upTo(5),
      rest: upTo(5),
    });
    expect(none).toEqual([]);
  });

  it('stops at the first batch boundary after the request went stale', async () => {
    const batches: number[][] = [];
    expect(
      await drainInBatches(
        count(5),
        (b) => batches.push(b),
        () => batches.length >= 2,
        -1,
      ),
    ).toBeNull();
    expect(batches).toEqual([[0], [1]]);
  });
});
