// Offline for a lecture hall (issue 20): vite-plugin-pwa's Workbox service worker precaches the whole build at the
// first visit: the app, every tab's code, the theory and simulation workers, the tfjs WASM binaries, the fonts and
// the reference data, whether or not the page has used them yet. Registered in production builds only. Marks
// <html data-offline="ready"> once everything is cached. The precached responses keep the server's COOP/COEP
// headers, so the page stays cross-origin isolated offline (WASM threads).
/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';

export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const ready = () => (document.documentElement.dataset.offline = 'ready');
  registerSW({
    immediate: true,
    onOfflineReady: ready,
    // A later visit: the worker installed at an earlier one already holds this build.
    onRegisteredSW: (_url, reg) => {
      if (reg?.active && !reg.installing && !reg.waiting) ready();
    },
    onRegisterError: (e: unknown) => console.warn('offline mode unavailable:', e),
  });
}
