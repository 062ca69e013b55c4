import { expect, test } from '@playwright/test';
import { failOnPageErrors, SHOTS } from './helpers';

test.describe('spiked matrix–tensor tab', () => {
  failOnPageErrors();

  test('renders the phase diagram with its regions and the overlap on both branches, no error', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/#model=matrix-tensor&p=3&delta-p=0.5');
    const root = page.getByTestId('matrix-tensor-explorer');
    await expect(root).toHaveAttribute('data-complete', 'true', { timeout: 40_000 });
    await expect(root).toHaveAttribute('data-lines', '64');
    // Δp = 0.5: first-order transition, 1/Δ2_IT ≈ 0.8512 below 1/Δ2_AMP = 1 (p = 3); 1/Δ2_GF = (1 + √17)/2.
    await expect(page.getByTestId('readout-mt-it')).toHaveText(/^0\.851/);
    await expect(page.getByTestId('readout-mt-amp')).toHaveText(/^1(\.000)?/);
    await expect(page.getByTestId('readout-mt-gf')).toHaveText(/^2\.561/);
    // Langevin at T = 1 (p = 3): 1/Δ2_L = √(2/Δp) = 2 (note §4c)
    await expect(page.getByTestId('readout-mt-langevin')).toHaveText(/^2(\.000)?$/);
    const diagram = page.getByTestId('plot-mt-diagram');
    for (const line of ['it', 'amp', 'langevin', 'gf', 'triv'])
      await expect(diagram.locator(`path[data-series=line-${line}]`)).toHaveAttribute('d', /^M-?[\d.]+,-?[\d.]+L/);
    for (const region of ['impossible', 'hard-amp', 'hard-langevin', 'trivial'])
      await expect(diagram.getByTestId(`label-${region}`)).toBeVisible();
    const overlap = page.getByTestId('plot-mt-overlap');
    for (const s of ['m-amp', 'm-informative', 'm-equilibrium'])
      await expect(overlap.locator(`path[data-series=${s}]`)).toHaveAttribute('d', /^M-?[\d.]+,-?[\d.]+L/);
    await expect(overlap.getByTestId('band-hard')).toBeVisible();
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await expect(page.locator('text=NaN')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/matrix-tensor.png`, fullPage: false });
  });
});
