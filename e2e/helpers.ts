// Helpers shared by the e2e specs: screenshot folder, slider input, the MLP curve wait, page-error guard.
import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Download, type Page } from '@playwright/test';

export const SHOTS = 'shots';

/** The MLP ε(α) figure and its equilibrium path. */
export const epsFig = (page: Page) => page.getByTestId('plot-eps');
export const eqPath = (page: Page) => epsFig(page).locator('path[data-series=equilibrium]');

/** Any uncaught page error fails the test (registers a beforeEach in the calling describe block). */
export function failOnPageErrors(): void {
  test.beforeEach(async ({ page }) => {
    page.on('pageerror', (e) => {
      throw e;
    });
  });
}

/**
 * Waits until the ε plot shows a complete curve of a generation other than `prev`, with its α_sp search settled
 * (α_sp moves the drawn jump); returns that generation.
 */
export async function nextCurve(page: Page, prev: string | null = null): Promise<string> {
  let gen: string | null = null;
  await expect
    .poll(
      async () => {
        gen = await epsFig(page).getAttribute('data-complete-gen');
        const t = await epsFig(page).getAttribute('data-transition');
        return gen !== null && gen !== prev && (t === 'done' || t === 'error');
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return gen!;
}

/** Sets a range input the way a drag does (native value setter + input event, which React listens to). */
export async function setRange(page: Page, testId: string, value: number): Promise<void> {
  await page.getByTestId(testId).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Clicks a download button and returns the download with its content. */
export async function downloadOf(page: Page, testId: string): Promise<{ d: Download; body: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await d.path();
  return { d, body: await readFile(path!) };
}

/**
 * Cuts the network for the page and for its service worker (context.route sees the worker's own requests when
 * PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1, microsoft/playwright#2311) and sorts the page's responses from
 * then on: `network` lists those that did not come from the service worker, `cached` counts the others.
 */
export async function goOffline(page: Page, context: BrowserContext): Promise<{ network: string[]; cached: number }> {
  await context.route('**', (route) =>
    route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue(),
  );
  const seen = { network: [] as string[], cached: 0 };
  page.on('response', (r) => (r.fromServiceWorker() ? seen.cached++ : seen.network.push(r.url())));
  await context.setOffline(true);
  return seen;
}
