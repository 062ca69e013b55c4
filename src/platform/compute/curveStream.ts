// Coarse-to-fine streaming of a curve on a grid, for the worker services: first every `coarseStep`-th grid point
// (so the whole range can be drawn after a few ms), then the points in between, each continued from the solved
// point nearest to it on the side the sweep comes from. Chunks go out every `chunkMs` of compute (the coarse pass
// whole, unless it takes 4 × chunkMs), with an event-loop yield after each so that newer requests (a superseding
// generation) get delivered.
import { yieldToEventLoop } from './yield';

/** Which end the sweep starts from: the smallest grid index ('up') or the largest ('down'). */
export type SweepDirection = 'up' | 'down';

export interface SweepOrder {
  /** Grid indices in the order to solve them. */
  order: number[];
  /** The first `coarseCount` entries of `order` are the coarse pass. */
  coarseCount: number;
}

/**
 * The coarse pass takes the indices at a multiple of `step` from the starting end, plus the far end when
 * `withFarEnd`; the fine pass the rest, in the sweep's direction.
 */
export function sweepOrder(n: number, step: number, direction: SweepDirection, withFarEnd = true): SweepOrder {
  const at = (k: number) => (direction === 'up' ? k : n - 1 - k);
  const coarse = new Uint8Array(n);
  for (let k = 0; k < n; k += step) coarse[k] = 1;
  if (withFarEnd && n > 0) coarse[n - 1] = 1;
  const order: number[] = [];
  for (let k = 0; k < n; k++) if (coarse[k]) order.push(at(k));
  const coarseCount = order.length;
  for (let k = 0; k < n; k++) if (!coarse[k]) order.push(at(k));
  return { order, coarseCount };
}

export interface StreamChunk<P> {
  indices: number[];
  points: P[];
  phase: 'coarse' | 'fine';
  /** The coarse pass is complete: the whole range can be drawn. */
  spansRange: boolean;
  done: boolean;
}

export interface CurveStreamOptions<S, P> {
  n: number;
  coarseStep: number;
  direction: SweepDirection;
  /** Include the far end of the grid in the coarse pass (default true). */
  withFarEnd?: boolean;
  /** Compute time between chunks, ms. */
  chunkMs: number;
  now(): number;
  /** A newer request superseded this one: stop before the next point. */
  isStale(): boolean;
  /** Solves grid point i continued from `from` (null for the first point); may throw. */
  solve(i: number, from: S | null): S;
  /** What a chunk carries for a solved point. */
  view(s: S, i: number): P;
  emit(chunk: StreamChunk<P>): void;
}

export type StreamResult<P> =
  { ok: true; points: P[] } | { ok: false; stale: true } | { ok: false; stale?: false; error: unknown; index: number };

export async function streamCurve<S, P>(o: CurveStreamOptions<S, P>): Promise<StreamResult<P>> {
  const { order, coarseCount } = sweepOrder(o.n, Math.max(1, o.coarseStep), o.direction, o.withFarEnd ?? true);
  const back = o.direction === 'up' ? -1 : 1; // towards the side the sweep comes from
  const solved: (S | undefined)[] = new Array(o.n);
  const points: (P | undefined)[] = new Array(o.n);
  const from = (i: number): S | null => {
    for (let j = i + back; j >= 0 && j < o.n; j += back) if (solved[j] !== undefined) return solved[j] as S;
    return null;
  };
  let indices: number[] = [];
  let pts: P[] = [];
  let lastFlush = o.now();
  for (let k = 0; k < order.length; k++) {
    if (o.isStale()) return { ok: false, stale: true };
    const i = order[k];
    try {
      solved[i] = o.solve(i, from(i));
      points[i] = o.view(solved[i] as S, i);
    } catch (error) {
      return { ok: false, error, index: i };
    }
    indices.push(i);
    pts.push(points[i] as P);
    const done = k === order.length - 1;
    // The coarse pass goes out whole unless it is slow (4 chunk periods): each chunk is a redraw of the page, and a
    // partial coarse pass drawn first delayed the whole-range redraw behind it by that redraw.
    const period = k < coarseCount ? 4 * o.chunkMs : o.chunkMs;
    if (done || k === coarseCount - 1 || o.now() - lastFlush >= period) {
      o.emit({
        indices,
        points: pts,
        phase: k < coarseCount ? 'coarse' : 'fine',
        spansRange: k >= coarseCount - 1,
        done,
      });
      indices = [];
      pts = [];
      if (done) break;
      await yieldToEventLoop();
      lastFlush = o.now();
    }
  }
  return { ok: true, points: points as P[] };
}
