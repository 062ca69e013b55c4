// A lecture that works (issue 20): a slide link restores the whole view (parameters, phase plane and colouring,
// simulation settings, open and hidden panels, presentation mode), bad view values are named and replaced, space
// starts a run whose step counter floats over the figure, and after one visit without any simulation the app
// and its simulation run offline.
import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { failOnPageErrors, goOffline, nextCurve } from './helpers';

// Lets context.route see (and abort) the service worker's own requests (microsoft/playwright#2311), so that the
// offline test cuts the network for the worker too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const SHOTS = '/work/wt/shots/h21';
const BASE = '/#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8';
const VIEW =
  '&plane=delta&colour=epsOpt&sim-algo=adam&sim-start=uninformative&sim-d=20&sim-seed=7&sim-steps=40&open=explain&hide=hardness';

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('lecture', () => {
  failOnPageErrors();
  test.beforeAll(() => mkdir(SHOTS, { recursive: true }));

  test('a slide link restores the whole view, and the view follows into the link', async ({ page }) => {
    await page.goto(BASE + VIEW);
    await nextCurve(page);
    await expect(page.getByTestId('phase-plane-delta')).toBeChecked();
    await expect(page.getByTestId('phase-quantity')).toHaveValue('epsOpt');
    await expect(page.getByTestId('sim-algo')).toHaveValue('adam');
    await expect(page.getByTestId('sim-init')).toHaveValue('uninformative');
    await expect(page.getByTestId('sim-d')).toHaveValue('20');
    await expect(page.getByTestId('sim-seed')).toHaveValue('7');
    await expect(page.getByTestId('sim-steps')).toHaveValue('40');
    await expect(page.getByTestId('explain')).toHaveAttribute('open', '');
    await expect(page.getByTestId('hard-panel')).toBeHidden();
    await expect(page.getByTestId('sim-panel')).toBeVisible();
    await expect(page.getByTestId('family-error')).toHaveCount(0);
    // The first screen (issue 20): ε(α), the phase diagram and the Δ slider lie inside the 1440 × 900 window.
    for (const id of ['plot-eps', 'plot-phase', 'control-delta']) {
      const b = (await page.getByTestId(id).boundingBox())!;
      expect(b.y, id).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height, id).toBeLessThanOrEqual(900);
    }
    await page.screenshot({ path: `${SHOTS}/slide-link.png` });
    // The app's own writes keep the view; changing it rewrites the link (defaults are left out).
    const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
    for (const kv of ['plane=delta', 'colour=epsOpt', 'sim-algo=adam', 'sim-start=uninformative', 'sim-d=20'])
      expect(await hash()).toContain(`&${kv}`);
    await page.getByTestId('phase-plane-gamma').check();
    await page.getByTestId('sim-algo').selectOption('hmc');
    await expect.poll(hash).not.toContain('plane=');
    expect(await hash()).not.toContain('sim-algo');
    expect(await hash()).toContain('sim-d=20');
    // The link as it is now restores the same view in a fresh page.
    const link = await page.evaluate(() => location.href);
    const fresh = await page.context().newPage();
    await fresh.goto(link);
    await expect(fresh.getByTestId('phase-plane-gamma')).toBeChecked();
    await expect(fresh.getByTestId('sim-d')).toHaveValue('20');
    await expect(fresh.getByTestId('sim-algo')).toHaveValue('hmc');
    await fresh.close();
  });

  test('bad view values are named in the banner and replaced', async ({ page }) => {
    await page.goto(`${BASE}&plane=beta&sim-d=5&hide=sidebar,notes`);
    await nextCurve(page);
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('"plane" = "beta"');
    await expect(banner).toContainText('"sim-d" = 5 is outside [8, 200]');
    await expect(page.getByTestId('view-flag-errors')).toContainText('"sidebar"');
    await expect(page.getByTestId('phase-plane-gamma')).toBeChecked();
    await expect(page.getByTestId('sim-d')).toHaveValue('40');
    await expect(page.getByTestId('model-notes')).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/bad-view-link.png` });
  });

  test('presentation: figures fill the screen, Copy link stays, space shows the step counter', async ({ page }) => {
    await page.goto(`${BASE}&sim-algo=adam&sim-d=12&sim-steps=60&present=1`);
    await nextCurve(page);
    await expect(page.locator('html')).toHaveClass(/presenting/);
    await expect(page.getByTestId('copy-link')).toBeVisible();
    await expect(page.getByTestId('sim-panel')).toBeHidden();
    await expect(page.getByTestId('model-notes')).toBeHidden();
    const box = await page.getByTestId('plot-eps').boundingBox();
    expect(box!.width).toBeGreaterThan(900);
    expect(box!.height).toBeGreaterThan(500);
    await page.screenshot({ path: `${SHOTS}/present.png` });
    await page.locator('body').press('Space');
    const chip = page.getByTestId('sim-chip');
    await expect(chip).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(async () => Number(await page.getByTestId('sim-chip-step').textContent()), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/present-chip.png` });
    // open=sim shows the panel in presentation mode too.
    await page.goto(`${BASE}&present=1&open=sim`);
    await expect(page.getByTestId('sim-panel')).toBeVisible();
  });

  test('offline: after a first visit that ran no simulation, a reload without network runs one', async ({
    page,
    context,
  }) => {
    await page.goto(`${BASE}&sim-algo=adam&sim-d=12&sim-steps=30`);
    await nextCurve(page);
    await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 30_000 });
    // Every response after the reload must come from the worker's precache (this build never needs the network).
    const seen = await goOffline(page, context);
    await page.reload();
    await nextCurve(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true); // the cached page keeps COOP/COEP
    await page.getByTestId('sim-play').click();
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(page.getByTestId('sim-run-informative')).toHaveAttribute('data-step', '30');
    expect(seen.network).toEqual([]);
    expect(seen.cached).toBeGreaterThan(10); // the page, its code, its data
    await page.screenshot({ path: `${SHOTS}/offline-sim.png` });
    await context.setOffline(false);
  });
});
