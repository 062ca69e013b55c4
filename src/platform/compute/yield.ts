// Small helpers shared by the worker services.

/** Lets queued messages (newer requests) run; a MessageChannel avoids the 4 ms clamp of nested timers. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** The first line of an error's message: what a one-line UI message shows. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}
