// The worker side of comlink for every service: one line in each workers/<id>.worker.ts.
import { expose, releaseProxy, type Endpoint, type Remote } from 'comlink';

type Callback = (x: unknown) => void;

/**
 * Exposes a plain service to the page. Callback arguments arrive as comlink proxies: the service sees plain
 * functions that post without waiting for the page, and each proxy's port is released when its call ends.
 */
export function serve(service: object, endpoint?: Endpoint): void {
  const api: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(service)) {
    if (typeof member !== 'function') continue;
    api[name] = async (...args: unknown[]) => {
      const remotes = args.filter((a) => typeof a === 'function') as Remote<Callback>[];
      const plain = args.map((a) => (typeof a === 'function' ? (x: unknown) => void (a as Callback)(x) : a));
      try {
        return await (member as (...a: unknown[]) => unknown)(...plain);
      } finally {
        for (const r of remotes) r[releaseProxy]();
      }
    };
  }
  expose(api, endpoint);
}
