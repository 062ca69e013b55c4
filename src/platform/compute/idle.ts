// Work the first view must not wait for (overlay files, the offline precache): run it once the page is idle, so
// that it does not compete for the CPU with the curve being computed and drawn (on two cores every task of the page
// slows the others).

/**
 * Calls back when the main thread is idle, or after `timeoutMs` at the latest; where idle callbacks are missing
 * (Node, Safari), after a short delay.
 */
export function whenIdle(cb: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => cb(), { timeout: timeoutMs });
  else setTimeout(cb, 50);
}
