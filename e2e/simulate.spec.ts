import { expect, test, type Page } from '@playwright/test';
import { SHOTS } from './helpers';

const steps = (page: Page) => page.getByTestId('plot-sim-error').getAttribute('data-steps').then(Number);

async function fill(page: Page, id: string, value: string): Promise<void> {
  const el = page.getByTestId(id);
  await el.fill(value);
}

test.describe('simulation panel', () => {
  test('run, watch the error curve move, pause, step, reset', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/#v=1&alpha=2&gamma=0.5&delta=0.1&act=relu&readout=ones&weights=gaussian');
    const panel = page.getByTestId('sim-panel');
    await expect(panel).toBeVisible();
    await fill(page, 'sim-d', '16');
    await fill(page, 'sim-steps', '400');
    await page.getByTestId('sim-speed').selectOption('10');
    await page.getByTestId('sim-play').click();
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
    await expect.poll(() => steps(page), { timeout: 30_000 }).toBeGreaterThan(4);
    const path = page.getByTestId('plot-sim-error').locator('path[data-series=sim-error]');
    await expect(path).toHaveAttribute('d', /M.+L.+L/);
    const backend = await page.getByTestId('sim-backend').getAttribute('data-backend');
    expect(['webgl', 'wasm', 'cpu']).toContain(backend);
    await panel.screenshot({ path: `${SHOTS}/sim-running.png` });

    await page.getByTestId('sim-play').click(); // pause
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'paused');
    const n0 = await steps(page);
    await page.waitForTimeout(800);
    const n1 = await steps(page);
    expect(n1 - n0).toBeLessThanOrEqual(1); // a step in flight may land
    await page.getByTestId('sim-step').click();
    await expect.poll(() => steps(page)).toBe(n1 + 1);

    // The keyboard-shortcut events toggle play and reset.
    await page.evaluate(() => window.dispatchEvent(new CustomEvent('explorer:toggle-play')));
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'running');
    await page.evaluate(() => window.dispatchEvent(new CustomEvent('explorer:reset')));
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'idle');
    await expect.poll(() => steps(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  test('GAMP-RIE run becomes a point on the ε(α) plot; bad input shows a message', async ({ page }) => {
    await page.goto('/#v=1&alpha=2&gamma=0.5&delta=0.1&act=relu&readout=ones&weights=gaussian');
    await page.getByTestId('sim-algo').selectOption('gamp');
    await fill(page, 'sim-d', '24');
    await fill(page, 'sim-steps', '60');
    await page.getByTestId('sim-play').click();
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', { timeout: 40_000 });
    await expect(page.getByTestId('plot-eps').getByTestId('sim-points')).toHaveAttribute('data-count', '1');
    await page.getByTestId('plot-eps').screenshot({ path: `${SHOTS}/sim-eps-point.png` });
    await page.getByTestId('sim-panel').screenshot({ path: `${SHOTS}/sim-gamp.png` });

    await fill(page, 'sim-sweep-alphas', '1,banana');
    await page.getByTestId('sim-sweep').click();
    await expect(page.getByTestId('sim-message')).toContainText('number');
    await expect(page.getByTestId('plot-eps')).toBeVisible();

    // A sweep over α fills the plot progressively.
    await fill(page, 'sim-d', '16');
    await fill(page, 'sim-sweep-alphas', '1,4');
    await fill(page, 'sim-sweep-seeds', '1,2');
    await page.getByTestId('sim-sweep').click();
    await expect(page.getByTestId('plot-eps').getByTestId('sim-points')).toHaveAttribute('data-count', '3', {
      timeout: 40_000,
    });
    await expect(page.getByTestId('sim-sweep')).toBeVisible({ timeout: 40_000 }); // the cancel button is gone: done
    await page.getByTestId('plot-eps').screenshot({ path: `${SHOTS}/sim-eps-sweep.png` });
  });
});
