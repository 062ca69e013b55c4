import { describe, expect, it } from 'vitest';
import { chunkBatcher, mergeChunks, perFrame, type MergeableChunk } from './chunkBatch';

type C = MergeableChunk<number> & { phase: string };
const chunk = (gen: number, indices: number[], more: Partial<C> = {}): C => ({
  gen,
  indices,
  points: indices.map((i) => 10 * i),
  spansRange: false,
  done: false,
  phase: 'coarse',
  ...more,
});

/** A frame scheduler the test opens by hand. */
function manualFrames() {
  const queued: (() => void)[] = [];
  return {
    frame: (cb: () => void) => void queued.push(cb),
    tick: () => queued.splice(0).forEach((cb) => cb()),
  };
}

describe('mergeChunks', () => {
  it('keeps the first header, all points in order, and the later flags', () => {
    const m = mergeChunks(
      chunk(3, [0, 8], { header: 'h', spansRange: true }),
      chunk(3, [1, 2], { phase: 'fine', done: true }),
    );
    expect(m).toEqual({
      gen: 3,
      header: 'h',
      indices: [0, 8, 1, 2],
      points: [0, 80, 10, 20],
      spansRange: true,
      done: true,
      phase: 'fine',
    });
  });
});

describe('chunkBatcher', () => {
  it('delivers the first chunk at once and merges the rest of the frame into one delivery', () => {
    const f = manualFrames();
    const got: C[] = [];
    const b = chunkBatcher<number, C>((c) => got.push(c), f.frame);
    b.push(chunk(1, [0], { header: 'h' }));
    expect(got.map((c) => c.indices)).toEqual([[0]]);
    b.push(chunk(1, [4]));
    b.push(chunk(1, [8], { spansRange: true }));
    expect(got).toHaveLength(1); // waiting for the frame
    f.tick();
    expect(got).toHaveLength(2);
    expect(got[1]).toMatchObject({ indices: [4, 8], points: [40, 80], spansRange: true, header: undefined });
    // The window is closed: the next chunk goes through at once again.
    b.push(chunk(1, [1], { done: true }));
    expect(got).toHaveLength(3);
    expect(got[2].done).toBe(true);
  });

  it('never merges two generations, and flush delivers what waits', () => {
    const f = manualFrames();
    const got: C[] = [];
    const b = chunkBatcher<number, C>((c) => got.push(c), f.frame);
    b.push(chunk(1, [0], { header: 'a' }));
    b.push(chunk(1, [1]));
    b.push(chunk(2, [0], { header: 'b' }));
    expect(got.map((c) => [c.gen, c.indices])).toEqual([
      [1, [0]],
      [1, [1]],
    ]);
    b.push(chunk(2, [1], { done: true }));
    b.flush();
    expect(got[2]).toMatchObject({ gen: 2, header: 'b', indices: [0, 1], done: true });
    f.tick(); // nothing left for the frame
    expect(got).toHaveLength(3);
  });
});

describe('perFrame', () => {
  it('sends the first change at once, the later ones of that frame once on the next frame, nothing when quiet', () => {
    const frames: (() => void)[] = [];
    let sent = 0;
    const change = perFrame(
      () => sent++,
      (cb) => frames.push(cb),
    );
    change();
    expect(sent).toBe(1); // synchronously, before anything renders
    change();
    change();
    expect(sent).toBe(1);
    frames.shift()!(); // next frame: the two changes as one request, and a new frame opened for it
    expect(sent).toBe(2);
    frames.shift()!(); // a quiet frame
    expect(sent).toBe(2);
    expect(frames).toHaveLength(0);
    change(); // the next change goes out at once again
    expect(sent).toBe(3);
  });
});
