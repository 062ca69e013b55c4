import { describe, expect, it } from 'vitest';
import { proxy, wrap, type Endpoint } from 'comlink';
import { serve } from './serve';

describe('serve', () => {
  it('exposes a plain service; callbacks reach the page as it calls them, and results come back', async () => {
    const channel = new MessageChannel();
    serve(
      {
        async count(n: number, onStep: (i: number) => void) {
          for (let i = 1; i <= n; i++) onStep(i);
          return n * 2;
        },
        label: 'not a method',
      },
      channel.port2 as unknown as Endpoint,
    );
    const api = wrap<{ count(n: number, onStep: (i: number) => void): Promise<number> }>(
      channel.port1 as unknown as Endpoint,
    );
    const seen: number[] = [];
    expect(
      await api.count(
        3,
        proxy((i: number) => void seen.push(i)),
      ),
    ).toBe(6);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([1, 2, 3]);
    channel.port1.close();
  });
});
