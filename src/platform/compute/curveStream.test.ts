import { describe, expect, it } from 'vitest';
import { streamCurve, sweepOrder, type StreamChunk } from './curveStream';

describe('sweepOrder', () => {
  it('upwards: every step-th index from 0 and the last one, then the rest ascending', () => {
    expect(sweepOrder(10, 4, 'up')).toEqual({ order: [0, 4, 8, 9, 1, 2, 3, 5, 6, 7], coarseCount: 4 });
  });
  it('downwards without the far end: every step-th index from the top, then the rest descending', () => {
    expect(sweepOrder(10, 5, 'down', false)).toEqual({ order: [9, 4, 8, 7, 6, 5, 3, 2, 1, 0], coarseCount: 2 });
  });
  it('a step of 1 is one coarse pass over the whole grid', () => {
    expect(sweepOrder(3, 1, 'up')).toEqual({ order: [0, 1, 2], coarseCount: 3 });
  });
});

function run(n: number, direction: 'up' | 'down', extra: { throwAt?: number; staleAfter?: number } = {}) {
  const chunks: StreamChunk<number>[] = [];
  const from: [number, number | null][] = [];
  let solves = 0;
  const result = streamCurve<number, number>({
    n,
    coarseStep: 3,
    direction,
    chunkMs: 0,
    now: () => 0,
    isStale: () => extra.staleAfter !== undefined && solves >= extra.staleAfter,
    solve: (i, f) => {
      solves++;
      if (i === extra.throwAt) throw new Error('no fixed point');
      from.push([i, f]);
      return i;
    },
    view: (s) => s * 10,
    emit: (c) => chunks.push(c),
  });
  return { result, chunks, from };
}

describe('streamCurve', () => {
  it('sends a quick coarse pass as one chunk (one redraw), then the fine pass every chunkMs', async () => {
    let clock = 0;
    const chunks: StreamChunk<number>[] = [];
    await streamCurve<number, number>({
      n: 25,
      coarseStep: 4, // 7 coarse points, the far end (24) among them
      direction: 'up',
      chunkMs: 30,
      now: () => clock,
      isStale: () => false,
      solve: (i) => ((clock += 10), i), // 10 ms a point: the coarse pass takes 70 ms < 4 × 30
      view: (s) => s,
      emit: (c) => chunks.push(c),
    });
    expect(chunks[0]).toMatchObject({ phase: 'coarse', spansRange: true });
    expect(chunks[0].indices).toEqual([0, 4, 8, 12, 16, 20, 24]);
    expect(chunks.slice(1).every((c) => c.phase === 'fine' && c.indices.length <= 3)).toBe(true);
    expect(chunks.at(-1)!.done).toBe(true);
  });

  it('solves every point once, each continued from its solved neighbour on the side the sweep comes from', async () => {
    const { result, chunks, from } = run(7, 'up');
    expect(await result).toEqual({ ok: true, points: [0, 10, 20, 30, 40, 50, 60] });
    expect(from).toEqual([
      [0, null],
      [3, 0],
      [6, 3],
      [1, 0],
      [2, 1],
      [4, 3],
      [5, 4],
    ]);
    const spans = chunks.findIndex((c) => c.spansRange);
    expect(chunks.slice(0, spans + 1).every((c) => c.phase === 'coarse')).toBe(true);
    expect(chunks.slice(spans + 1).every((c) => c.phase === 'fine' && c.spansRange)).toBe(true);
    expect(chunks.filter((c) => c.done)).toHaveLength(1);
    expect(chunks.at(-1)?.done).toBe(true);
    expect(chunks.flatMap((c) => c.points)).toEqual(chunks.flatMap((c) => c.indices).map((i) => i * 10));
  });

  it('downwards, the neighbour above', async () => {
    const { result, from } = run(5, 'down');
    await result;
    expect(from.slice(0, 3)).toEqual([
      [4, null],
      [1, 4],
      [0, 1],
    ]);
  });

  it('stops when superseded and reports the index where the solver failed', async () => {
    expect(await run(7, 'up', { staleAfter: 2 }).result).toEqual({ ok: false, stale: true });
    const failed = await run(7, 'up', { throwAt: 4 }).result;
    expect(failed).toMatchObject({ ok: false, index: 4, error: new Error('no fixed point') });
  });
});
