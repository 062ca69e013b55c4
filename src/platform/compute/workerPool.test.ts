import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from './outcome';
import { fakeFactory, never } from './testing/fakeWorker';
import { WorkerPool } from './workerPool';

interface Api {
  work(x: number): Promise<Outcome<number>>;
  supersede(channel: string, gen: number): void;
}

let pools: WorkerPool<Api>[] = [];
afterEach(() => {
  pools.forEach((p) => p.dispose());
  pools = [];
});

describe('WorkerPool', () => {
  it('restarts only the member that crashed, failing its call, while the others answer', async () => {
    const superseded: [number, string, number][] = [];
    const { factory, workers } = fakeFactory((n): Api => ({
      work: (x) => (n === 1 ? never() : Promise.resolve({ ok: true, value: x * 10 })),
      supersede: (ch, g) => void superseded.push([n, ch, g]),
    }));
    const crashes: [string, number][] = [];
    const pool = new WorkerPool<Api>({
      size: 3,
      name: 'row',
      factory,
      channels: ['rows'],
      onCrash: (m, i) => crashes.push([m, i]),
    });
    pools.push(pool);
    const gen = pool.nextGeneration('rows');
    const calls = pool.members.map((m, i) => m.call((api) => api.work(i), { channel: 'rows', gen }));
    await vi.waitFor(() => expect(superseded).toHaveLength(3)); // every member heard of the new generation
    workers[1].crash('boom');
    expect(await Promise.all(calls)).toEqual([
      { ok: true, value: 0 },
      { ok: false, error: { kind: 'worker', message: expect.stringContaining('boom') } },
      { ok: true, value: 20 },
    ]);
    expect(crashes).toEqual([[expect.stringContaining('row worker crashed: boom'), 1]]);
    expect(workers.map((w) => w.terminated)).toEqual([false, true, false, false]);
    expect(pool.isCurrent('rows', gen)).toBe(true);
    expect(pool.isCurrent('rows', pool.nextGeneration('rows') - 1)).toBe(false);
  });
});
