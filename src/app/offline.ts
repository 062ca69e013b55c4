// Offline for a lecture hall (issue 20): vite-plugin-pwa's Workbox service worker precaches the whole build at the
// first visit: the app, every tab's code, the theory and simulation workers, the tfjs WASM binaries, the fonts and
// the reference data, whether or not the page has used them yet. Registered in production builds only. Marks
// <html data-offline="ready"> once everything is cached. The precached responses keep the server's COOP/COEP
// headers, so the page stays cross-origin isolated offline (WASM threads). The precache (several MB) starts 1.5 s
// after the page's load event, at an idle moment: at the first visit it would otherwise compete with the first
// curve for the CPU.
/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { whenIdle } from '../platform/compute/idle';

/** Registers the service worker `delayMs` after the page's load event, at the next idle moment. */
export function registerOffline(delayMs = 1500): void {
  if (!('serviceWorker' in navigator)) return;
  const start = () => setTimeout(() => whenIdle(register), delayMs);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

function register(): void {
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
