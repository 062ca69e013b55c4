// Offline support: a lecture without network still runs. Network first (so a new deployment shows at once), the
// cache when the network fails. The page tells the worker which files it has already loaded (the app shell, the
// hashed bundles, the theory worker, the data), because they were fetched before this worker controlled the page.
// Registered only in production builds (src/share/offline.ts).
const CACHE = 'explorer-v1';
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SCOPE.pathname]).catch(() => undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('explorer-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

const sameOrigin = (url) => url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);

/** Stores a copy of a good same-origin response (the key drops the #hash, which never reaches the network). */
async function remember(request, response) {
  if (!response || !response.ok || response.type === 'opaque') return;
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!sameOrigin(url)) return;
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        event.waitUntil(remember(request, response.clone()));
        return response;
      } catch (err) {
        const cache = await caches.open(CACHE);
        const hit =
          (await cache.match(request, { ignoreVary: true, ignoreSearch: request.mode === 'navigate' })) ??
          (request.mode === 'navigate' ? await cache.match(SCOPE.pathname) : undefined);
        if (hit) return hit;
        throw err;
      }
    })(),
  );
});

// { type: 'cache', urls } → caches those not cached yet; answers on the message port with how many are stored.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return;
  const port = event.ports && event.ports[0];
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      let stored = 0;
      for (const u of data.urls) {
        let url;
        try {
          url = new URL(u, SCOPE);
        } catch {
          continue;
        }
        if (!sameOrigin(url)) continue;
        url.hash = '';
        if (await cache.match(url.href)) {
          stored++;
          continue;
        }
        try {
          const response = await fetch(url.href);
          if (response.ok) {
            await cache.put(url.href, response);
            stored++;
          }
        } catch {
          /* offline already: keep what we have */
        }
      }
      if (port) port.postMessage({ type: 'cached', stored });
    })(),
  );
});
