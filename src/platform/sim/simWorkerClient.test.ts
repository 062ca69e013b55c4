// A simulation worker that dies or stops sending progress ends its run with a runtime error and a message; a
// paused run may stay silent; the next run starts a fresh worker (which measures its backend again).
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIM } from '../../sim/simulation';
import { fakeFactory, never, tick } from '../compute/testing/fakeWorker';
import type { BackendInfo, RunRequest, SimEvent, SimWorkerApi } from './protocol';
import { createSimWorkerClient } from './simWorkerClient';

const info = { backend: 'cpu', failed: [] } as unknown as BackendInfo;
const req = (id: number, paused = false): RunRequest => ({ id, config: DEFAULT_SIM, speed: 0, paused, stream: true });

function setup(first: Partial<SimWorkerApi>, watchdogMs = 80) {
  const crashes: string[] = [];
  const backends: BackendInfo[] = [];
  const { factory, workers } = fakeFactory((n): Partial<SimWorkerApi> => ({
    init: async () => info,
    control: () => {},
    run: async (r, onEvent) => {
      onEvent({ type: 'progress', id: r.id, rows: [], stepsPerSecond: 1, gradientsPerSecond: null });
      return { ok: true, id: r.id, summary: {} as never, cancelled: false };
    },
    ...(n === 0 ? first : {}),
  }));
  const client = createSimWorkerClient(
    { onBackend: (b) => backends.push(b), onMessage: () => {}, onCrash: (m) => crashes.push(m) },
    { factory, watchdogMs, forced: null },
  );
  return { client, crashes, backends, workers };
}

describe('simulation worker client', () => {
  it('a dead worker ends the run with a message, and the next run works on a fresh worker', async () => {
    const { client, crashes, backends, workers } = setup({ run: () => never() }, 30_000);
    const run = client.api().run(req(1), () => {});
    await client.ready();
    await tick();
    workers[0].crash('Error: WebGL context lost for good');
    expect(await run).toMatchObject({
      ok: false,
      id: 1,
      kind: 'runtime',
      message: expect.stringContaining('context lost for good'),
    });
    expect(crashes[0]).toContain('The rest of the page is unaffected');
    expect(client.current()).toBeNull();
    const events: SimEvent[] = [];
    expect(await client.api().run(req(2), (e) => events.push(e))).toMatchObject({ ok: true, id: 2 });
    expect(events).toHaveLength(1);
    expect(workers).toHaveLength(2);
    expect(backends).toHaveLength(2);
  });

  it('a run with no progress past the watchdog counts as stuck; a paused one does not until it resumes', async () => {
    const { client, crashes } = setup({ run: () => never() });
    const paused = client.api().run(req(1, true), () => {});
    await tick(200);
    expect(crashes).toEqual([]);
    client.current()?.control(1, 'resume');
    expect(await paused).toMatchObject({
      ok: false,
      kind: 'runtime',
      message: expect.stringContaining('stopped responding'),
    });
    await vi.waitFor(() => expect(crashes).toHaveLength(1));
    expect(await client.api().run(req(2), () => {})).toMatchObject({ ok: true });
  });
});
