import { describe, expect, it } from 'vitest';
import { createGenerations } from './generations';

describe('worker-side generations', () => {
  it('a request is stale once a newer one of its channel arrived, by message or in shared memory', () => {
    const g = createGenerations(['curve', 'point']);
    g.note('curve', 3);
    expect(g.isStale('curve', 3)).toBe(false);
    g.supersede('curve', 4);
    expect(g.isStale('curve', 3)).toBe(true);
    expect(g.isStale('point', 1)).toBe(false); // channels are independent
    const shared = new Int32Array(new SharedArrayBuffer(8));
    g.attachGenerations(shared.buffer as SharedArrayBuffer);
    Atomics.store(shared, 1, 7); // the page bumped 'point' without a message
    expect(g.isStale('point', 6)).toBe(true);
    expect(g.isStale('point', 7)).toBe(false);
  });
});
