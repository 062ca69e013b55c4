// A stand-in for a module Worker in unit tests: comlink over a MessageChannel, serving an API of the test's
// choosing; `crash` fires onerror as a dying worker would.
import { expose } from 'comlink';
import type { WorkerFactory } from '../workerClient';

export class FakeWorker {
  onerror: ((ev: { message: string; filename?: string; lineno?: number; preventDefault(): void }) => void) | null =
    null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  private readonly channel = new MessageChannel();

  constructor(api: object) {
    expose(api, this.channel.port2 as unknown as Parameters<typeof expose>[1]);
  }
  postMessage(msg: unknown, transfer?: Transferable[]) {
    if (!this.terminated) this.channel.port1.postMessage(msg, transfer ?? []);
  }
  addEventListener(type: string, fn: EventListener) {
    this.channel.port1.addEventListener(type, fn);
    this.channel.port1.start();
  }
  removeEventListener(type: string, fn: EventListener) {
    this.channel.port1.removeEventListener(type, fn);
  }
  terminate() {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
  crash(message: string) {
    this.onerror?.({ message, filename: 'http://x/assets/model.worker.js', lineno: 7, preventDefault() {} });
  }
}

/** A factory that builds a FakeWorker per spawn (`api(n)` for the n-th, from 0) and keeps them for inspection. */
export function fakeFactory(api: (n: number) => object): { factory: WorkerFactory; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    factory: () => {
      const w = new FakeWorker(api(workers.length));
      workers.push(w);
      return w as unknown as Worker;
    },
  };
}

/** A promise that never settles: a hung worker call. */
export const never = <T>(): Promise<T> => new Promise<T>(() => {});

export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
