// Registers public/sw.js (production builds only) and hands it the files this page has loaded so far, so that a
// talk can go on without network. Marks <html data-offline="ready"> once they are cached.
export function registerOffline(base: string): void {
  if (!('serviceWorker' in navigator)) return;
  const start = async () => {
    try {
      await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
      const reg = await navigator.serviceWorker.ready;
      const send = () =>
        new Promise<number>((resolve) => {
          const urls = [window.location.pathname, ...performance.getEntriesByType('resource').map((e) => e.name)];
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => resolve(Number((e.data as { stored?: number }).stored ?? 0));
          reg.active?.postMessage({ type: 'cache', urls }, [channel.port2]);
        });
      await send();
      // Files fetched after the first message (the theory worker, late data) go through the worker's runtime
      // cache once it controls the page; a second pass covers the gap before it did.
      await new Promise((r) => setTimeout(r, 1500));
      await send();
      document.documentElement.dataset.offline = 'ready';
    } catch (e) {
      console.warn('offline mode unavailable:', e);
    }
  };
  if (document.readyState === 'complete') void start();
  else window.addEventListener('load', () => void start(), { once: true });
}
